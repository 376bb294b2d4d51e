package org.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.supervision.EvidenceFiles.uploaded;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.duban.notify.RecordingMailbox;
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
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The supervision workflow through GraphQL and the upload endpoint: reports, submission, rejection, checklist,
 * sign-off with and without override, suspension and reopening, extensions, instructions; every refused move
 * changes nothing.
 */
@QuarkusTest
class WorkflowTest {

    @Inject
    Pool pool;
    @Inject
    MutableClock clock;
    @Inject
    SchedulerRuns runs;
    @Inject
    Vertx vertx;
    @Inject
    RecordingMailbox mailbox;

    private Map<String, String> tasks;
    private String lead;
    private String assist;
    private String outsider;
    private String leader;
    private String unitA;
    private String unitB;

    @BeforeEach
    void freshPlan() {
        clock.pin(LocalDate.of(2030, 5, 6), LocalTime.of(10, 0));
        TestPlans.Names names = TestPlans.fresh("workflow");
        String planId = TestPlans.importPlan(TestPlans.withUnits(TestPlans.document(names, """
                - { code: W1, title: 工作流一, deadline: 2030-06-28, units: [{ unit: 局甲, role: LEAD }, { unit: 局乙, role: ASSIST }], deliverables: [成果一, 成果二] }
                - { code: W2, title: 工作流二, deadline: 2030-06-28, units: [{ unit: 局甲 }] }
                - { code: W3, title: 月报, startDate: 2030-01-01, recurrence: "FREQ=MONTHLY;BYMONTHDAY=-1", units: [{ unit: 局甲 }] }
                - { code: W4, title: 工作流四, deadline: 2030-06-28, units: [{ unit: 局甲 }], deliverables: [成果] }
                - { code: W5, title: 共同负责, deadline: 2030-06-28, units: [{ unit: 局甲 }, { unit: 局乙 }] }
                """), "{ name: 测试县丙局, shortName: 局丙, kind: DEPARTMENT }"));
        tasks = TestPlans.taskIds(planId);
        String code = names.regionCode();
        unitA = TestPlans.unitId(code, "测试县甲局");
        unitB = TestPlans.unitId(code, "测试县乙局");
        lead = "wf-a-" + code;
        assist = "wf-b-" + code;
        outsider = "wf-c-" + code;
        leader = "wf-l-" + code;
        TestAccounts.create(pool, lead, "甲局人员", TestIds.key(unitA), null, "UNIT");
        TestAccounts.create(pool, assist, "乙局人员", TestIds.key(unitB), null, "UNIT");
        TestAccounts.create(pool, outsider, "丙局人员", TestIds.key(TestPlans.unitId(code, "测试县丙局")), null, "UNIT");
        TestAccounts.create(pool, leader, "县领导", TestIds.key(TestPlans.unitId(code, "测试县人民政府")), null, "LEADER");
    }

    @AfterEach
    void unpin() {
        clock.reset();
    }

    /** "责任单位：甲局、乙局" names no lead: both are responsible, and either submits; neither is lead for being first. */
    @Test
    void unitsListedWithoutALeadAreEachResponsibleAndEitherSubmits() {
        String w5 = tasks.get("W5");
        assertThat(ok(run("admin", "task-supervision", "id", w5)).getString("data.task.id")).isEqualTo(w5);
        assertThat(ok(report(assist, w5, Map.of("percent", 100, "summary", "乙局已完成"))).getString("data.reportProgress.status"))
                .isEqualTo("IN_PROGRESS");
        String pdf = uploaded(assist, w5, "乙局.pdf", EvidenceFiles.pdf());
        assertThat(ok(submit(assist, w5, "乙局报送办结", List.of(pdf))).getString("data.submitTask.status")).isEqualTo("SUBMITTED");
    }

