package org.duban.urging;

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
import org.duban.support.MutableClock;
import org.duban.support.ReminderWorkers;
import org.duban.support.TestAccounts;
import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Urging (催办) through GraphQL: by message through Duban or recorded after the fact, on the task's record with who,
 * when, how and what was answered; counted on the scoreboard; and the policy's ladder urging once by itself.
 */
@QuarkusTest
class UrgingTest {

    @Inject
    Pool pool;
    @Inject
    MutableClock clock;
    @Inject
    SchedulerRuns runs;
    @Inject
    Vertx vertx;

    private String planId;
    private Map<String, String> tasks;
    private String a;
    private String b;
    private String unitA;
    private String unitB;

    @BeforeEach
    void plan() {
        clock.pin(LocalDate.of(2030, 5, 6), LocalTime.of(10, 0));
        TestPlans.Names names = TestPlans.fresh("urging");
        planId = TestPlans.importPlan(TestPlans.document(names, """
                - { code: U1, title: 催办一, deadline: 2030-05-31, units: [{ unit: 局甲, role: LEAD }, { unit: 局乙, role: ASSIST }],
                    milestones: [{ date: 2030-05-20, title: 完成初稿 }] }
                - { code: U2, title: 催办二, deadline: 2030-05-08, units: [{ unit: 局甲 }] }
                - { code: U3, title: 已办结, deadline: 2030-05-31, units: [{ unit: 局甲 }] }
                """));
        tasks = TestPlans.taskIds(planId);
        String code = names.regionCode();
        unitA = TestPlans.unitId(code, "测试县甲局");
        unitB = TestPlans.unitId(code, "测试县乙局");
        a = "urge-a-" + code;
        b = "urge-b-" + code;
        TestAccounts.create(pool, a, "甲局人员", TestIds.key(unitA), null, "UNIT");
        TestAccounts.create(pool, b, "乙局人员", TestIds.key(unitB), null, "UNIT");
    }

    @AfterEach
    void unpin() {
        clock.reset();
    }

    private JsonPath urge(String user, String task, Map<String, Object> input) {
        return run(user, "urge-task", "taskId", tasks.get(task), "input", input);
    }

    @Test
    void theOfficeUrgesByMessageOrRecordsAnUrgingAndTheUnitAnswers() {
        String milestone = ok(run("admin", "task-supervision", "id", tasks.get("U1"))).getString("data.task.milestones[0].id");
        JsonPath sent = ok(urge("admin", "U1", Map.of("unitId", unitA, "milestoneId", milestone, "channel", "MESSAGE",
                "message", "初稿进度滞后，请本周内报送")));
        Map<String, Object> urging = sent.getMap("data.urgeTask.urgings[0]");
        assertThat(urging).containsEntry("channel", "MESSAGE").containsEntry("milestone", "完成初稿").containsEntry("urgedBy", "admin");
        // Sent through Duban to the unit: in its inbox, as an urging to answer.
        List<Map<String, Object>> urged = ok(run(a, "my-notifications", "kinds", List.of("URGING"))).getList("data.myNotifications.edges.node");
        assertThat(urged).singleElement().satisfies(n -> {
                    assertThat(n.get("title").toString()).contains("【催办】", "U1", "节点：完成初稿");
                    assertThat(n.get("body")).isEqualTo("初稿进度滞后，请本周内报送");
                });
        assertThat(ok(run(b, "my-notifications", "kinds", List.of("URGING"))).getList("data.myNotifications.edges")).isEmpty();
        assertThat(ok(run(a, "my-inbox")).getList("data.myInbox.urgings.message")).containsExactly("初稿进度滞后，请本周内报送");

        // Recorded after the fact: a phone call, with the person reached and the answer.
        ok(urge("admin", "U1", Map.of("unitId", unitB, "channel", "PHONE", "personReached", "王某（办公室主任）",
                "answer", "下周一前报送", "urgedAt", "2030-05-06T01:30:00Z")));
        assertThat(ok(run(b, "my-notifications", "kinds", List.of("URGING"))).getList("data.myNotifications.edges")).isEmpty();

        // Refused, changing nothing.
        assertThat(errorCode(urge("admin", "U1", Map.of("unitId", unitA, "channel", "PHONE")))).isEqualTo("VALIDATION");
        assertThat(errorCode(urge("admin", "U1", Map.of("unitId", unitA, "channel", "MESSAGE")))).isEqualTo("VALIDATION");
        assertThat(errorCode(urge("admin", "U1", Map.of("unitId", unitA, "channel", "AUTOMATIC", "message", "x")))).isEqualTo("VALIDATION");
        assertThat(errorCode(urge("admin", "U1", Map.of("unitId", unitA, "channel", "VISIT", "personReached", "张某",
                "urgedAt", "2030-05-07T01:30:00Z")))).isEqualTo("VALIDATION");
        assertThat(errorCode(urge("admin", "U2", Map.of("unitId", unitB, "channel", "MESSAGE", "message", "不是乙局的")))).isEqualTo("VALIDATION");
        assertThat(errorCode(urge("admin", "U2", Map.of("unitId", unitA, "milestoneId", milestone, "channel", "MESSAGE",
                "message", "节点不是这个任务的")))).isEqualTo("VALIDATION");
        assertThat(errorCode(urge(a, "U1", Map.of("unitId", unitA, "channel", "MESSAGE", "message", "自己催自己")))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(urge("leader", "U1", Map.of("unitId", unitA, "channel", "MESSAGE", "message", "领导")))).isEqualTo("FORBIDDEN");
        ok(run("admin", "suspend-task", "taskId", tasks.get("U3"), "reason", "暂缓"));
        assertThat(errorCode(urge("admin", "U3", Map.of("unitId", unitA, "channel", "MESSAGE", "message", "中止的")))).isEqualTo("INVALID_TRANSITION");

        // The urged unit answers, once; nobody else does.
        String id = (String) urging.get("id");
        assertThat(errorCode(run(b, "answer-urging", "urgingId", id, "answer", "不是我们"))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(run(a, "answer-urging", "urgingId", id, "answer", " "))).isEqualTo("VALIDATION");
        ok(run(a, "answer-urging", "urgingId", id, "answer", "已于今日报送初稿"));
        assertThat(errorCode(run(a, "answer-urging", "urgingId", id, "answer", "再答"))).isEqualTo("INVALID_TRANSITION");
        assertThat(ok(run(a, "my-inbox")).getList("data.myInbox.urgings")).isEmpty();

        List<Map<String, Object>> record = ok(run("admin", "task-supervision", "id", tasks.get("U1"))).getList("data.task.urgings");
        assertThat(record).extracting(u -> u.get("channel") + "/" + ((Map<?, ?>) u.get("unit")).get("name") + "/" + u.get("answer"))
                .containsExactly("PHONE/测试县乙局/下周一前报送", "MESSAGE/测试县甲局/已于今日报送初稿");
        assertThat(record.get(0)).containsEntry("personReached", "王某（办公室主任）").containsEntry("urgedAt", "2030-05-06T01:30:00Z");

        List<Map<String, Object>> board = ok(run("admin", "unit-scoreboard", "planId", planId)).getList("data.unitScoreboard");
        assertThat(board).extracting(s -> s.get("unitName") + "=" + s.get("urgings"))
                .containsExactlyInAnyOrder("测试县甲局=1", "测试县乙局=1");
    }

