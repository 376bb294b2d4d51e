package org.duban.reminder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.duban.schedule.SchedulerRuns;
import org.duban.support.GraphQL;
import org.duban.support.MutableClock;
import org.duban.support.ReminderWorkers;
import org.duban.support.TestAccounts;
import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/** Policies per plan and per task, reminders that reach nobody, a year without a calendar, and the metrics. */
@QuarkusTest
class ReminderPolicyTest {

    @Inject
    MutableClock clock;
    @Inject
    SchedulerRuns runs;
    @Inject
    Vertx vertx;
    @Inject
    Pool pool;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static List<Map<String, Object>> remindersOf(String taskId, String from, String to) {
        return ok(run("admin", "reminder-preview", "from", from + "T00:00:00+08:00", "to", to + "T23:59:59+08:00",
                "taskId", taskId))
                .<Map<String, Object>>getList("data.reminderPreview").stream()
                .filter(r -> taskId.equals(((Map<?, ?>) r.get("task")).get("id"))).toList();
    }

    private static List<String> beforeDays(List<Map<String, Object>> reminders) {
        return reminders.stream().filter(r -> "BEFORE_DEADLINE".equals(r.get("kind")))
                .map(r -> ((String) r.get("remindAt")).substring(0, 10)).toList();
    }

    @Test
    void aPlanPolicyAppliesToItsTasksUnlessATaskHasItsOwn() {
        String planId = TestPlans.importPlan(TestPlans.document(TestPlans.fresh("policy"), """
                - { code: P1, title: 计划策略, deadline: 2022-11-18, units: [{ unit: 局甲 }] }
                - { code: P2, title: 任务策略, deadline: 2022-11-18, units: [{ unit: 局甲 }] }
                """));
        Map<String, String> ids = TestPlans.taskIds(planId);
        assertThat(ok(run("admin", "task-occurrences", "id", ids.get("P1"))).getString("data.task.reminderPolicy.source"))
                .isEqualTo("DEFAULT");

        JsonPath plan = ok(run("admin", "set-plan-reminder-policy", "planId", planId, "policy",
                Map.of("daysBefore", List.of(2, 5), "escalateAfterDays", 1)));
        assertThat(plan.getList("data.setPlanReminderPolicy.daysBefore")).containsExactly(5, 2);
        JsonPath task = ok(run("admin", "set-task-reminder-policy", "taskId", ids.get("P2"), "policy",
                Map.of("daysBefore", List.of(10), "escalateAfterDays", 0)));
        assertThat(task.getString("data.setTaskReminderPolicy.source")).isEqualTo("TASK");

        // 18 November 2022 is a Friday: 2 working days before is the 16th, 5 the 11th, 10 the 4th.
        assertThat(beforeDays(remindersOf(ids.get("P1"), "2022-11-01", "2022-11-18"))).containsExactly("2022-11-11", "2022-11-16");
        assertThat(beforeDays(remindersOf(ids.get("P2"), "2022-11-01", "2022-11-18"))).containsExactly("2022-11-04");
        List<Map<String, Object>> overdue = remindersOf(ids.get("P2"), "2022-11-21", "2022-11-21");
        assertThat(overdue).extracting(r -> r.get("kind")).contains("OVERDUE", "ESCALATION");

        ok(run("admin", "set-task-reminder-policy", "taskId", ids.get("P2"), "policy", null));
        assertThat(ok(run("admin", "task-occurrences", "id", ids.get("P2"))).getString("data.task.reminderPolicy.source"))
                .isEqualTo("PLAN");
        assertThat(beforeDays(remindersOf(ids.get("P2"), "2022-11-01", "2022-11-18"))).containsExactly("2022-11-11", "2022-11-16");
    }

