package org.duban.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.notifications;
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
import org.duban.support.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Every move is told (交办 → 办理 → 反馈 → 复核 → 办结): a submission to the plan's office, a rejection, sign-off, suspension
 * and reopening to the task's units, an extension decided to the unit that asked, a milestone reached or missed to the
 * units and the office; once per recipient and event, with two workers running at once.
 */
@QuarkusTest
class MoveNoticesTest {

    @Inject
    Pool pool;
    @Inject
    MutableClock clock;
    @Inject
    SchedulerRuns runs;
    @Inject
    Vertx vertx;

    private Map<String, String> tasks;
    private String a;
    private String b;
    private String office;
    private String elsewhere;
    private String unitA;

    @BeforeEach
    void plan() {
        clock.pin(LocalDate.of(2030, 5, 6), LocalTime.of(10, 0));
        TestPlans.Names names = TestPlans.fresh("moves");
        tasks = TestPlans.taskIds(TestPlans.importPlan(TestPlans.document(names, """
                - { code: M1, title: 流转一, deadline: 2030-06-28, units: [{ unit: 局甲, role: LEAD }, { unit: 局乙, role: ASSIST }],
                    milestones: [{ date: 2030-05-08, title: 完成摸底 }, { date: 2030-05-20, title: 形成方案 }] }
                - { code: M2, title: 流转二, deadline: 2030-06-28, units: [{ unit: 局甲 }] }
                """)));
        String code = names.regionCode();
        unitA = TestPlans.unitId(code, "测试县甲局");
        a = "moves-a-" + code;
        b = "moves-b-" + code;
        office = "moves-o-" + code;
        elsewhere = "moves-x-" + code;
        TestAccounts.create(pool, a, "甲局人员", TestIds.key(unitA), null, "UNIT");
        TestAccounts.create(pool, b, "乙局人员", TestIds.key(TestPlans.unitId(code, "测试县乙局")), null, "UNIT");
        // The county's supervision office, and an office of another county that must hear nothing of this plan.
        TestAccounts.create(pool, office, "督查室", TestIds.key(TestPlans.unitId(code, "测试县人民政府")), null, "ADMIN");
        TestPlans.Names other = TestPlans.fresh("moves-other");
        TestPlans.importPlan(TestPlans.document(other, "- { code: X1, title: 别县任务, deadline: 2030-06-28, units: [{ unit: 局甲 }] }"));
        TestAccounts.create(pool, elsewhere, "别县督查室", TestIds.key(TestPlans.unitId(other.regionCode(), "测试县人民政府")), null, "ADMIN");
    }

    @AfterEach
    void unpin() {
        clock.reset();
    }

    private static List<Object> titles(String user, String kind) {
        return notifications(user, kind).stream().map(n -> n.get("title")).toList();
    }

    private static List<Object> bodies(String user, String kind) {
        return notifications(user, kind).stream().map(n -> n.get("body")).toList();
    }

