package org.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.util.Map;

import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A task without a deadline, as (二)1 成立工作专班: shown as undated, uncoloured, and signed off at issue by the office. */
@QuarkusTest
class UndatedTaskTest {

    @Test
    void workNobodyAnswersForIsWarnedOfAtImportAndListedOnTheDashboard() {
        TestPlans.Names names = TestPlans.fresh("unassigned");
        JsonPath imported = ok(TestPlans.importDocument(TestPlans.document(names, """
                - { code: S, title: 章节 }
                - { code: S1, parent: S, title: 有人负责, deadline: 2031-06-30, units: [{ unit: 局甲 }] }
                - { code: S2, parent: S, title: 无人负责, deadline: 2031-06-30 }
                - { code: S3, parent: S, title: 无期限也无人负责 }
                """), false));
        assertThat(imported.getList("data.importPlan.warnings", String.class))
                .contains("Task S2 has a deadline but no responsible unit", "Task S3 has no responsible unit")
                .noneMatch(w -> w.startsWith("Task S "));
        String planId = imported.getString("data.importPlan.plan.id");
        JsonPath dashboard = ok(run("admin", "plan-dashboard", "planId", planId));
        assertThat(dashboard.getList("data.planDashboard.unassignedTasks.code")).containsExactly("S2", "S3");
        assertThat(dashboard.getInt("data.planDashboard.assignedTasks")).isEqualTo(1);
    }

    @Test
    void anUndatedTaskHasNoColourIsListedAsUndatedAndIsSignedOffAtIssueWithANote() {
        String planId = TestPlans.importPlan(TestPlans.document(TestPlans.fresh("undated"), """
                - { code: U, title: 成立工作专班, deadlineNote: 即时成立, units: [{ unit: 县政府 }] }
                - { code: D, title: 有期限, deadline: 2031-06-30, units: [{ unit: 局甲 }] }
                """));
        Map<String, String> tasks = TestPlans.taskIds(planId);
        String undated = tasks.get("U");
        JsonPath task = ok(run("admin", "task-supervision", "id", undated));
        assertThat(task.getString("data.task.warningLevel")).isNull();
        assertThat(task.getString("data.task.status")).isEqualTo("NOT_STARTED");
        assertThat(ok(run("admin", "plan-dashboard", "planId", planId)).getList("data.planDashboard.undatedTasks.code"))
                .containsExactly("U");

        JsonPath withoutNote = run("admin", "sign-off-task", "taskId", undated);
        assertThat(withoutNote.getString("errors[0].extensions.field")).isEqualTo("note");
        assertThat(ok(run("admin", "task-supervision", "id", undated)).getString("data.task.status")).isEqualTo("NOT_STARTED");
        assertThat(errorCode(run("admin", "sign-off-task", "taskId", tasks.get("D"), "note", "随文完成")))
                .as("a dated task is handed in first").isEqualTo("INVALID_TRANSITION");

        JsonPath signed = ok(run("admin", "sign-off-task", "taskId", undated, "note", "附件已明确工作专班组成，随文成立"));
        assertThat(signed.getString("data.signOffTask.status")).isEqualTo("SIGNED_OFF");
        assertThat(ok(run("admin", "task-supervision", "id", undated)).getString("data.task.statusChanges[0].to"))
                .isEqualTo("SIGNED_OFF");
        assertThat(ok(run("admin", "plan-dashboard", "planId", planId)).getList("data.planDashboard.undatedTasks")).isEmpty();
    }
}
