package org.duban.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.execute;
import static org.duban.support.GraphQL.operation;
import static org.duban.support.GraphQL.run;
import static org.duban.support.GraphQL.vars;

import java.util.List;
import java.util.Map;

import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Every code of the ErrorCode enum that a request can provoke, and what the client sees with it. */
@QuarkusTest
class ErrorCodesTest {

    @Test
    void theSchemaPublishesTheCodes() {
        assertThat(run("admin", "error-codes").getList("data.errorCodes")).containsExactly("VALIDATION", "NOT_FOUND",
                "CONFLICT", "INVALID_TRANSITION", "UNAUTHENTICATED", "FORBIDDEN", "UNAVAILABLE", "INTERNAL");
    }

    @Test
    void validationNamesTheFieldAndChangesNothing() {
        String planId = TestPlans.importPlan(TestPlans.document(TestPlans.fresh("validation"), "- { code: A, title: 甲 }"));
        JsonPath blank = run("admin", "create-task", "input", Map.of("planId", planId, "code", "B", "title", " "));
        assertThat(errorCode(blank)).isEqualTo("VALIDATION");
        assertThat(blank.getString("errors[0].extensions.field")).isEqualTo("input.title");
        JsonPath dates = run("admin", "create-task", "input", Map.of("planId", planId, "code", "B", "title", "乙",
                "startDate", "2030-02-01", "deadline", "2030-01-01"));
        assertThat(dates.getString("errors[0].extensions.field")).isEqualTo("input.deadline");
        JsonPath badDate = run("admin", "tasks", "filter", Map.of("dueFrom", "2022-13-45"));
        assertThat(errorCode(badDate)).isEqualTo("VALIDATION");
        assertThat(TestPlans.taskIds(planId).keySet()).containsExactly("A");
    }

    @Test
    void aDocumentThatDoesNotParseIsAValidationError() {
        JsonPath response = given().contentType("application/json").header("Authorization", "Bearer " + org.duban.support.GraphQL.token("admin"))
                .body(Map.of("query", "{ tasks { totalCount ")).post("/graphql").then().statusCode(200).extract().jsonPath();
        assertThat(errorCode(response)).isEqualTo("VALIDATION");
        assertThat(response.getList("errors[0].locations")).isNotEmpty();
        JsonPath unknownField = execute(org.duban.support.GraphQL.token("admin"), "{ tasks { noSuchField } }", Map.of());
        assertThat(errorCode(unknownField)).isEqualTo("VALIDATION");
    }

    @Test
    void notFoundForUnknownAndMalformedIds() {
        assertThat(errorCode(run("admin", "task", "id", "987654321"))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(run("admin", "task", "id", "abc"))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(run("admin", "update-task", "id", "987654321", "input", Map.of("title", "x")))).isEqualTo("NOT_FOUND");
    }

    @Test
    void conflictForADuplicateCode() {
        String planId = TestPlans.importPlan(TestPlans.document(TestPlans.fresh("conflict"), "- { code: A, title: 甲 }"));
        JsonPath duplicate = run("admin", "create-task", "input", Map.of("planId", planId, "code", "A", "title", "又一个"));
        assertThat(errorCode(duplicate)).isEqualTo("CONFLICT");
        assertThat(TestPlans.taskIds(planId)).hasSize(1);
    }

    @Test
    void invalidTransitionLeavesTheStatus() {
        String planId = TestPlans.importPlan(TestPlans.document(TestPlans.fresh("transition"), "- { code: A, title: 甲 }"));
        String taskId = TestPlans.taskIds(planId).get("A");
        JsonPath skip = run("admin", "change-task-status", "id", taskId, "status", "SIGNED_OFF");
        assertThat(errorCode(skip)).isEqualTo("INVALID_TRANSITION");
        assertThat(run("admin", "task", "id", taskId).getString("data.task.status")).isEqualTo("NOT_STARTED");
        JsonPath noReason = run("admin", "change-task-status", "id", taskId, "status", "SUSPENDED");
        assertThat(errorCode(noReason)).isEqualTo("VALIDATION");
        assertThat(run("admin", "change-task-status", "id", taskId, "status", "SUSPENDED", "reason", "等待上级批复")
                .getString("data.changeTaskStatus.status")).isEqualTo("SUSPENDED");
    }

    @Test
    void unauthenticatedWithoutOrWithABadToken() {
        assertThat(errorCode(run(null, "plans"))).isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(execute("not.a.token", operation("plans"), Map.of()))).isEqualTo("UNAUTHENTICATED");
        String token = org.duban.support.GraphQL.token("admin");
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        assertThat(errorCode(execute(tampered, operation("plans"), Map.of()))).isEqualTo("UNAUTHENTICATED");
        JsonPath wrongPassword = execute(null, operation("login"), vars("username", "admin", "password", "wrong"));
        assertThat(errorCode(wrongPassword)).isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(execute(null, operation("login"), vars("username", "nobody", "password", "demo"))))
                .isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void forbiddenForARoleThatMayNeverWriteAndNothingChanges() {
        String planId = TestPlans.importPlan(TestPlans.document(TestPlans.fresh("forbidden"), "- { code: A, title: 甲 }"));
        for (String user : List.of("leader", "zrzyj")) {
            JsonPath refused = run(user, "create-task", "input", Map.of("planId", planId, "code", "B", "title", "乙"));
            assertThat(errorCode(refused)).isEqualTo("FORBIDDEN");
            assertThat(errorCode(run(user, "import-plan", "document", "x", "replace", false))).isEqualTo("FORBIDDEN");
        }
        assertThat(TestPlans.taskIds(planId).keySet()).containsExactly("A");
        // Reading is allowed to every signed-in account.
        assertThat(run("leader", "plans").getList("errors")).isNull();
    }

    @Test
    void messagesCarryNoClassNamesStackTracesOrSql() {
        List<JsonPath> failures = List.of(
                run("admin", "task", "id", "abc"),
                run("admin", "tasks", "after", "garbage"),
                run(null, "plans"),
                run("leader", "delete-task", "id", "1"));
        for (JsonPath failure : failures) {
            String message = failure.getString("errors[0].message");
            assertThat(message).doesNotContainIgnoringCase("exception").doesNotContain("org.", "java.", "select ", "\tat ");
            assertThat(failure.getMap("errors[0].extensions")).doesNotContainKey("exception");
        }
    }
}
