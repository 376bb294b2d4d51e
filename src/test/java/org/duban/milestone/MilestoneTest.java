package org.duban.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.duban.plan.DemoPlanTestAccess;
import org.duban.schedule.SchedulerRuns;
import org.duban.support.GraphQL;
import org.duban.support.MutableClock;
import org.duban.support.ReminderWorkers;
import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Milestones inside a task: (二)2's October and November targets, reminded, coloured and met by the quota. */
@QuarkusTest
class MilestoneTest {

    private static final String OCTOBER = "确保10月底前完成供地";
    private static final String NOVEMBER = "11月底前全面完成，最少完成供地3.25亩";

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

    @Test
    void theDemosNovemberTargetIsRemindedOnTheWorkingDaysThePolicyGives() {
        String task = TestPlans.taskIds(DemoPlanTestAccess.demoPlanId()).get("(二)2");
        List<Map<String, Object>> milestones = ok(run("admin", "task-supervision", "id", task)).getList("data.task.milestones");
        assertThat(milestones).extracting(m -> m.get("dueOn") + " " + m.get("title"))
                .containsExactly("2022-10-31 " + OCTOBER, "2022-11-30 " + NOVEMBER);
        assertThat(milestones).allSatisfy(m -> {
            assertThat(m.get("measure")).isEqualTo("QUOTA");
            assertThat((BigDecimal) m.get("target")).isEqualByComparingTo("26.96");
            assertThat((BigDecimal) m.get("value")).isEqualByComparingTo("23.71");
            assertThat(m.get("met")).isEqualTo(false);
        });

        // 7, 3 and 1 working days before Wednesday 30 November, the day itself, then every working day overdue. The
        // October one falls on the deadline and is reminded with it, not twice.
        String lead = "乡宁县自然资源局";
        List<Map<String, Object>> preview = ok(run("admin", "reminder-preview", "from", "2022-11-14T00:00:00+08:00",
                "to", "2022-12-05T23:59:59+08:00", "taskId", task)).getList("data.reminderPreview");
        Map<String, String> november = new TreeMap<>();
        preview.stream().filter(r -> NOVEMBER.equals(r.get("milestone")) && lead.equals(r.get("recipient")))
                .forEach(r -> november.put(day(r), (String) r.get("kind")));
        assertThat(november).isEqualTo(Map.of("2022-11-21", "BEFORE_DEADLINE", "2022-11-25", "BEFORE_DEADLINE",
                "2022-11-29", "BEFORE_DEADLINE", "2022-11-30", "DUE_TODAY", "2022-12-01", "OVERDUE", "2022-12-02", "OVERDUE",
                "2022-12-05", "OVERDUE"));
        assertThat(preview).noneMatch(r -> OCTOBER.equals(r.get("milestone")));
        assertThat(preview).filteredOn(r -> r.get("milestone") == null && lead.equals(r.get("recipient")))
                .allSatisfy(r -> assertThat(r.get("occurrenceDeadline")).isEqualTo("2022-10-31"));

        GraphQL.token("admin");
        GraphQL.token("leader");
        clock.pin(LocalDate.parse("2022-11-25"), LocalTime.NOON);
        List<Map<String, Object>> coloured = ok(run("admin", "task-supervision", "id", task)).getList("data.task.milestones");
        assertThat(coloured).extracting(m -> m.get("warningLevel") + "/" + m.get("warningBasis"))
                .containsExactly("RED/TIME", "YELLOW/TIME");
        List<Map<String, Object>> lines = ok(run("leader", "plan-dashboard", "planId", DemoPlanTestAccess.demoPlanId()))
                .getList("data.planDashboard.milestones");
        assertThat(lines).extracting(m -> ((Map<?, ?>) m.get("task")).get("code") + " " + m.get("dueOn") + " " + m.get("warningLevel"))
                .containsExactly("(二)2 2022-10-31 RED", "(二)2 2022-11-30 YELLOW");
    }

    @Test
    void theSchedulerWritesTheMilestonesRemindersInItsWordsUntilTheLandMeetsIt() {
        TestPlans.Names names = TestPlans.fresh("milestone");
        String planId = TestPlans.importPlan(TestPlans.demo(names));
        String task = TestPlans.taskIds(planId).get("(二)2");

        ReminderWorkers.runOnceAt(LocalDate.parse("2022-11-21"), LocalTime.of(9, 0), runs, clock, vertx);
        List<String> words = pool.preparedQuery("select title || ' ' || body from reminder where task_id = $1"
                + " and due_on = date '2022-11-30' and remind_on = date '2022-11-21'")
                .execute(Tuple.of(TestIds.key(task))).map(rows -> {
                    List<String> all = new java.util.ArrayList<>();
                    rows.forEach(row -> all.add(row.getString(0)));
                    return all;
                }).await().atMost(Duration.ofSeconds(10));
        assertThat(words).isNotEmpty().allSatisfy(text -> assertThat(text).contains("节点：" + NOVEMBER, "还有 7 个工作日"));
        clock.reset();

        String region = TestPlans.regionId(names.regionCode());
        Map<String, String> parcels = new java.util.HashMap<>();
        List<Map<String, Object>> nodes = run("admin", "parcels", "filter", Map.of("regionId", region), "first", 100)
                .getList("data.parcels.edges.node");
        nodes.forEach(n -> parcels.put((String) n.get("code"), (String) n.get("id")));
        ok(run("admin", "supply-parcel", "id", parcels.get("SAMPLE-05"), "input", Map.of("suppliedOn", "2022-10-20", "method", "SALE")));
        ok(run("admin", "supply-parcel", "id", parcels.get("SAMPLE-06"), "input", Map.of("suppliedOn", "2022-10-28", "method", "SALE")));

        List<Map<String, Object>> met = ok(run("admin", "task-supervision", "id", task)).getList("data.task.milestones");
        assertThat(met).allSatisfy(m -> {
            assertThat(m.get("met")).isEqualTo(true);
            assertThat(m.get("warningLevel")).isNull();
        });
        List<Map<String, Object>> preview = ok(run("admin", "reminder-preview", "from", "2022-11-14T00:00:00+08:00",
                "to", "2022-12-05T23:59:59+08:00", "taskId", task)).getList("data.reminderPreview");
        assertThat(preview).noneMatch(r -> r.get("milestone") != null);
    }