    @Test
    void aTaskGoesFromFirstReportThroughRejectionToSignOff() {
        String w1 = tasks.get("W1");
        String pdf = uploaded(lead, w1, "进展.pdf", EvidenceFiles.pdf());
        String png = uploaded(assist, w1, "现场.png", EvidenceFiles.png());
        String elsewhere = uploaded(lead, tasks.get("W2"), "别的.pdf", EvidenceFiles.pdf());

        // Nothing reported yet: there is nothing to submit.
        assertThat(errorCode(submit(lead, w1, "完成", List.of(pdf)))).isEqualTo("INVALID_TRANSITION");

        // Refused reports change nothing.
        assertThat(errorCode(report(lead, w1, Map.of("percent", 101, "summary", "超了")))).isEqualTo("VALIDATION");
        assertThat(errorCode(report(lead, w1, Map.of("percent", 10, "summary", " ")))).isEqualTo("VALIDATION");
        assertThat(errorCode(report(lead, w1, Map.of("percent", 10, "summary", "证据不对", "evidenceIds", List.of(elsewhere)))))
                .isEqualTo("VALIDATION");
        assertThat(errorCode(report(lead, w1, Map.of("percent", 10, "summary", "替人填报", "unitId", unitB)))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(report(outsider, w1, Map.of("percent", 10, "summary", "不是我的")))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(report(leader, w1, Map.of("percent", 10, "summary", "领导不填报")))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(report("admin", w1, Map.of("percent", 10, "summary", "未指明单位")))).isEqualTo("VALIDATION");
        assertThat(errorCode(report("admin", w1, Map.of("percent", 10, "summary", "单位不负责", "unitId",
                TestPlans.unitId(regionCode(), "测试县丙局"))))).isEqualTo("VALIDATION");
        assertThat(task(lead, w1).getString("data.task.status")).isEqualTo("NOT_STARTED");
        assertThat(task(lead, w1).getList("data.task.progressReports")).isEmpty();

        // The first report starts the work; a checklist decides percent complete, not the report.
        JsonPath first = ok(report(lead, w1, Map.of("percent", 40, "summary", "已起草方案", "problems", "需财政局配合",
                "evidenceIds", List.of(pdf))));
        assertThat(first.getString("data.reportProgress.status")).isEqualTo("IN_PROGRESS");
        assertThat(first.getInt("data.reportProgress.percentComplete")).isZero();
        assertThat(first.getList("data.reportProgress.latestReports.problems")).containsExactly("需财政局配合");

        // Only the lead unit submits, with a statement and evidence.
        assertThat(errorCode(submit(assist, w1, "我来提交", List.of(png)))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(submit(lead, w1, "没有佐证", List.of()))).isEqualTo("VALIDATION");
        assertThat(ok(submit(lead, w1, "已完成整改", List.of(pdf))).getString("data.submitTask.status")).isEqualTo("SUBMITTED");
        assertThat(errorCode(report(assist, w1, Map.of("percent", 50, "summary", "提交后填报")))).isEqualTo("INVALID_TRANSITION");

        // Sign-off: the office's, and refused while the checklist is open and 乙局 never reported.
        assertThat(errorCode(run(lead, "sign-off-task", "taskId", w1))).isEqualTo("FORBIDDEN");
        JsonPath blocked = run("admin", "sign-off-task", "taskId", w1);
        assertThat(errorCode(blocked)).isEqualTo("CONFLICT");
        assertThat(blocked.getString("errors[0].message")).contains("成果一", "成果二", "测试县乙局 has never reported");
        assertThat(task(lead, w1).getString("data.task.status")).isEqualTo("SUBMITTED");

        // Rejection needs a reason, which the unit reads.
        assertThat(errorCode(run("admin", "reject-task", "taskId", w1, "reason", " "))).isEqualTo("VALIDATION");
        assertThat(errorCode(run(lead, "reject-task", "taskId", w1, "reason", "自己驳回"))).isEqualTo("FORBIDDEN");
        ok(run("admin", "reject-task", "taskId", w1, "reason", "佐证材料不足"));
        JsonPath rejected = task(lead, w1);
        assertThat(rejected.getString("data.task.status")).isEqualTo("IN_PROGRESS");
        assertThat(rejected.getString("data.task.statusChanges[0].reason")).isEqualTo("佐证材料不足");
        assertThat(rejected.getString("data.task.statusChanges[1].note")).isEqualTo("已完成整改");
        assertThat(errorCode(run("admin", "sign-off-task", "taskId", w1))).isEqualTo("INVALID_TRANSITION");
        assertThat(errorCode(run("admin", "reject-task", "taskId", w1, "reason", "再驳回"))).isEqualTo("INVALID_TRANSITION");

        // The checklist is ticked with evidence; percent complete follows it.
        List<String> items = rejected.getList("data.task.deliverables.id");
        assertThat(errorCode(run(lead, "tick-deliverable", "deliverableId", items.get(0)))).isEqualTo("VALIDATION");
        JsonPath outsiderTick = run(outsider, "tick-deliverable", "deliverableId", items.get(0), "evidenceIds", List.of(pdf));
        assertThat(errorCode(outsiderTick)).as(outsiderTick.prettify()).isEqualTo("NOT_FOUND");
        assertThat(ok(run(lead, "tick-deliverable", "deliverableId", items.get(0), "evidenceIds", List.of(pdf)))
                .getInt("data.tickDeliverable.percentComplete")).isEqualTo(50);
        assertThat(ok(run(assist, "tick-deliverable", "deliverableId", items.get(1), "evidenceIds", List.of(png)))
                .getInt("data.tickDeliverable.percentComplete")).isEqualTo(100);

        ok(report(assist, w1, Map.of("percent", 100, "summary", "配合完成", "evidenceIds", List.of(png))));
        ok(submit(lead, w1, "已按要求补充佐证", List.of(pdf, png)));
        JsonPath signed = ok(run("admin", "sign-off-task", "taskId", w1, "note", "同意销号"));
        assertThat(signed.getString("data.signOffTask.status")).isEqualTo("SIGNED_OFF");
        assertThat(signed.getString("data.signOffTask.warningLevel")).isNull();
        JsonPath record = task(assist, w1);
        assertThat(record.getList("data.task.latestReports.unit.name")).containsExactlyInAnyOrder("测试县甲局", "测试县乙局");
        assertThat(record.getString("data.task.statusChanges[0].note")).isEqualTo("同意销号");
        assertThat(record.getString("data.task.statusChanges[0].overrideReason")).isNull();
        assertThat(record.getList("data.task.statusChanges[1].evidenceIds")).containsExactly(pdf, png);

        // Suspending and reopening: the office's, with a reason, from the states the rules name.
        assertThat(errorCode(run("admin", "suspend-task", "taskId", w1, "reason", "已销号"))).isEqualTo("INVALID_TRANSITION");
        assertThat(errorCode(run(lead, "reopen-task", "taskId", w1, "reason", "重新整改"))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(run("admin", "reopen-task", "taskId", w1, "reason", ""))).isEqualTo("VALIDATION");
        assertThat(ok(run("admin", "reopen-task", "taskId", w1, "reason", "复查发现反弹")).getString("data.reopenTask.status"))
                .isEqualTo("IN_PROGRESS");
        assertThat(errorCode(run("admin", "reopen-task", "taskId", w1, "reason", "再次"))).isEqualTo("INVALID_TRANSITION");
        assertThat(errorCode(run(lead, "suspend-task", "taskId", w1, "reason", "不想做"))).isEqualTo("FORBIDDEN");
        JsonPath suspended = ok(run("admin", "suspend-task", "taskId", w1, "reason", "上级政策调整"));
        assertThat(suspended.getString("data.suspendTask.status")).isEqualTo("SUSPENDED");
        assertThat(suspended.getString("data.suspendTask.warningLevel")).isNull();
        assertThat(errorCode(report(lead, w1, Map.of("percent", 10, "summary", "中止后填报")))).isEqualTo("INVALID_TRANSITION");
        assertThat(errorCode(submit(lead, w1, "中止后提交", List.of(pdf)))).isEqualTo("INVALID_TRANSITION");
        assertThat(ok(run("admin", "reopen-task", "taskId", w1, "reason", "政策明确")).getString("data.reopenTask.status"))
                .isEqualTo("IN_PROGRESS");

        // The older bare status change cannot sign off past the checks either.
        ok(submit(lead, w1, "再次提交", List.of(pdf)));
        assertThat(ok(run("admin", "change-task-status", "id", w1, "status", "SIGNED_OFF")).getString("data.changeTaskStatus.status"))
                .isEqualTo("SIGNED_OFF");
    }

