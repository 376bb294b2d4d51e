package org.duban.common.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.duban.support.GraphQL;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Requests to /graphql that are not GraphQL over HTTP get a GraphQL answer with {@code extensions.code}, never a
 * 500, and leave nothing behind: before, an anonymous multipart request wrote its file parts to disk for good.
 */
@QuarkusTest
class MalformedRequestsTest {

    private static final Path UPLOADS = Path.of("file-uploads");

    @Test
    void aMultipartRequestIsRefusedAndItsFilesAreNotKept() throws IOException {
        long before = files();
        Response answer = given().multiPart("file", "big.bin", new byte[1024 * 1024], "application/octet-stream")
                .post("/graphql");
        assertThat(answer.statusCode()).isEqualTo(415);
        assertThat(answer.jsonPath().getString("errors[0].extensions.code")).isEqualTo("VALIDATION");
        assertThat(files()).as("files left in " + UPLOADS.toAbsolutePath()).isEqualTo(before);
    }

    @Test
    void aMultipartRequestWithoutPartsIsRefused() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + RestAssured.port + "/graphql"))
                .header("Content-Type", "multipart/form-data; boundary=nothing")
                .POST(HttpRequest.BodyPublishers.ofString("--nothing--\r\n")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(415);
        assertThat(new JsonPath(answer.body()).getString("errors[0].extensions.code")).isEqualTo("VALIDATION");
    }

    @Test
    void anEmptyBodyIsValidation() {
        Response answer = given().contentType("application/json").body("").post("/graphql");
        assertThat(answer.statusCode()).isLessThan(500);
        assertThat(answer.jsonPath().getString("errors[0].extensions.code")).isEqualTo("VALIDATION");
    }

    @Test
    void variablesThatAreNotAnObjectAreValidation() {
        Response answer = given().contentType("application/json")
                .body("{\"query\": \"query($id: ID!) { task(id: $id) { id } }\", \"variables\": \"{\\\"id\\\": \\\"1\\\"}\"}")
                .post("/graphql");
        assertThat(answer.statusCode()).isLessThan(500);
        assertThat(answer.jsonPath().getString("errors[0].extensions.code")).isEqualTo("VALIDATION");
        assertThat(answer.jsonPath().getString("errors[0].message")).contains("variables");
    }

    @Test
    void aSubscriptionOverHttpIsValidation() {
        Response answer = given().contentType("application/json").header("Authorization", "Bearer " + GraphQL.token("admin"))
                .body("{\"query\": \"subscription { notificationAdded { id } }\"}").post("/graphql");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.jsonPath().getString("errors[0].extensions.code")).isEqualTo("VALIDATION");
        assertThat(answer.jsonPath().getString("errors[0].message")).contains("WebSocket");
        assertThat(answer.jsonPath().getString("data")).isNull();
    }

    private static long files() throws IOException {
        if (!Files.isDirectory(UPLOADS)) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(UPLOADS)) {
            return all.filter(Files::isRegularFile).count();
        }
    }
}
