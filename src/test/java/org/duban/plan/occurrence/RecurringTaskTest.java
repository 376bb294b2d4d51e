package org.duban.plan.occurrence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.util.List;
import java.util.Map;

import org.duban.support.TaskMoves;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A recurring obligation: one occurrence per month, each with its own status and reminders. */
@QuarkusTest
class RecurringTaskTest {

    private static final String MONTHLY = """
            - { code: M1, title: 月度报告, startDate: 2022-10-01, recurrence: "FREQ=MONTHLY;BYMONTHDAY=-1", units: [{ unit: 局甲 }] }
            - { code: D1, title: 一次性任务, deadline: 2022-10-20, units: [{ unit: 局乙 }] }
            """;

    private static Map<String, String> plan() {
        return TestPlans.taskIds(TestPlans.importPlan(TestPlans.document(TestPlans.fresh("monthly"), MONTHLY)));
    }

    private static List<Map<String, Object>> occurrences(String taskId, String from, String to) {
        return ok(run("admin", "task-occurrences", "id", taskId, "from", from, "to", to)).getList("data.task.occurrences");
    }

    @Test
    void aMonthlyTaskHasOneOccurrencePerMonthAndAOneOffTaskExactlyOne() {
        Map<String, String> ids = plan();

        List<Map<String, Object>> months = occurrences(ids.get("M1"), "2022-10-01", "2023-02-28");
        assertThat(months).extracting(o -> o.get("dueOn"))
                .containsExactly("2022-10-31", "2022-11-30", "2022-12-31", "2023-01-31", "2023-02-28");
        assertThat(months).extracting(o -> o.get("id")).doesNotHaveDuplicates();
        assertThat(months).extracting(o -> o.get("status")).containsOnly("NOT_STARTED");
        JsonPath task = ok(run("admin", "task-occurrences", "id", ids.get("M1")));
        assertThat(task.getString("data.task.recurrence")).isEqualTo("FREQ=MONTHLY;BYMONTHDAY=-1");
        assertThat(task.getString("data.task.deadline")).isNull();

        List<Map<String, Object>> once = ok(run("admin", "task-occurrences", "id", ids.get("D1"))).getList("data.task.occurrences");
        assertThat(once).hasSize(1);
        assertThat(once.get(0).get("dueOn")).isEqualTo("2022-10-20");
        assertThat(once.get(0).get("overdue")).isEqualTo(true);
    }

    @Test
    void theOctoberReportIsSignedOffOnItsOwnAndItsRemindersStop() {
        Map<String, String> ids = plan();
        String october = (String) occurrences(ids.get("M1"), "2022-10-01", "2022-10-31").get(0).get("id");

        TaskMoves.signOffOccurrence(october);
        List<Map<String, Object>> months = occurrences(ids.get("M1"), "2022-10-01", "2022-11-30");
        assertThat(months).extracting(o -> o.get("status")).containsExactly("SIGNED_OFF", "NOT_STARTED");
        assertThat(months).extracting(o -> o.get("overdue")).containsExactly(false, true);

        List<Map<String, Object>> reminders = ok(run("admin", "reminder-preview", "from", "2022-10-01T00:00:00+08:00",
                "to", "2022-12-05T00:00:00+08:00", "taskId", ids.get("M1"))).getList("data.reminderPreview");
        List<Object> deadlines = reminders.stream().filter(r -> ids.get("M1").equals(((Map<?, ?>) r.get("task")).get("id")))
                .map(r -> r.get("occurrenceDeadline")).distinct().toList();
        assertThat(deadlines).containsExactly("2022-11-30");

        // A one-off task's occurrence is the task: moving it moves the task.
        String oneOff = (String) ok(run("admin", "task-occurrences", "id", ids.get("D1"))).getList("data.task.occurrences.id").get(0);
        ok(run("admin", "change-occurrence-status", "occurrenceId", oneOff, "status", "IN_PROGRESS"));
        assertThat(ok(run("admin", "task", "id", ids.get("D1"))).getString("data.task.status")).isEqualTo("IN_PROGRESS");
    }

    @Test
    void occurrencesThatAreNotAndMovesThatMayNotBeAreRefused() {
        Map<String, String> ids = plan();
        String october = ids.get("M1") + "@2022-10-31";

        assertThat(errorCode(run("admin", "change-occurrence-status", "occurrenceId", ids.get("M1") + "@2022-10-30",
                "status", "IN_PROGRESS"))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(run("admin", "change-occurrence-status", "occurrenceId", "nonsense", "status", "IN_PROGRESS")))
                .isEqualTo("VALIDATION");
        assertThat(errorCode(run("admin", "change-occurrence-status", "occurrenceId", october, "status", "SIGNED_OFF")))
                .isEqualTo("INVALID_TRANSITION");
        assertThat(errorCode(run("admin", "change-occurrence-status", "occurrenceId", october, "status", "SUSPENDED")))
                .isEqualTo("VALIDATION");
        // zrzyj's unit has no part in this task: to it, the occurrence does not exist.
        assertThat(errorCode(run("zrzyj", "change-occurrence-status", "occurrenceId", october, "status", "IN_PROGRESS")))
                .isEqualTo("NOT_FOUND");
        assertThat(errorCode(run("leader", "change-occurrence-status", "occurrenceId", october, "status", "IN_PROGRESS")))
                .isEqualTo("FORBIDDEN");
        assertThat(occurrences(ids.get("M1"), "2022-10-31", "2022-10-31")).extracting(o -> o.get("status"))
                .containsExactly("NOT_STARTED");
    }

    @Test
    void aRuleIsValidatedAndExcludesADeadline() {
        Map<String, String> ids = plan();
        JsonPath bad = run("admin", "update-task", "id", ids.get("M1"), "input", Map.of("recurrence", "FREQ=FORTNIGHTLY"));
        assertThat(errorCode(bad)).isEqualTo("VALIDATION");
        assertThat(bad.getString("errors[0].extensions.field")).isEqualTo("input.recurrence");
        JsonPath both = run("admin", "update-task", "id", ids.get("D1"), "input", Map.of("recurrence", "FREQ=WEEKLY"));
        assertThat(errorCode(both)).isEqualTo("VALIDATION");

        JsonPath weekly = ok(run("admin", "update-task", "id", ids.get("D1"), "input",
                Map.of("removeDeadline", true, "recurrence", "FREQ=WEEKLY;BYDAY=MO")));
        assertThat(weekly.getString("data.updateTask.recurrence")).isEqualTo("FREQ=WEEKLY;BYDAY=MO");
        JsonPath imported = TestPlans.importDocument(TestPlans.document(TestPlans.fresh("badrule"),
                "- { code: X, title: 坏规则, recurrence: \"FREQ=MONTHLY;BYMONTHDAY=40\" }"), false);
        assertThat(errorCode(imported)).isEqualTo("VALIDATION");
    }
}
