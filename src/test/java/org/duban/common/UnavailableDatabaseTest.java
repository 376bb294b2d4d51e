package org.duban.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.execute;
import static org.duban.support.GraphQL.operation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.duban.access.TokenIssuer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** With the database out of reach, requests fail as UNAVAILABLE, not as a mystery. */
@QuarkusTest
@TestProfile(UnavailableDatabaseTest.DatabaseDown.class)
class UnavailableDatabaseTest {

    public static class DatabaseDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Port 1 refuses connections; nothing may touch the database at start.
            return Map.of(
                    "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:1/duban",
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/duban",
                    "quarkus.flyway.migrate-at-start", "false",
                    "duban.demo.enabled", "false");
        }
    }

    @Inject
    TokenIssuer tokens;

    @Test
    void aQueryAnswersUnavailable() {
        String token = tokens.issue(1, "admin", "Admin", new String[] { "ADMIN" }, 0).token();
        JsonPath response = execute(token, operation("plans"), Map.of());
        assertThat(errorCode(response)).isEqualTo("UNAVAILABLE");
        assertThat(response.getString("errors[0].message")).doesNotContain("127.0.0.1", "Connection refused");
    }

    @Test
    void evidenceRoutesAnswer503() {
        String token = tokens.issue(1, "admin", "Admin", new String[] { "ADMIN" }, 0).token();
        io.restassured.response.Response download = io.restassured.RestAssured.given().header("Authorization", "Bearer " + token)
                .get("/evidence/1");
        assertThat(download.statusCode()).isEqualTo(503);
        assertThat(download.jsonPath().getString("code")).isEqualTo("UNAVAILABLE");
        io.restassured.response.Response upload = io.restassured.RestAssured.given().header("Authorization", "Bearer " + token)
                .multiPart("file", "a.pdf", "%PDF-1.4 x".getBytes(), "application/pdf").post("/tasks/1/evidence");
        assertThat(upload.statusCode()).isEqualTo(503);
        assertThat(upload.jsonPath().getString("code")).isEqualTo("UNAVAILABLE");
    }

    @Test
    void anOutageLogsOneTraceThenOneLinePerRequest() {
        String token = tokens.issue(1, "admin", "Admin", new String[] { "ADMIN" }, 0).token();
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getMessage() != null && record.getMessage().contains("a dependency is unavailable")) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("org.duban.common.graphql.ErrorTranslation");
        logger.addHandler(capture);
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(errorCode(execute(token, operation("plans"), Map.of()))).isEqualTo("UNAVAILABLE");
            }
        } finally {
            logger.removeHandler(capture);
        }
        assertThat(records).hasSizeGreaterThanOrEqualTo(5);
        assertThat(records.stream().filter(record -> record.getThrown() != null)).as("stack traces").hasSizeLessThanOrEqualTo(1);
    }
}