    @Test
    void theOfficeMayOverrideWhatBlocksASignOffWithAReason() {
        String w4 = tasks.get("W4");
        String pdf = uploaded(lead, w4, "说明.pdf", EvidenceFiles.pdf());
        ok(report(lead, w4, Map.of("percent", 90, "summary", "基本完成")));
        ok(submit(lead, w4, "除成果外均已完成", List.of(pdf)));
        assertThat(errorCode(run("admin", "change-task-status", "id", w4, "status", "SIGNED_OFF"))).isEqualTo("CONFLICT");
        assertThat(errorCode(run("admin", "sign-off-task", "taskId", w4))).isEqualTo("CONFLICT");
        JsonPath signed = ok(run("admin", "sign-off-task", "taskId", w4, "overrideReason", "成果已纳入县级方案，无需单列"));
        assertThat(signed.getString("data.signOffTask.status")).isEqualTo("SIGNED_OFF");
        assertThat(task(lead, w4).getString("data.task.statusChanges[0].overrideReason")).isEqualTo("成果已纳入县级方案，无需单列");
    }

    @Test
    void aRecurringTaskIsReportedAndSignedOffPerOccurrence() {
        String w3 = tasks.get("W3");
        String may = w3 + "@2030-05-31";
        String pdf = uploaded(lead, w3, "五月.pdf", EvidenceFiles.pdf());
        assertThat(errorCode(report(lead, w3, Map.of("percent", 50, "summary", "五月月报")))).isEqualTo("VALIDATION");
        assertThat(errorCode(report(lead, w3, Map.of("occurrenceId", w3 + "@2030-05-30", "percent", 50, "summary", "日子不对"))))
                .isEqualTo("NOT_FOUND");
        ok(report(lead, w3, Map.of("occurrenceId", may, "percent", 100, "summary", "五月月报")));
        ok(run(lead, "submit-task", "taskId", w3, "input", Map.of("occurrenceId", may, "statement", "五月已报",
                "evidenceIds", List.of(pdf))));
        ok(run("admin", "sign-off-task", "taskId", w3, "occurrenceId", may));
        JsonPath after = task(lead, w3);
        assertThat(after.getList("data.task.occurrences.findAll { it.id == '" + may + "' }.status")).containsExactly("SIGNED_OFF");
        assertThat(after.getString("data.task.statusChanges[0].occurrenceId")).isEqualTo(may);
        assertThat(after.getString("data.task.latestReports[0].occurrenceId")).isEqualTo(may);
    }