    @Test
    void aMilestoneWithoutAMeasureIsTickedWithEvidenceAndBadOnesAreRefused() {
        String planId = TestPlans.importPlan(TestPlans.document(TestPlans.fresh("tick"), """
                - { code: M1, title: 编制方案, deadline: 2030-06-30, units: [{ unit: 局甲 }] }
                - { code: M2, title: 月报, startDate: 2030-01-01, recurrence: FREQ=MONTHLY;BYMONTHDAY=-1, units: [{ unit: 局甲 }] }
                """));
        Map<String, String> tasks = TestPlans.taskIds(planId);
        String task = tasks.get("M1");
        String before = run("admin", "task-supervision", "id", task).prettify();
        Map<String, Object> draft = Map.of("dueOn", "2030-03-31", "title", "方案初稿");
        assertThat(field(run("admin", "set-task-milestones", "taskId", task, "milestones",
                List.of(Map.of("dueOn", "2030-03-31", "title", "供地", "measure", "QUOTA", "target", new BigDecimal("3.25"))))))
                .isEqualTo("milestones[0].measure");
        assertThat(field(run("admin", "set-task-milestones", "taskId", task, "milestones", List.of(draft, draft))))
                .isEqualTo("milestones[1]");
        assertThat(field(run("admin", "set-task-milestones", "taskId", task, "milestones",
                List.of(Map.of("dueOn", "2030-03-31", "title", "供地", "target", BigDecimal.ONE))))).isEqualTo("milestones[0].target");
        assertThat(field(run("admin", "set-task-milestones", "taskId", tasks.get("M2"), "milestones", List.of(draft))))
                .isEqualTo("milestones");
        assertThat(run("admin", "task-supervision", "id", task).prettify()).isEqualTo(before);

        String id = ok(run("admin", "set-task-milestones", "taskId", task, "milestones", List.of(draft)))
                .getString("data.setTaskMilestones.milestones[0].id");
        assertThat(field(run("admin", "tick-milestone", "milestoneId", id))).isEqualTo("evidenceIds");
        String evidence = ok(run("admin", "add-evidence-link", "taskId", task, "url", "https://example.test/draft",
                "title", "方案初稿")).getString("data.addEvidenceLink.id");
        JsonPath ticked = ok(run("admin", "tick-milestone", "milestoneId", id, "evidenceIds", List.of(evidence)));
        assertThat(ticked.getBoolean("data.tickMilestone.milestones[0].met")).isTrue();
        assertThat(ticked.getList("data.tickMilestone.milestones[0].evidenceIds")).containsExactly(evidence);

        // Set again with another milestone: the ticked one, same date and title, keeps its tick.
        JsonPath again = ok(run("admin", "set-task-milestones", "taskId", task, "milestones",
                List.of(draft, Map.of("dueOn", "2030-05-31", "title", "方案定稿"))));
        assertThat(again.getList("data.setTaskMilestones.milestones.met")).containsExactly(true, false);

        JsonPath file = TestPlans.importDocument(TestPlans.document(TestPlans.fresh("badmilestone"),
                "- { code: B1, title: 乙, deadline: 2030-06-30, milestones: [{ date: 2030-03-31, title: 半程, measure: QUOTA, target: 1 }] }"),
                false);
        assertThat(file.getString("errors[0].extensions.field")).isEqualTo("tasks[0].milestones[0].measure");
        assertThat(errorCode(run("admin", "tick-milestone", "milestoneId", "999999999", "evidenceIds", List.of(evidence))))
                .isEqualTo("NOT_FOUND");
    }

    private static String field(JsonPath answer) {
        assertThat(answer.getString("errors[0].extensions.code")).as(answer.prettify()).isEqualTo("VALIDATION");
        return answer.getString("errors[0].extensions.field");
    }

    private static String day(Map<String, Object> reminder) {
        return OffsetDateTime.parse((String) reminder.get("remindAt")).atZoneSameInstant(ZoneId.of("Asia/Shanghai"))
                .toLocalDate().toString();
    }
}
