package org.duban.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.operation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.duban.support.TestAccounts;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * With JSON logs switched on, each line is one JSON object, lines logged while serving a request carry its
 * request id, and neither the password tried nor a token appears anywhere.
 */
@QuarkusTest
@TestProfile(JsonLogsTest.JsonLogs.class)
class JsonLogsTest {

    static final Path LOG = Path.of("target", "json-logs", "duban.log");

    public static class JsonLogs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.file.enabled", "true", "quarkus.log.file.path", LOG.toString(),
                    "quarkus.log.file.json.enabled", "true");
        }
    }

    @Inject
    Pool pool;

    @Test
    void linesAreJsonWithTheRequestIdAndWithoutSecrets() throws IOException {
        String username = "jsonlog-" + System.nanoTime() % 100_000_000;
        TestAccounts.create(pool, username, "日志", null, null, "LEADER");
        String wrongPassword = "Not-My-Password-31";
        Response failed = login(username, wrongPassword);
        String requestId = failed.header("X-Request-Id");
        String token = login(username, "demo").jsonPath().getString("data.login.token");
        assertThat(token).isNotBlank();

        List<JsonObject> lines = Files.readAllLines(LOG).stream().filter(line -> !line.isBlank()).map(JsonObject::new).toList();
        JsonObject failure = lines.stream().filter(line -> ("Failed login for " + username).equals(line.getString("message")))
                .findFirst().orElseThrow(() -> new AssertionError("no failed-login line in " + LOG));
        assertThat(failure.getString("level")).isEqualTo("INFO");
        assertThat(failure.getJsonObject("mdc").getString("requestId")).isEqualTo(requestId);
        String everything = Files.readString(LOG);
        assertThat(everything).doesNotContain(wrongPassword, token, "\"demo\"");
    }

    private static Response login(String username, String password) {
        return given().contentType("application/json")
                .body(Map.of("query", operation("login"), "variables", Map.of("username", username, "password", password)))
                .post("/graphql");
    }
}
