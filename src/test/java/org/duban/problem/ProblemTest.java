package org.duban.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.duban.plan.DemoPlanTestAccess;
import org.duban.support.GraphQL;
import org.duban.support.MutableClock;
import org.duban.support.TaskMoves;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The feedback problems a plan answers, cleared one by one as their tasks are signed off, on time or late. */
@QuarkusTest
class ProblemTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theDemoPlanAnswersTheTwoProblemAreasOfTheFeedback() {
        Map<String, Object> demo = plan(DemoPlanTestAccess.demoPlanId());
        List<Map<String, Object>> problems = (List<Map<String, Object>>) demo.get("problems");
        assertThat(problems).extracting(p -> p.get("number") + " " + p.get("sourceDocument")).containsExactly(
                "一 晋督〔2022〕4号", "二 晋督〔2022〕4号");
        assertThat(problems).extracting(p -> ((List<Map<String, Object>>) p.get("tasks")).stream().map(t -> t.get("code")).toList())
                .containsExactly(List.of("(一)1", "(一)2", "(一)3(1)", "(一)3(2)", "(一)3(3)"), List.of("(二)1", "(二)2"));
        assertThat(problems).allSatisfy(p -> assertThat(p.get("cleared")).isEqualTo(false));
        assertThat((Map<String, Object>) demo.get("problemSummary")).containsEntry("total", 2).containsEntry("open", 2);
    }

    @Test
    void aProblemIsClearedWhenAllItsTasksAreSignedOffAndOnTimeWhenEachWasByItsDeadline() {
        String planId = TestPlans.importPlan(TestPlans.document(TestPlans.fresh("problems"), """
                - { code: A, title: 整改甲, deadline: 2030-03-31, units: [{ unit: 局甲 }] }
                - { code: B, title: 整改乙, deadline: 2030-04-30, units: [{ unit: 局甲 }] }
                """));
        Map<String, String> tasks = TestPlans.taskIds(planId);
        ok(run("admin", "set-plan-problems", "planId", planId, "problems", List.of(
                Map.of("number", "1", "text", "问题一", "sourceDocument", "晋督〔2030〕1号", "taskIds", List.of(tasks.get("A"), tasks.get("B"))),
                Map.of("number", "2", "text", "问题二", "taskIds", List.of(tasks.get("B"))))));

        GraphQL.token("admin");
        clock.pin(LocalDate.parse("2030-04-20"), LocalTime.NOON);
        TaskMoves.signOff(tasks.get("B"));
        Map<String, Object> half = plan(planId);
        assertThat(problem(half, "1")).containsEntry("cleared", false).containsEntry("signedOffTasks", 1)
                .containsEntry("clearedOnTime", null);
        assertThat(problem(half, "2")).containsEntry("cleared", true).containsEntry("clearedOn", "2030-04-20")
                .containsEntry("clearedOnTime", true);

        clock.pin(LocalDate.parse("2030-04-25"), LocalTime.NOON);
        TaskMoves.signOff(tasks.get("A"));
        Map<String, Object> all = plan(planId);
        assertThat(problem(all, "1")).containsEntry("cleared", true).containsEntry("clearedOn", "2030-04-25")
                .containsEntry("clearedOnTime", false);
        assertThat((Map<String, Object>) all.get("problemSummary"))
                .isEqualTo(Map.of("total", 2, "open", 0, "cleared", 2, "clearedOnTime", 1));

        ok(run("admin", "reopen-task", "taskId", tasks.get("A"), "reason", "复查未通过"));
        assertThat(problem(plan(planId), "1")).containsEntry("cleared", false);
    }

    @Test
    void problemsNameTasksOfTheirPlanAndUniqueNumbers() {
        String planId = TestPlans.importPlan(TestPlans.document(TestPlans.fresh("badproblems"), "- { code: A, title: 甲 }"));
        String other = TestPlans.importPlan(TestPlans.document(TestPlans.fresh("otherplan"), "- { code: X, title: 乙 }"));
        String own = TestPlans.taskIds(planId).get("A");
        String foreign = TestPlans.taskIds(other).get("X");
        String before = run("admin", "plans").prettify();
        assertThat(field(run("admin", "set-plan-problems", "planId", planId, "problems", List.of(
                Map.of("number", "1", "text", "问题", "taskIds", List.of(foreign)))))).isEqualTo("problems[0].tasks");
        assertThat(field(run("admin", "set-plan-problems", "planId", planId, "problems", List.of(
                Map.of("number", "1", "text", "问题", "taskIds", List.of(own)),
                Map.of("number", "1", "text", "又一个", "taskIds", List.of(own)))))).isEqualTo("problems[1].number");
        assertThat(run("admin", "plans").prettify()).isEqualTo(before);

        String file = TestPlans.document(TestPlans.fresh("problemfile"), "- { code: A, title: 甲 }")
                + "problems:\n  - { number: 一, text: 问题, tasks: [B] }\n";
        assertThat(TestPlans.importDocument(file, false).getString("errors[0].extensions.field")).isEqualTo("problems[0].tasks");
    }

    private static String field(JsonPath answer) {
        assertThat(answer.getString("errors[0].extensions.code")).as(answer.prettify()).isEqualTo("VALIDATION");
        return answer.getString("errors[0].extensions.field");
    }

    private static Map<String, Object> plan(String planId) {
        List<Map<String, Object>> plans = ok(run("admin", "plans")).getList("data.plans");
        return plans.stream().filter(p -> planId.equals(p.get("id"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> problem(Map<String, Object> plan, String number) {
        return ((List<Map<String, Object>>) plan.get("problems")).stream().filter(p -> number.equals(p.get("number")))
                .findFirst().orElseThrow();
    }
}