    @Test
    void eachMoveIsToldToThoseWhoActOnItOnce() {
        String m1 = tasks.get("M1");
        String evidence = ok(run(a, "add-evidence-link", "taskId", m1, "url", "https://example.test/m1", "title", "佐证")).getString("data.addEvidenceLink.id");
        ok(run(a, "report-progress", "taskId", m1, "input", Map.of("percent", 100, "summary", "完成")));
        ok(run(a, "submit-task", "taskId", m1, "input", Map.of("statement", "已全部完成", "evidenceIds", List.of(evidence))));

        // The submission goes to the office of the plan's region (and to the office that belongs to no unit), not elsewhere.
        assertThat(titles(office, "SUBMITTED")).containsExactly("【待审核】M1 流转一");
        assertThat(bodies(office, "SUBMITTED")).containsExactly("测试县甲局已报送办结，请审核销号。办结说明：已全部完成");
        assertThat(titles("admin", "SUBMITTED")).contains("【待审核】M1 流转一");
        assertThat(titles(elsewhere, "SUBMITTED")).isEmpty();
        assertThat(titles(a, "SUBMITTED")).isEmpty();

        ok(run(office, "reject-task", "taskId", m1, "reason", "佐证材料不全"));
        assertThat(bodies(a, "REJECTED")).containsExactly("报送未通过审核，已退回办理。理由：佐证材料不全");
        assertThat(bodies(b, "REJECTED")).hasSize(1);
        ok(run(a, "submit-task", "taskId", m1, "input", Map.of("statement", "已补充", "evidenceIds", List.of(evidence))));
        assertThat(titles(office, "SUBMITTED")).hasSize(2);
        ok(run(office, "sign-off-task", "taskId", m1, "overrideReason", "乙局配合事项已由甲局说明", "note", "同意销号"));
        assertThat(bodies(a, "SIGNED_OFF")).containsExactly("任务已审核销号。说明：同意销号");
        ok(run(office, "reopen-task", "taskId", m1, "reason", "复查发现问题反弹"));
        assertThat(bodies(b, "REOPENED")).containsExactly("任务已重新进入办理。理由：复查发现问题反弹");
        ok(run(office, "suspend-task", "taskId", m1, "reason", "上级政策调整"));
        assertThat(bodies(a, "SUSPENDED")).containsExactly("任务已中止。理由：上级政策调整");

        // An extension decided goes to the unit that asked.
        String m2 = tasks.get("M2");
        String extension = ok(run(a, "request-extension", "taskId", m2, "input", Map.of("newDeadline", "2030-07-31", "reason", "汛期")))
                .getString("data.requestExtension.extensions[0].id");
        ok(run(office, "decide-extension", "extensionId", extension, "input", Map.of("approve", true, "note", "同意")));
        assertThat(bodies(a, "EXTENSION_DECIDED")).containsExactly("延期申请已批准，截止日期调整为 2030-07-31。意见：同意");
        assertThat(bodies(b, "EXTENSION_DECIDED")).isEmpty();

        // The first report's start is nobody's news; nothing was told twice.
        assertThat(ok(run(a, "my-notifications")).getList("data.myNotifications.edges.node.kind", String.class))
                .containsOnly("REJECTED", "SIGNED_OFF", "REOPENED", "SUSPENDED", "EXTENSION_DECIDED").hasSize(5);
    }

    @Test
    void aMilestoneReachedOrMissedIsToldOnceWhateverTheWorkers() {
        String m1 = tasks.get("M1");
        List<Map<String, Object>> milestones = ok(run(a, "task-supervision", "id", m1)).getList("data.task.milestones");
        String evidence = ok(run(a, "add-evidence-link", "taskId", m1, "url", "https://example.test/plan", "title", "方案")).getString("data.addEvidenceLink.id");
        try (WebhookReceiver receiver = WebhookReceiver.start(vertx.getDelegate(), attempt -> false)) {
            ok(run("admin", "set-unit-channels", "unitId", unitA, "input", Map.of("webhookUrl", receiver.url("/a"))));
            // The second milestone is ticked ahead of its day: reached, told at once.
            ok(run(a, "tick-milestone", "milestoneId", milestones.get(1).get("id"), "done", true, "evidenceIds", List.of(evidence)));
            ok(run(a, "tick-milestone", "milestoneId", milestones.get(1).get("id"), "done", false));
            ok(run(a, "tick-milestone", "milestoneId", milestones.get(1).get("id"), "done", true, "evidenceIds", List.of(evidence)));
            assertThat(bodies(b, "MILESTONE_REACHED")).containsExactly("节点“形成方案”（2030-05-20）已完成。");
            assertThat(titles(office, "MILESTONE_REACHED")).hasSize(1);

            // The first passes unmet on the 8th: on the 9th, at the reminders' time, two workers tell it once.
            try (ReminderWorkers workers = new ReminderWorkers(2, runs, clock, vertx)) {
                for (LocalTime time : List.of(LocalTime.of(8, 0), LocalTime.of(9, 0), LocalTime.of(9, 1))) {
                    clock.pin(LocalDate.of(2030, 5, 9), time);
                    workers.runAllAtOnce();
                }
            }
            assertThat(bodies(a, "MILESTONE_MISSED")).containsExactly("节点“完成摸底”（2030-05-08）到期未完成，请尽快办理。");
            assertThat(bodies(b, "MILESTONE_MISSED")).hasSize(1);
            assertThat(titles(office, "MILESTONE_MISSED")).hasSize(1);
            assertThat(receiver.calls().stream().filter(c -> c.isNotice("MILESTONE_MISSED"))).hasSize(1);
            assertThat(receiver.calls().stream().filter(c -> c.isNotice("MILESTONE_REACHED"))).hasSize(1);
        }
    }
}