    @Test
    void thePlansLadderUrgesOnceByItselfAfterTheWorkingDaysItSays() {
        assertThat(errorCode(run("admin", "set-plan-reminder-policy", "planId", planId, "policy", Map.of("daysBefore", List.of(1),
                "escalateAfterDays", 5, "urgeAfterDays", 0)))).isEqualTo("VALIDATION");
        JsonPath policy = ok(run("admin", "set-plan-reminder-policy", "planId", planId, "policy", Map.of("daysBefore", List.of(1),
                "escalateAfterDays", 5, "urgeAfterDays", 2)));
        assertThat(policy.getMap("data.setPlanReminderPolicy")).containsEntry("urgeAfterDays", 2).containsEntry("overdueDailyDays", 3)
                .containsEntry("overdueEveryDays", 5).containsEntry("digestAbove", 3).containsEntry("source", "PLAN");

        // U2 is due Wednesday 8 May: overdue on the 9th (1), 10th (2), 13th (3): the ladder urges on the 13th.
        for (LocalDate day = LocalDate.of(2030, 5, 9); !day.isAfter(LocalDate.of(2030, 5, 15)); day = day.plusDays(1)) {
            ReminderWorkers.runTwiceWithTwoWorkersAt(day, LocalTime.of(9, 0), runs, clock, vertx);
        }
        List<Map<String, Object>> mine = ok(run(a, "my-notifications", "kinds", List.of("OVERDUE", "URGING")))
                .getList("data.myNotifications.edges.node");
        assertThat(mine).filteredOn(n -> n.get("title").toString().contains("U2")).extracting(n -> n.get("kind") + "@" + n.get("createdAt"))
                .containsExactly("URGING@2030-05-13T01:00:00Z", "OVERDUE@2030-05-10T01:00:00Z", "OVERDUE@2030-05-09T01:00:00Z");
        List<Map<String, Object>> record = ok(run("admin", "task-supervision", "id", tasks.get("U2"))).getList("data.task.urgings");
        assertThat(record).singleElement().satisfies(u -> {
            assertThat(u).containsEntry("channel", "AUTOMATIC").containsEntry("urgedAt", "2030-05-13T01:00:00Z");
            assertThat(u.get("message").toString()).contains("逾期 3 个工作日", "现予催办");
        });
        assertThat(ok(run("admin", "unit-scoreboard", "planId", planId)).getList("data.unitScoreboard", Map.class))
                .filteredOn(s -> "测试县甲局".equals(s.get("unitName"))).singleElement()
                .satisfies(s -> assertThat(s.get("urgings")).isEqualTo(1));
    }
}
