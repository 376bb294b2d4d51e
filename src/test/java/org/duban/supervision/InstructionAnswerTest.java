package org.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.supervision.EvidenceFiles.uploaded;
import static org.duban.support.GraphQL.errorCode;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Instructions that ask for an answer (落实情况): the units are reminded like a deadline until they answer, the leader
 * hears of each answer and sees the state of each instruction.
 */
@QuarkusTest
class InstructionAnswerTest {

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
    private String outsider;
    private String leader;
    private String unitA;

    @BeforeEach
    void plan() {
        // Monday 6 May 2030.
        clock.pin(LocalDate.of(2030, 5, 6), LocalTime.of(10, 0));
        TestPlans.Names names = TestPlans.fresh("answers");
        tasks = TestPlans.taskIds(TestPlans.importPlan(TestPlans.withUnits(TestPlans.document(names, """
                - { code: I1, title: 批示落实, deadline: 2030-06-28, units: [{ unit: 局甲, role: LEAD }, { unit: 局乙, role: ASSIST }] }
                """), "{ name: 测试县丙局, shortName: 局丙, kind: DEPARTMENT }")));
        String code = names.regionCode();
        unitA = TestPlans.unitId(code, "测试县甲局");
        a = "answer-a-" + code;
        b = "answer-b-" + code;
        outsider = "answer-c-" + code;
        leader = "answer-l-" + code;
        TestAccounts.create(pool, a, "甲局人员", TestIds.key(unitA), null, "UNIT");
        TestAccounts.create(pool, b, "乙局人员", TestIds.key(TestPlans.unitId(code, "测试县乙局")), null, "UNIT");
        TestAccounts.create(pool, outsider, "丙局人员", TestIds.key(TestPlans.unitId(code, "测试县丙局")), null, "UNIT");
        TestAccounts.create(pool, leader, "县领导", TestIds.key(TestPlans.unitId(code, "测试县人民政府")), null, "LEADER");
    }

    @AfterEach
    void unpin() {
        clock.reset();
    }

    private void runTwoWorkersOn(LocalDate day) {
        ReminderWorkers.runTwiceWithTwoWorkersAt(day, LocalTime.of(9, 0), runs, clock, vertx);
    }

    private static List<Map<String, Object>> due(String user) {
        return notifications(user, "INSTRUCTION_DUE");
    }

    private List<Map<String, Object>> mine(String state) {
        return ok(state == null ? run(leader, "my-instructions") : run(leader, "my-instructions", "state", state))
                .getList("data.myInstructions.edges.node");
    }

    @Test
    void theUnitsAreRemindedUntilTheyAnswerAndTheLeaderSeesEachAnswer() {
        String i1 = tasks.get("I1");
        assertThat(errorCode(run(leader, "add-instruction", "taskId", i1, "text", "请报告", "answerBy", "2030-05-03"))).isEqualTo("VALIDATION");
        JsonPath added = ok(run(leader, "add-instruction", "taskId", i1, "text", "请于周五前报告落实情况", "answerBy", "2030-05-10"));
        String instruction = added.getString("data.addInstruction.instructions[0].id");
        assertThat(added.getString("data.addInstruction.instructions[0].state")).isEqualTo("AWAITING");
        assertThat(ok(run(b, "my-inbox")).getList("data.myInbox.instructions.id")).containsExactly(instruction);

        // Reminded by the default policy: 3 working days before (Tuesday the 7th), once each, whatever the workers.
        runTwoWorkersOn(LocalDate.of(2030, 5, 7));
        assertThat(due(a)).singleElement().satisfies(n -> assertThat(n.get("body").toString()).contains("2030-05-10", "还有 3 个工作日"));
        assertThat(due(b)).hasSize(1);

        // 甲局 answers, with evidence; the leader hears of it; 乙局 still owes its answer.
        String evidence = uploaded(a, i1, "落实情况.pdf", EvidenceFiles.pdf());
        assertThat(errorCode(run(outsider, "answer-instruction", "instructionId", instruction, "input", Map.of("text", "不是我们")))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(run(leader, "answer-instruction", "instructionId", instruction, "input", Map.of("text", "领导")))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(run("admin", "answer-instruction", "instructionId", instruction, "input", Map.of("text", "未指明单位")))).isEqualTo("VALIDATION");
        assertThat(errorCode(run(a, "answer-instruction", "instructionId", instruction, "input", Map.of("text", " ")))).isEqualTo("VALIDATION");
        JsonPath answered = ok(run(a, "answer-instruction", "instructionId", instruction, "input",
                Map.of("text", "已完成摸底，形成清单", "evidenceIds", List.of(evidence))));
        assertThat(answered.getList("data.answerInstruction.instructions[0].answers.text")).containsExactly("已完成摸底，形成清单");
        assertThat(answered.getList("data.answerInstruction.instructions[0].answers[0].evidenceIds")).containsExactly(evidence);
        assertThat(answered.getString("data.answerInstruction.instructions[0].state")).isEqualTo("AWAITING");
        assertThat(ok(run(leader, "my-notifications", "kinds", List.of("INSTRUCTION_ANSWERED"))).getList("data.myNotifications.edges.node.body"))
                .containsExactly("测试县甲局报告落实情况：已完成摸底，形成清单");
        assertThat(ok(run(a, "my-inbox")).getList("data.myInbox.instructions")).isEmpty();

        // The day before, and after the date, only 乙局 is reminded; the leader sees the instruction overdue.
        runTwoWorkersOn(LocalDate.of(2030, 5, 9));
        runTwoWorkersOn(LocalDate.of(2030, 5, 13));
        assertThat(due(a)).hasSize(1);
        assertThat(due(b)).extracting(n -> n.get("body").toString()).hasSize(3)
                .anyMatch(body -> body.contains("还有 1 个工作日")).anyMatch(body -> body.contains("已逾期 1 个工作日"));
        assertThat(mine("OVERDUE")).extracting(i -> i.get("id")).containsExactly(instruction);
        assertThat(mine("ANSWERED")).isEmpty();

        ok(run(b, "answer-instruction", "instructionId", instruction, "input", Map.of("text", "已配合完成")));
        assertThat(mine(null)).singleElement().satisfies(i -> {
            assertThat(i.get("state")).isEqualTo("ANSWERED");
            assertThat((List<?>) i.get("answers")).hasSize(2);
        });
        assertThat(mine("ANSWERED")).hasSize(1);
        assertThat(errorCode(run(a, "my-instructions"))).isEqualTo("FORBIDDEN");
        runTwoWorkersOn(LocalDate.of(2030, 5, 14));
        assertThat(due(b)).hasSize(3);
        // An instruction that asks no answer is never awaited.
        ok(run(leader, "add-instruction", "taskId", i1, "text", "注意工作方法"));
        assertThat(mine("NO_ANSWER_ASKED")).extracting(i -> i.get("text")).containsExactly("注意工作方法");
    }
}