    @Test
    void anApprovedExtensionMovesTheDeadlineAndKeepsTheOriginal() {
        String w2 = tasks.get("W2");
        assertThat(errorCode(extension(lead, w2, "2030-06-01", "太早"))).isEqualTo("VALIDATION");
        assertThat(errorCode(extension(outsider, w2, "2030-07-31", "不是我的"))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(extension(lead, tasks.get("W3"), "2030-07-31", "月报不能延期"))).isEqualTo("VALIDATION");
        JsonPath asked = ok(extension(lead, w2, "2030-07-31", "需等待上级批复"));
        String extensionId = asked.getString("data.requestExtension.extensions[0].id");
        assertThat(asked.getString("data.requestExtension.extensions[0].status")).isEqualTo("PENDING");
        assertThat(asked.getString("data.requestExtension.extensions[0].unitName")).isEqualTo("测试县甲局");
        assertThat(errorCode(extension(lead, w2, "2030-08-31", "再申请"))).isEqualTo("CONFLICT");
        assertThat(errorCode(decide(lead, extensionId, true))).isEqualTo("FORBIDDEN");

        JsonPath approved = ok(decide("admin", extensionId, true));
        assertThat(approved.getString("data.decideExtension.deadline")).isEqualTo("2030-07-31");
        assertThat(approved.getString("data.decideExtension.originalDeadline")).isEqualTo("2030-06-28");
        assertThat(approved.getString("data.decideExtension.extensions[0].status")).isEqualTo("APPROVED");
        assertThat(errorCode(decide("admin", extensionId, false))).isEqualTo("INVALID_TRANSITION");

        // A refused one leaves the deadline alone.
        String second = ok(extension(lead, w2, "2030-09-30", "仍需时间")).getString("data.requestExtension.extensions[1].id");
        JsonPath refused = ok(decide("admin", second, false));
        assertThat(refused.getString("data.decideExtension.deadline")).isEqualTo("2030-07-31");
        assertThat(refused.getString("data.decideExtension.originalDeadline")).isEqualTo("2030-06-28");
        assertThat(refused.getList("data.decideExtension.extensions.status")).containsExactly("APPROVED", "REFUSED");
    }

