package org.duban.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.duban.support.TestPlans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Dates far outside any plan's life (year 1, year 999999999) are refused at once with VALIDATION naming the field,
 * wherever they come in; before, walking a recurrence to them held a thread for minutes and wedged the service.
 */
@QuarkusTest
class DateBoundsTest {

    private static final Duration AT_ONCE = Duration.ofSeconds(2);

    private String planId;
    private String monthly;

    @BeforeEach
    void plan() {
        if (planId == null) {
            planId = TestPlans.importPlan(TestPlans.document(TestPlans.fresh("dates"),
                    "- { code: M, title: 月报, startDate: 2022-10-01, recurrence: \"FREQ=MONTHLY;BYMONTHDAY=-1\" }"));
        }
        monthly = TestPlans.taskIds(planId).get("M");
    }

    @Test
    void anOccurrenceIdInTheFarFutureIsRefused() {
        JsonPath answer = quickly(() -> run("admin", "change-occurrence-status", "occurrenceId", monthly + "@+999999999-12-31",
                "status", "IN_PROGRESS"));
        assertThat(errorCode(answer)).isEqualTo("VALIDATION");
        assertThat(answer.getString("errors[0].extensions.field")).isEqualTo("occurrenceId");
    }

    @Test
    void aRecurrenceFromYearOneIsRefused() {
        JsonPath answer = quickly(() -> run("admin", "create-task", "input", Map.of("planId", planId, "code", "D",
                "title", "每日", "recurrence", "FREQ=DAILY", "startDate", "0001-01-01")));
        assertThat(errorCode(answer)).isEqualTo("VALIDATION");
        assertThat(answer.getString("errors[0].extensions.field")).isEqualTo("input.startDate");
        assertThat(TestPlans.taskIds(planId)).containsOnlyKeys("M");
        assertThat(errorCode(quickly(() -> run("admin", "create-task", "input", Map.of("planId", planId, "code", "U",
                "title", "无尽", "recurrence", "FREQ=DAILY;UNTIL=99991231"))))).isEqualTo("VALIDATION");
    }

    @Test
    void anOccurrenceWindowOverTheWholeCalendarIsRefused() {
        JsonPath answer = quickly(() -> run("admin", "task-occurrences", "id", monthly, "from", "-999999999-01-01",
                "to", "+999999999-12-31"));
        assertThat(errorCode(answer)).isEqualTo("VALIDATION");
        assertThat(ok(run("admin", "task-occurrences", "id", monthly, "from", "2022-10-01", "to", "2022-12-31"))
                .getList("data.task.occurrences.dueOn")).containsExactly("2022-10-31", "2022-11-30", "2022-12-31");
    }

    @Test
    void theSmallestDateInAFilterIsValidationNotInternal() {
        JsonPath answer = quickly(() -> run("admin", "tasks", "filter", Map.of("dueFrom", "-999999999-01-01")));
        assertThat(errorCode(answer)).isEqualTo("VALIDATION");
        assertThat(answer.getString("errors[0].extensions.field")).isEqualTo("filter.dueFrom");
    }

    @Test
    void aPlanFileDateOutsideTheBoundsIsNamed() {
        JsonPath answer = quickly(() -> TestPlans.importDocument(TestPlans.document(TestPlans.fresh("dates-file"),
                "- { code: A, title: 甲, deadline: 9999-12-31 }"), false));
        assertThat(errorCode(answer)).isEqualTo("VALIDATION");
        assertThat(answer.getString("errors[0].extensions.field")).isEqualTo("tasks[0].deadline");
    }

    private static JsonPath quickly(Supplier<JsonPath> call) {
        long started = System.nanoTime();
        JsonPath answer = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered at once").isLessThan(AT_ONCE);
        return answer;
    }
}
