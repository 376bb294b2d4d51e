package org.duban.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.duban.support.PackagedService;
import org.duban.support.TestDatabase;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A database that stops answering without closing its connections (here: every PostgreSQL process of the test's
 * own server stopped with SIGSTOP) no longer holds requests: they answer UNAVAILABLE within the configured request
 * timeout, readiness says DOWN within its own, and once the database runs again so does the service, without a
 * restart.
 */
class FrozenDatabaseIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void requestsToAFrozenDatabaseAnswerUnavailableInTimeAndRecover() throws Exception {
        TestDatabase database = TestDatabase.start("it-frozen");
        try (PackagedService service = PackagedService.start("frozen", database.port(), PackagedService.freePort(), Map.of(),
                "-Dduban.demo.enabled=true", "-Dduban.reminders.every=off", "-Dduban.graphql.request-timeout=3s")) {
            service.awaitReady(Duration.ofSeconds(90));
            String token = service.graphql(null, "mutation { login(username: \"admin\", password: \"demo\") { token } }")
                    .at("/data/login/token").asText();
            assertThat(service.graphql(token, "{ me { username } }").at("/data/me/username").asText()).isEqualTo("admin");

            database.signal("STOP");
            try {
                long started = System.nanoTime();
                JsonNode frozen = service.graphql(token, "{ me { username } }");
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(frozen.at("/errors/0/extensions/code").asText()).as(frozen.toString()).isEqualTo("UNAVAILABLE");
                assertThat(took).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(6));
                // Readiness gives up on the database within its own timeout (duban.health.database-timeout, 3 s): DOWN.
                long asked = System.nanoTime();
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUri() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(40)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
                assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(8));
            } finally {
                database.signal("CONT");
            }
            JsonNode again = null;
            for (int attempt = 0; attempt < 20; attempt++) {
                again = service.graphql(token, "{ me { username } }");
                if ("admin".equals(again.at("/data/me/username").asText())) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(again.at("/data/me/username").asText()).as(String.valueOf(again)).isEqualTo("admin");
        }
    }

}
