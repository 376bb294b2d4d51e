package org.duban.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.duban.support.GraphQL;
import org.duban.support.HostileTokens;
import org.duban.support.TestAccounts;
import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The hostile corpus ({@code src/test/resources/hostile/*.json}, its README says the format): every case is sent as
 * it stands and must be answered within two seconds, with the status or {@code extensions.code} it states, never a
 * 5xx, never a class name, stack trace, SQL or path; a refused request changes no row; and the service answers the
 * next request as before.
 */
@QuarkusTest
class HostileCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/hostile");
    private static final ObjectMapper FILES = new ObjectMapper();
    /** Lone surrogates and NUL must reach the service as the JSON escapes the corpus holds. */
    private static final ObjectMapper WIRE = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);
    private static final Pattern LEAK = Pattern.compile("org\\.duban|java\\.[a-z]|javax\\.|jakarta\\.|io\\.(vertx|smallrye|quarkus|netty)"
            + "|org\\.(hibernate|postgresql|yaml|jboss)|graphql\\.(execution|schema|language)|Exception\\b|\\.java\\b|SQLSTATE|ERROR: "
            + "|/work/|/tmp/|Unknown Scalar Type|relation \"|(Object|String|Int|Array)Value\\{");
    private static final Pattern REPEAT = Pattern.compile("%REPEAT:([^:%]+):(\\d+)%");
    private static final Pattern MANY = Pattern.compile("%MANY:(\\d+):(.*?)%", Pattern.DOTALL);
    /** Rows a refused request must leave as they were; the audit log catches changes to rows of any audited table. */
    private static final String ROW_COUNTS = "select (select count(*) from task) || '/' || (select count(*) from plan) || '/'"
            + " || (select count(*) from unit) || '/' || (select count(*) from region) || '/' || (select count(*) from account)"
            + " || '/' || (select count(*) from deliverable) || '/' || (select count(*) from progress_report) || '/'"
            + " || (select count(*) from evidence) || '/' || (select count(*) from parcel) || '/' || (select count(*) from inspection)"
            + " || '/' || (select count(*) from notification) || '/' || (select count(*) from delivery) || '/'"
            + " || (select count(*) from deadline_extension) || '/' || (select coalesce(max(id), 0) from audit_log)";
    private static final AtomicInteger NONCE = new AtomicInteger();
    private static volatile Map<String, String> fixture;

    @Inject
    Pool pool;

    record Case(String file, String name, JsonNode spec, String value) {
        @Override
        public String toString() {
            String shown = value == null ? "" : " [" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "]";
            return file + ": " + name + shown;
        }
    }

    static Stream<Case> corpus() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode spec : FILES.readTree(file.toFile()).get("cases")) {
                    String name = file.getFileName().toString().replace(".json", "");
                    if (spec.has("values")) {
                        spec.get("values").forEach(value -> cases.add(new Case(name, spec.get("name").asText(), spec, value.asText())));
                    } else {
                        cases.add(new Case(name, spec.get("name").asText(), spec, null));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isAnsweredCleanly(Case hostile) throws Exception {
        Map<String, String> fixed = fixture();
        Map<String, String> values = new java.util.HashMap<>(fixed);
        int nonce = NONCE.incrementAndGet();
        values.put("NONCE", nonce + "-" + System.nanoTime() % 100_000);
        values.put("FRESH_REGION", String.format("97%03d%04d", nonce % 1000, System.nanoTime() % 10_000));
        TestPlans.placeRegion(values.get("FRESH_REGION"), "测试县");
        String as = hostile.spec().path("as").asText("admin");
        String token = HostileTokens.forRole(as, pool);
        values.put("TOKEN", token == null ? "" : token);
        if (hostile.value() != null) {
            values.put("VALUE", hostile.value());
        }
        JsonNode expect = hostile.spec().get("expect");
        boolean refused = !(expect.isTextual() && expect.asText().equals("DATA")) && !(expect.isInt() && expect.asInt() < 300);
        String before = refused ? rowCounts() : null;

        long started = System.nanoTime();
        Answer answer = send(hostile.spec(), values, token);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("answered within %s", ANSWER_WITHIN).isLessThan(ANSWER_WITHIN);
        assertThat(answer.status()).as(answer.body()).isLessThan(500);
        String code = answer.code();
        if (expect.isInt()) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(expect.asInt());
            if (expect.asInt() >= 400 && !hostile.spec().path("http").has("raw")) {
                assertThat(code).as("every refusal names its code: " + answer.body()).isNotNull();
            }
        } else if (expect.asText().equals("DATA")) {
            JsonPath json = JsonPath.from(answer.body());
            assertThat(json.getList("errors")).as(answer.body()).isNull();
            assertThat(json.getMap("data")).as(answer.body()).isNotNull();
            JsonNode echo = hostile.spec().get("echo");
            if (echo != null) {
                Object echoed = json.get(echo.get("path").asText());
                assertThat(String.valueOf(echoed)).isEqualTo(echo.get("value").asText());
            }
        } else {
            assertThat(code).as(answer.body()).isEqualTo(expect.asText());
        }
        if (refused) {
            Matcher leak = LEAK.matcher(answer.body());
            assertThat(leak.find()).as("leaks %s in %s", leak.hitEnd() ? "" : safeGroup(leak), answer.body()).isFalse();
            assertThat(rowCounts()).as("a refused request changes nothing").isEqualTo(before);
        }
        JsonPath still = GraphQL.execute(GraphQL.token("admin"), "{ __typename }", Map.of());
        assertThat(still.getString("data.__typename")).isEqualTo("Query");
    }

    private static String safeGroup(Matcher matcher) {
        try {
            return matcher.group();
        } catch (IllegalStateException none) {
            return "";
        }
    }

    record Answer(int status, String body) {
        /** {@code errors[0].extensions.code} of a GraphQL answer, or {@code code} of a REST one. */
        String code() {
            try {
                JsonNode json = FILES.readTree(body);
                if (json.has("errors")) {
                    JsonNode code = json.path("errors").path(0).path("extensions").path("code");
                    return code.isTextual() ? code.asText() : null;
                }
                return json.path("code").isTextual() ? json.get("code").asText() : null;
            } catch (IOException notJson) {
                return null;
            }
        }
    }

    private Answer send(JsonNode spec, Map<String, String> values, String token) throws Exception {
        JsonNode http = spec.get("http");
        if (http == null) {
            return post("/graphql", "application/json", graphQLBody(spec, values), token, Map.of(), "POST");
        }
        String method = http.get("method").asText();
        String path = substitute(http.get("path").asText(), values);
        if (method.equals("RAW")) {
            return raw(substitute(http.get("raw").asText(), values));
        }
        Map<String, String> headers = new java.util.HashMap<>();
        http.path("headers").fields().forEachRemaining(header -> headers.put(header.getKey(), header.getValue().asText()));
        if (http.has("multipart")) {
            JsonNode part = http.get("multipart");
            byte[] content = part.has("contentBase64") ? Base64.getDecoder().decode(substitute(part.get("contentBase64").asText(), values))
                    : substitute(part.get("content").asText(), values).getBytes(StandardCharsets.UTF_8);
            String boundary = "corpus" + HexFormat.of().toHexDigits(System.nanoTime());
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.get("name").asText() + "\"; filename=\""
                    + part.get("fileName").asText() + "\"\r\nContent-Type: " + part.get("contentType").asText() + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[head.length + content.length + tail.length];
            System.arraycopy(head, 0, body, 0, head.length);
            System.arraycopy(content, 0, body, head.length, content.length);
            System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
            return post(path, "multipart/form-data; boundary=" + boundary, body, token, headers, method);
        }
        byte[] body = http.has("bodyBase64") ? Base64.getDecoder().decode(http.get("bodyBase64").asText())
                : http.has("body") ? substitute(http.get("body").asText(), values).getBytes(StandardCharsets.UTF_8) : null;
        return post(path, http.path("contentType").asText(null), body, token, headers, method);
    }

    private static byte[] graphQLBody(JsonNode spec, Map<String, String> values) throws IOException {
        String query = substitute(spec.get("query").asText(), values);
        String variables = WIRE.writeValueAsString(spec.has("variables") ? spec.get("variables") : FILES.createObjectNode());
        if (values.containsKey("VALUE")) {
            variables = variables.replace("\"%VALUE%\"", values.get("VALUE"));
        }
        variables = substitute(variables, values);
        StringBuilder body = new StringBuilder("{\"query\": ").append(WIRE.writeValueAsString(query))
                .append(", \"variables\": ").append(variables);
        if (spec.has("operationName")) {
            body.append(", \"operationName\": ").append(WIRE.writeValueAsString(spec.get("operationName").asText()));
        }
        return body.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Fixture ids and tokens, then the generated text: {@code %REPEAT:text:n%} and {@code %MANY:n:template with #%}. */
    private static String substitute(String text, Map<String, String> values) {
        String result = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            result = result.replace("%" + value.getKey() + "%", value.getValue());
        }
        result = REPEAT.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1).repeat(Integer.parseInt(m.group(2)))));
        return MANY.matcher(result).replaceAll(m -> {
            StringBuilder many = new StringBuilder();
            for (int i = 0; i < Integer.parseInt(m.group(1)); i++) {
                many.append(m.group(2).replace("#", String.valueOf(i)));
            }
            return Matcher.quoteReplacement(many.toString());
        });
    }

    private static Answer post(String path, String contentType, byte[] body, String token, Map<String, String> headers, String method)
            throws IOException, InterruptedException, URISyntaxException {
        HttpRequest.Builder request = HttpRequest.newBuilder(new URI("http://localhost:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null && !headers.containsKey("Authorization")) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** Bytes a client library would never send: a broken request line, a lying length. */
    private static Answer raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            int read = in.read(buffer);
            String answer = read <= 0 ? "" : new String(buffer, 0, read, StandardCharsets.UTF_8);
            Matcher status = Pattern.compile("^HTTP/1\\.\\d (\\d{3})").matcher(answer);
            int split = answer.indexOf("\r\n\r\n");
            return new Answer(status.find() ? Integer.parseInt(status.group(1)) : 0, split < 0 ? "" : answer.substring(split + 4));
        }
    }

    private String rowCounts() {
        return pool.query(ROW_COUNTS).execute().map(rows -> rows.iterator().next()).map((Row row) -> row.getString(0))
                .await().atMost(Duration.ofSeconds(10));
    }

    /**
     * A region of its own, so that no other test sees the corpus' writes: task A is 局甲's (account hostile-unit), B
     * and the monthly R are 局乙's (hostile-other).
     */
    private Map<String, String> fixture() {
        if (fixture != null) {
            return fixture;
        }
        synchronized (HostileCorpusTest.class) {
            if (fixture == null) {
                fixture = createFixture();
            }
            return fixture;
        }
    }

    private Map<String, String> createFixture() {
        TestPlans.Names names = TestPlans.fresh("hostile");
        String document = TestPlans.withUnits(TestPlans.document(names, """
                - { code: A, title: 局甲的任务, deadline: 2030-06-30, units: [{ unit: 局甲, role: LEAD }], deliverables: [甲] }
                - { code: B, title: 局乙的任务, deadline: 2030-06-30, units: [{ unit: 局乙, role: LEAD }], deliverables: [乙] }
                - { code: R, title: 每月任务, recurrence: "FREQ=MONTHLY;BYMONTHDAY=5", startDate: 2030-01-01, units: [{ unit: 局乙 }] }
                """), TestPlans.TOWNSHIP);
        String planId = TestPlans.importPlan(document);
        Map<String, String> tasks = TestPlans.taskIds(planId);
        String ownUnit = TestPlans.unitId(names.regionCode(), "测试县甲局");
        String otherUnit = TestPlans.unitId(names.regionCode(), "测试县乙局");
        TestAccounts.create(pool, HostileTokens.UNIT, "局甲联络员", TestIds.key(ownUnit), null);
        TestAccounts.create(pool, HostileTokens.OTHER_UNIT, "局乙联络员", TestIds.key(otherUnit), null);
        // A is under way, so submissions get as far as their evidence.
        GraphQL.ok(GraphQL.execute(GraphQL.token(HostileTokens.UNIT), "mutation($t: ID!) { reportProgress(taskId: $t, input:"
                + " {percent: 10, summary: \"开始\"}) { id } }", Map.of("t", tasks.get("A"))));
        Map<String, String> values = new java.util.HashMap<>();
        values.put("PLAN", planId);
        values.put("TASK", tasks.get("A"));
        values.put("OTHER_TASK", tasks.get("B"));
        values.put("RECURRING_TASK", tasks.get("R"));
        values.put("OTHER_DELIVERABLE", Ids.of(IdKind.DELIVERABLE, Long.parseLong(
                single("select id from deliverable where task_id = " + TestIds.key(tasks.get("B"))))));
        values.put("OWN_UNIT", ownUnit);
        values.put("OTHER_UNIT", otherUnit);
        values.put("REGION", TestPlans.regionId(names.regionCode()));
        values.put("TOWNSHIP", TestPlans.unitId(names.regionCode(), "测试镇人民政府"));
        values.put("PARCEL", Ids.of(IdKind.PARCEL, Long.parseLong(single("select min(id) from parcel"))));
        values.put("PNG", ONE_PIXEL_PNG);
        return Map.copyOf(values);
    }

    private String single(String sql) {
        return pool.query(sql).execute().map(rows -> String.valueOf(rows.iterator().next().getValue(0)))
                .await().atMost(Duration.ofSeconds(10));
    }

    private static final String ONE_PIXEL_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP4z8DwHwAFAAIBpfGo1gAAAABJRU5ErkJggg==";
}
