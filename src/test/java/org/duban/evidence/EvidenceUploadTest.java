package org.duban.evidence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.supervision.EvidenceFiles.upload;
import static org.duban.supervision.EvidenceFiles.uploaded;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.duban.supervision.EvidenceFiles;
import org.duban.support.GraphQL;
import org.duban.support.TestAccounts;
import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The upload endpoint: types by content, the size limit, the digest, and downloads only for those who see the task. */
@QuarkusTest
class EvidenceUploadTest {

    /** The default limit, 20 MB. */
    private static final int LIMIT = 20 * 1024 * 1024;

    @Inject
    Pool pool;

    private String task;
    private String member;
    private String outsider;

    @BeforeEach
    void freshTask() {
        TestPlans.Names names = TestPlans.fresh("evidence");
        String planId = TestPlans.importPlan(TestPlans.withUnits(TestPlans.document(names,
                "- { code: E1, title: 佐证, deadline: 2030-06-28, units: [{ unit: 局甲 }] }"),
                "{ name: 测试县丙局, shortName: 局丙, kind: DEPARTMENT }"));
        task = TestPlans.taskIds(planId).get("E1");
        member = "ev-a-" + names.regionCode();
        outsider = "ev-c-" + names.regionCode();
        TestAccounts.create(pool, member, "甲局人员", TestIds.key(TestPlans.unitId(names.regionCode(), "测试县甲局")), null, "UNIT");
        TestAccounts.create(pool, outsider, "丙局人员", TestIds.key(TestPlans.unitId(names.regionCode(), "测试县丙局")), null, "UNIT");
    }

    @Test
    void eachAllowedTypeIsToldByItsContent() {
        Map<String, byte[]> files = Map.of(
                "application/pdf", EvidenceFiles.pdf(),
                "application/ofd", EvidenceFiles.ofd(),
                "image/jpeg", EvidenceFiles.jpeg(),
                "image/png", EvidenceFiles.png(),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", EvidenceFiles.docx(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", EvidenceFiles.xlsx());
        files.forEach((type, content) -> {
            // The name says nothing: every file is uploaded as "scan.bin".
            Response response = upload(member, task, "scan.bin", content);
            assertThat(response.statusCode()).as(type).isEqualTo(201);
            assertThat(response.jsonPath().getString("contentType")).isEqualTo(type);
            assertThat(response.jsonPath().getString("sha256")).isEqualTo(sha256(content));
            assertThat(response.jsonPath().getInt("sizeBytes")).isEqualTo(content.length);
        });
        List<String> listed = ok(run(member, "task-supervision", "id", task)).getList("data.task.evidence.contentType");
        assertThat(listed).containsExactlyInAnyOrderElementsOf(files.keySet());
    }

    @Test
    void aBodyThatIsNotMultipartIsRefusedAtOnce() {
        long before = storedFiles();
        long started = System.nanoTime();
        Response response = given().header("Authorization", "Bearer " + GraphQL.token(member)).contentType("application/json")
                .body("{\"file\": \"JVBERi0xLjQ=\"}").post("/tasks/" + task + "/evidence");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.jsonPath().getString("code")).isEqualTo("VALIDATION");
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void otherContentIsRefusedWhateverItsNameAndNothingIsStored() {
        long before = storedFiles();
        List<byte[]> refused = List.of(
                "MZ this is a Windows executable".getBytes(),
                "plain text named like a PDF".getBytes(),
                EvidenceFiles.zip(Map.of("readme.txt", "a zip is not a document")),
                EvidenceFiles.zip(Map.of("[Content_Types].xml", "<Types/>", "ppt/presentation.xml", "<p/>")),
                Arrays.copyOf(EvidenceFiles.docx(), 40));
        for (byte[] content : refused) {
            Response response = upload(member, task, "整改报告.pdf", content);
            assertThat(response.statusCode()).isEqualTo(415);
            assertThat(response.jsonPath().getString("code")).isEqualTo("VALIDATION");
        }
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void aFileOverTheLimitIsRefusedAndNothingIsStored() throws Exception {
        long before = storedFiles();
        byte[] justTooLarge = pdfOfSize(LIMIT + 1);
        HttpResponse<String> refused = uploadAskingToContinue(member, task, justTooLarge);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("\"code\":\"VALIDATION\"");
        assertThat(storedFiles()).isEqualTo(before);

        byte[] atTheLimit = pdfOfSize(LIMIT);
        HttpResponse<String> taken = uploadAskingToContinue(member, task, atTheLimit);
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
        assertThat(taken.body()).contains(sha256(atTheLimit));
        assertThat(storedFiles()).as("the evidence row and its content").isEqualTo(before + 2);
    }

    @Test
    void onlyThoseWhoSeeTheTaskDownloadItsEvidence() {
        byte[] content = EvidenceFiles.pdf();
        String id = uploaded(member, task, "情况说明（终稿）.pdf", content);

        Response mine = download(member, id);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.asByteArray()).isEqualTo(content);
        assertThat(mine.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(mine.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(mine.header("ETag")).isEqualTo("\"" + sha256(content) + "\"");
        assertThat(mine.header("Content-Disposition")).contains("filename*=UTF-8''");

        assertThat(download("leader", id).statusCode()).isEqualTo(200);
        assertThat(download(outsider, id).statusCode()).isEqualTo(404);
        assertThat(download(null, id).statusCode()).isEqualTo(401);
        assertThat(download(member, "999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void onlyTheResponsibleUnitsAndTheOfficeUpload() {
        assertThat(upload(null, task, "a.pdf", EvidenceFiles.pdf()).statusCode()).isEqualTo(401);
        assertThat(upload(outsider, task, "a.pdf", EvidenceFiles.pdf()).statusCode()).isEqualTo(404);
        assertThat(upload("leader", task, "a.pdf", EvidenceFiles.pdf()).statusCode()).isEqualTo(403);
        assertThat(upload(member, "999999999", "a.pdf", EvidenceFiles.pdf()).statusCode()).isEqualTo(404);
        assertThat(upload("admin", task, "a.pdf", EvidenceFiles.pdf()).statusCode()).isEqualTo(201);
        Response noFile = given().header("Authorization", "Bearer " + GraphQL.token(member))
                .multiPart("attachment", "a.pdf", EvidenceFiles.pdf()).post("/tasks/" + task + "/evidence");
        assertThat(noFile.statusCode()).isEqualTo(400);
    }

    /**
     * As curl sends a large file: "Expect: 100-continue", the body only once the server says it will take it. (The
     * JDK's client also sends 20 MB far faster than RestAssured's multipart.)
     */
    private static HttpResponse<String> uploadAskingToContinue(String user, String taskId, byte[] content) throws Exception {
        String boundary = "duban-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"limit.pdf\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/tasks/" + taskId + "/evidence"))
                .expectContinue(true)
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + GraphQL.token(user))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofByteArray(content), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Response download(String user, String id) {
        var request = given();
        if (user != null) {
            request.header("Authorization", "Bearer " + GraphQL.token(user));
        }
        return request.get("/evidence/" + id);
    }

    /** Evidence rows of the task plus stored contents of any task. */
    private long storedFiles() {
        return pool.preparedQuery("select (select count(*) from evidence_content) + (select count(*) from evidence where task_id = $1) as n")
                .execute(Tuple.of(TestIds.key(task))).await().indefinitely().iterator().next().getLong("n");
    }

    private static byte[] pdfOfSize(int size) {
        byte[] content = new byte[size];
        Arrays.fill(content, (byte) ' ');
        byte[] head = EvidenceFiles.pdf();
        System.arraycopy(head, 0, content, 0, head.length);
        return content;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
