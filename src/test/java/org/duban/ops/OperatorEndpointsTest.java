package org.duban.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** What operators read: health (with the database and the scheduler), metrics, the request id. */
@QuarkusTest
class OperatorEndpointsTest {

    @Test
    void readinessCoversTheDatabaseAndTheScheduler() {
        JsonPath ready = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        assertThat(ready.getString("status")).isEqualTo("UP");
        List<Map<String, Object>> checks = ready.getList("checks");
        assertThat(checks).extracting(c -> c.get("name")).contains("reminder-scheduler");
        assertThat(checks).extracting(c -> String.valueOf(c.get("name"))).anyMatch(name -> name.toLowerCase().contains("database")
                || name.toLowerCase().contains("reactive"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void metricsCountGraphQLOperationsByNameAndOutcomeBesideHttpAndPool() {
        ok(run("admin", "me"));
        run(null, "me"); // UNAUTHENTICATED
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .containsPattern("duban_graphql_operations_total\\{[^}]*operation=\"Me\"[^}]*outcome=\"ok\"[^}]*type=\"query\"")
                .containsPattern("duban_graphql_operations_total\\{[^}]*operation=\"Me\"[^}]*outcome=\"UNAUTHENTICATED\"")
                .contains("http_server_requests_seconds_count")
                .containsPattern("(?m)^duban_deliveries_oldest_pending_seconds")
                .containsPattern("(?m)^postgresql_queue_size\\{[^}]*clientType=\"sql\"");
    }

    @Test
    void everyResponseCarriesARequestIdAndKeepsASaneOneItWasGiven() {
        String fresh = given().get("/q/health/live").then().extract().header("X-Request-Id");
        assertThat(fresh).matches("[0-9a-f-]{36}");
        String given = given().header("X-Request-Id", "proxy-1234abcd").get("/q/health/live").then().extract().header("X-Request-Id");
        assertThat(given).isEqualTo("proxy-1234abcd");
        String refused = given().header("X-Request-Id", "bad id\nwith a newline").get("/q/health/live").then().extract()
                .header("X-Request-Id");
        assertThat(refused).matches("[0-9a-f-]{36}");
    }
}
