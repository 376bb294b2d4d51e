package org.duban.common.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.execute;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;
import static org.duban.support.GraphQL.token;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Each abuse limit refuses a query that passes it by one, with VALIDATION, before anything runs. */
@QuarkusTest
class LimitsTest {

    private static final String TASK_FIELDS = "id code title description startDate deadline deadlineNote recurrence status"
            + " overdue ordinal createdAt updatedAt version";

    private static JsonPath asAdmin(String query) {
        return execute(token("admin"), query, Map.of());
    }

    private static String nestedParents(int levels) {
        return "{ tasks(first: 1) { edges { node { " + "parent { ".repeat(levels) + "code" + " }".repeat(levels) + " } } } }";
    }

    @Test
    void depthAboveTenIsRefused() {
        // tasks, edges and node are three levels; each parent one more; code the last.
        ok(asAdmin(nestedParents(6)));
        JsonPath tooDeep = asAdmin(nestedParents(7));
        assertThat(errorCode(tooDeep)).isEqualTo("VALIDATION");
        assertThat(tooDeep.getString("errors[0].message")).containsIgnoringCase("depth");
    }

    @Test
    void complexityAboveTheLimitIsRefused() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 20; i++) {
            query.append(" t").append(i).append(": tasks(first: 1) { edges { node { ").append(TASK_FIELDS)
                    .append(" parent { ").append(TASK_FIELDS).append(" } } } }");
        }
        JsonPath tooComplex = asAdmin(query.append(" }").toString());
        assertThat(errorCode(tooComplex)).isEqualTo("VALIDATION");
        assertThat(tooComplex.getString("errors[0].message")).containsIgnoringCase("complexity");
        assertThat(tooComplex.getString("data")).isNull();
    }

    @Test
    void complexityAndDepthCountWhatFragmentsExpandTo() {
        StringBuilder spread = new StringBuilder("fragment T on Task { " + TASK_FIELDS + " parent { " + TASK_FIELDS + " } } {");
        for (int i = 0; i < 20; i++) {
            spread.append(" t").append(i).append(": tasks(first: 1) { edges { node { ...T } } }");
        }
        JsonPath tooComplex = asAdmin(spread.append(" }").toString());
        assertThat(errorCode(tooComplex)).isEqualTo("VALIDATION");
        assertThat(tooComplex.getString("data")).isNull();

        // Depth 14 through a fragment spread twice.
        String deep = "fragment P on Task { parent { parent { parent { parent { parent { code } } } } } }"
                + " fragment Q on Task { parent { parent { ...P } } } { tasks(first: 1) { edges { node { parent { ...Q } } } } }";
        JsonPath tooDeep = asAdmin(deep);
        assertThat(errorCode(tooDeep)).isEqualTo("VALIDATION");
        assertThat(tooDeep.getString("data")).isNull();
    }

    @Test
    void pagesHoldAtMostAHundred() {
        ok(run("admin", "tasks", "first", 100));
        JsonPath tooLarge = run("admin", "tasks", "first", 101);
        assertThat(errorCode(tooLarge)).isEqualTo("VALIDATION");
        assertThat(tooLarge.getString("errors[0].extensions.field")).isEqualTo("first");
    }

    @Test
    void moreThanTwentyAliasesAreRefused() {
        StringBuilder twenty = new StringBuilder("{");
        for (int i = 0; i < 20; i++) {
            twenty.append(" a").append(i).append(": errorCodes");
        }
        ok(asAdmin(twenty + " }"));
        JsonPath tooMany = asAdmin(twenty + " a20: errorCodes }");
        assertThat(errorCode(tooMany)).isEqualTo("VALIDATION");
        assertThat(tooMany.getString("errors[0].message")).contains("aliases");
    }

    @Test
    void moreThanFiveOperationsPerDocumentAndEveryBatchAreRefused() {
        StringBuilder six = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            six.append("query Q").append(i).append(" { errorCodes } ");
        }
        JsonPath tooMany = given().contentType("application/json").header("Authorization", "Bearer " + token("admin"))
                .body(Map.of("query", six.toString(), "operationName", "Q0"))
                .post("/graphql").then().statusCode(200).extract().jsonPath();
        assertThat(errorCode(tooMany)).isEqualTo("VALIDATION");
        assertThat(tooMany.getString("errors[0].message")).contains("operations");

        List<Map<String, String>> batch = java.util.Collections.nCopies(6, Map.of("query", "{ errorCodes }"));
        JsonPath tooLarge = given().contentType("application/json").header("Authorization", "Bearer " + token("admin"))
                .body(batch).post("/graphql").then().statusCode(200).extract().jsonPath();
        assertThat(errorCode(tooLarge)).isEqualTo("VALIDATION");
    }

    @Test
    void aDocumentOfTooManyTokensIsRefused() {
        JsonPath tooLong = asAdmin("{" + " errorCodes".repeat(20_001) + " }");
        assertThat(errorCode(tooLong)).isEqualTo("VALIDATION");
    }

    @Test
    void browsersMayCallFromTheConfiguredOriginsOnly() {
        given().header("Origin", "https://duban.example.test").header("Access-Control-Request-Method", "POST")
                .options("/graphql").then().header("Access-Control-Allow-Origin", "https://duban.example.test");
        String refused = given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/graphql").then().extract().header("Access-Control-Allow-Origin");
        assertThat(refused).isNull();
    }
}