    @Test
    void aLeadersInstructionReachesTheResponsibleUnitsWhereTheirRemindersGo() {
        String w1 = tasks.get("W1");
        assertThat(errorCode(run(lead, "add-instruction", "taskId", w1, "text", "自己批示"))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(run(leader, "add-instruction", "taskId", w1, "text", " "))).isEqualTo("VALIDATION");
        try (WebhookReceiver receiver = WebhookReceiver.start(vertx.getDelegate(), attempt -> false)) {
            ok(run("admin", "set-unit-channels", "unitId", unitA, "input", Map.of("webhookUrl", receiver.url("/a"),
                    "email", "jiaju@example.test")));
            JsonPath added = ok(run(leader, "add-instruction", "taskId", w1, "text", "请加快进度，月底前完成"));
            assertThat(added.getList("data.addInstruction.instructions.text")).containsExactly("请加快进度，月底前完成");
            assertThat(added.getList("data.addInstruction.instructions.author")).containsExactly("县领导");
            for (String user : List.of(lead, assist)) {
                List<Map<String, Object>> inbox = ok(run(user, "my-notifications")).getList("data.myNotifications.edges.node");
                assertThat(inbox).singleElement().satisfies(n -> {
                    assertThat(n.get("kind")).isEqualTo("INSTRUCTION");
                    assertThat(n.get("body")).isEqualTo("请加快进度，月底前完成");
                });
            }
            assertThat(ok(run(outsider, "my-notifications")).getList("data.myNotifications.edges.node")).isEmpty();

            // The delivery worker sends it through 甲局's webhook and e-mail, once, with retries like a reminder.
            ReminderWorkers.runOnceAt(LocalDate.of(2030, 5, 6), LocalTime.of(10, 1), runs, clock, vertx);
            ReminderWorkers.runOnceAt(LocalDate.of(2030, 5, 6), LocalTime.of(10, 2), runs, clock, vertx);
            List<WebhookReceiver.Call> notices = receiver.calls().stream().filter(c -> c.isNotice("INSTRUCTION")).toList();
            assertThat(notices).singleElement().satisfies(call -> {
                assertThat(call.path()).isEqualTo("/a");
                assertThat(call.body()).contains("\"kind\":\"INSTRUCTION\"", "请加快进度，月底前完成", "工作流一");
            });
            // Besides the unit's reminders (the monthly report is overdue by now).
            assertThat(mailbox.sentTo("jiaju@example.test").stream().filter(mail -> mail.subject().startsWith("领导批示")))
                    .singleElement().satisfies(mail -> assertThat(mail.text()).contains("请加快进度，月底前完成", "测试县甲局"));
        }
    }

    @Test
    void linksAreEvidenceToo() {
        String w2 = tasks.get("W2");
        assertThat(errorCode(run(lead, "add-evidence-link", "taskId", w2, "url", "ftp://example.test/a", "title", "文件"))).isEqualTo("VALIDATION");
        assertThat(errorCode(run(leader, "add-evidence-link", "taskId", w2, "url", "https://example.test/a", "title", "文件")))
                .isEqualTo("FORBIDDEN");
        String link = ok(run(lead, "add-evidence-link", "taskId", w2, "url", "https://www.xiangning.gov.cn/notice/1", "title", "公示"))
                .getString("data.addEvidenceLink.id");
        ok(report(lead, w2, Map.of("percent", 30, "summary", "已公示", "evidenceIds", List.of(link))));
        assertThat(task(lead, w2).getList("data.task.evidence.kind")).containsExactly("LINK");
    }

    private String regionCode() {
        return pool.preparedQuery("select r.code from region r join unit u on u.region_id = r.id where u.id = $1")
                .execute(Tuple.of(TestIds.key(unitA))).await().indefinitely().iterator().next().getString("code");
    }

    private static JsonPath report(String user, String taskId, Map<String, Object> input) {
        return run(user, "report-progress", "taskId", taskId, "input", new HashMap<>(input));
    }

    private static JsonPath submit(String user, String taskId, String statement, List<String> evidence) {
        return run(user, "submit-task", "taskId", taskId, "input", Map.of("statement", statement, "evidenceIds", evidence));
    }

    private static JsonPath extension(String user, String taskId, String newDeadline, String reason) {
        return run(user, "request-extension", "taskId", taskId, "input", Map.of("newDeadline", newDeadline, "reason", reason));
    }

    private static JsonPath decide(String user, String extensionId, boolean approve) {
        return run(user, "decide-extension", "extensionId", extensionId, "input", Map.of("approve", approve));
    }

    private static JsonPath task(String user, String taskId) {
        return ok(run(user, "task-supervision", "id", taskId));
    }
}