    @Test
    void badPoliciesAreRefusedAndChangeNothing() {
        String planId = TestPlans.importPlan(TestPlans.document(TestPlans.fresh("badpolicy"),
                "- { code: B1, title: 坏策略, deadline: 2022-11-18, units: [{ unit: 局甲 }] }"));
        for (Map<String, Object> policy : List.of(Map.<String, Object>of("daysBefore", List.of(0), "escalateAfterDays", 3),
                Map.<String, Object>of("daysBefore", List.of(61), "escalateAfterDays", 3),
                Map.<String, Object>of("daysBefore", List.of(3, 3), "escalateAfterDays", 3),
                Map.<String, Object>of("daysBefore", List.of(3), "escalateAfterDays", -1))) {
            assertThat(errorCode(run("admin", "set-plan-reminder-policy", "planId", planId, "policy", policy))).isEqualTo("VALIDATION");
        }
        assertThat(errorCode(run("leader", "set-plan-reminder-policy", "planId", planId, "policy", null))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(run("admin", "set-task-reminder-policy", "taskId", "987654", "policy", null))).isEqualTo("NOT_FOUND");
        String taskId = TestPlans.taskIds(planId).get("B1");
        assertThat(ok(run("admin", "task-occurrences", "id", taskId)).getList("data.task.reminderPolicy.daysBefore"))
                .containsExactly(7, 3, 1);
    }

    @Test
    void aYearWithoutACalendarSaysSoAndOnlyWeekendsAreOff() {
        String planId = TestPlans.importPlan(TestPlans.document(TestPlans.fresh("nocalendar"),
                "- { code: Y1, title: 无日历年份, deadline: 2044-10-04, units: [{ unit: 局甲 }] }"));
        List<Map<String, Object>> reminders = remindersOf(TestPlans.taskIds(planId).get("Y1"), "2044-09-20", "2044-10-04");
        // No notice for 2044: 1-4 October are taken as working days (the real holiday is not known yet).
        assertThat(reminders).extracting(r -> ((String) r.get("remindAt")).substring(0, 10))
                .containsExactly("2044-09-23", "2044-09-29", "2044-10-03", "2044-10-04");
        assertThat(reminders).allSatisfy(r -> assertThat(r.get("calendarMissing")).isEqualTo(true));
    }

    @Test
    void aReminderThatReachesNobodyIsRecordedForTheOfficeAndCounted() {
        TestPlans.Names names = TestPlans.fresh("nobody");
        String planId = TestPlans.importPlan(TestPlans.document(names, """
                - { code: U1, title: 无人负责, deadline: 2022-02-22 }
                - { code: U2, title: 有人负责, deadline: 2022-02-22, units: [{ unit: 局甲 }] }
                """));
        Map<String, String> ids = TestPlans.taskIds(planId);
        TestAccounts.create(pool, "nobody" + names.regionCode(), "甲局联络员", TestIds.key(TestPlans.unitId(names.regionCode(), "测试县甲局")), null);
        GraphQL.token("admin");
        GraphQL.token("leader");
        ReminderWorkers.runOnceAt(LocalDate.parse("2022-02-21"), LocalTime.of(9, 0), runs, clock, vertx);
        clock.reset();

        JsonPath undeliverable = ok(run("leader", "reminders", "filter", Map.of("undeliverable", true, "taskId", ids.get("U1"))));
        assertThat(undeliverable.getList("data.reminders.edges.node.recipient")).containsExactly("（未指定责任单位）");
        assertThat(undeliverable.getList("data.reminders.edges.node.kind")).containsExactly("BEFORE_DEADLINE");
        JsonPath delivered = ok(run("admin", "reminders", "filter", Map.of("taskId", ids.get("U2"))));
        assertThat(delivered.getList("data.reminders.edges.node.undeliverable")).containsExactly(false);
        assertThat(delivered.getList("data.reminders.edges.node.unit.name")).containsExactly("测试县甲局");
        assertThat(errorCode(run("zrzyj", "reminders"))).isEqualTo("FORBIDDEN");

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("duban_reminders_written_total{kind=\"BEFORE_DEADLINE\"")
                .contains("duban_deliveries_total{channel=\"IN_APP\",outcome=\"sent\"")
                .contains("duban_deliveries_oldest_pending_seconds");
    }
}
