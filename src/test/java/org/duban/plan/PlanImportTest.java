package org.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class PlanImportTest {

    @Inject
    Pool pool;

    @Test
    void aBadDateIsReportedWithItsPathAndNothingIsWritten() {
        TestPlans.Names names = TestPlans.fresh("baddate");
        int plansBefore = run("admin", "plans").getList("data.plans").size();
        String document = TestPlans.document(names, """
                - { code: A, title: 甲, deadline: 2030-01-01 }
                - { code: B, title: 乙, deadline: 2030-01-02 }
                - { code: C, title: 丙, deadline: 2030-01-03 }
                - { code: D, title: 丁, deadline: 2022-13-45 }
                """);

        JsonPath result = TestPlans.importDocument(document, false);

        assertThat(errorCode(result)).isEqualTo("VALIDATION");
        assertThat(result.getString("errors[0].extensions.field")).isEqualTo("tasks[3].deadline");
        assertThat(result.getString("errors[0].message")).startsWith("tasks[3].deadline: not a date: 2022-13-45");
        assertNothingWritten(names, plansBefore);
    }

    @Test
    void aMistakeFoundWhileWritingRollsBackWhatWasAlreadyWritten() {
        TestPlans.Names names = TestPlans.fresh("rollback");
        int plansBefore = run("admin", "plans").getList("data.plans").size();
        // Region, units and plan are written before the unknown unit of the third task is met.
        String document = TestPlans.document(names, """
                - { code: A, title: 甲, units: [{ unit: 局甲 }] }
                - { code: B, title: 乙, units: [{ unit: 局乙 }] }
                - { code: C, title: 丙, units: [{ unit: 局丙 }] }
                """);

        JsonPath result = TestPlans.importDocument(document, false);

        assertThat(errorCode(result)).isEqualTo("VALIDATION");
        assertThat(result.getString("errors[0].extensions.field")).isEqualTo("tasks[2].units[0].unit");
        assertNothingWritten(names, plansBefore);
    }

    @Test
    void misspeltKeysAndUnknownReferencesAreNamed() {
        TestPlans.Names names = TestPlans.fresh("typo");
        JsonPath typo = TestPlans.importDocument(TestPlans.document(names, "- { code: A, title: 甲, deadlin: 2030-01-01 }"), false);
        assertThat(typo.getString("errors[0].extensions.field")).isEqualTo("tasks[0].deadlin");
        JsonPath parent = TestPlans.importDocument(TestPlans.document(names, "- { code: A, parent: Z, title: 甲 }"), false);
        assertThat(parent.getString("errors[0].extensions.field")).isEqualTo("tasks[0].parent");
        JsonPath yaml = TestPlans.importDocument("plan: [unclosed", false);
        assertThat(errorCode(yaml)).isEqualTo("VALIDATION");
        assertThat(yaml.getString("errors[0].extensions.field")).isEqualTo("document");
    }

    @Test
    void anExistingDocumentNumberIsAConflictUnlessReplacedAndReplacingKeepsTaskState() {
        TestPlans.Names names = TestPlans.fresh("replace");
        String planId = TestPlans.importPlan(TestPlans.document(names, """
                - { code: A, title: 甲, deadline: 2030-01-01, deliverables: [一, 二] }
                - { code: B, title: 乙, deadline: 2030-01-02 }
                """));
        Map<String, String> before = TestPlans.taskIds(planId);
        ok(run("admin", "change-task-status", "id", before.get("A"), "status", "IN_PROGRESS"));
        JsonPath task = run("admin", "task", "id", before.get("A"));
        String ticked = task.getString("data.task.deliverables[0].id");
        String evidence = ok(run("admin", "add-evidence-link", "taskId", before.get("A"), "url", "https://example.test/一",
                "title", "制度文件")).getString("data.addEvidenceLink.id");
        ok(run("admin", "tick-deliverable", "deliverableId", ticked, "evidenceIds", List.of(evidence)));
        String tickBefore = tick(ticked);
        String revised = TestPlans.document(names, """
                - { code: A, title: 甲（修订）, deadline: 2030-02-01, deliverables: [一, 三] }
                - { code: C, title: 丙, deadline: 2030-01-03 }
                """);

        assertThat(errorCode(TestPlans.importDocument(revised, false))).isEqualTo("CONFLICT");
        JsonPath replaced = ok(TestPlans.importDocument(revised, true));

        assertThat(replaced.getBoolean("data.importPlan.created")).isFalse();
        assertThat(replaced.getString("data.importPlan.plan.id")).isEqualTo(planId);
        assertThat(replaced.getInt("data.importPlan.tasksUpdated")).isEqualTo(1);
        assertThat(replaced.getInt("data.importPlan.tasksCreated")).isEqualTo(1);
        assertThat(replaced.getInt("data.importPlan.tasksRemoved")).isEqualTo(1);
        Map<String, String> after = TestPlans.taskIds(planId);
        assertThat(after.keySet()).containsExactly("A", "C");
        assertThat(after.get("A")).isEqualTo(before.get("A"));
        JsonPath a = run("admin", "task", "id", after.get("A"));
        assertThat(a.getString("data.task.title")).isEqualTo("甲（修订）");
        assertThat(a.getString("data.task.status")).isEqualTo("IN_PROGRESS");
        assertThat(a.getList("data.task.deliverables.title")).containsExactly("一", "三");
        assertThat(a.getList("data.task.deliverables.done")).containsExactly(true, false);
        assertThat(a.getString("data.task.deliverables[0].id")).as("the ticked item keeps its row").isEqualTo(ticked);
        assertThat(tick(ticked)).as("its tick, evidence and who ticked it").isEqualTo(tickBefore)
                .contains("{" + TestIds.key(evidence) + "}", "admin");
        assertThat(errorCode(run("admin", "task", "id", before.get("B")))).isEqualTo("NOT_FOUND");
    }

    @Test
    void replacingMayPutAKeptTaskUnderANewOneAndLiftAChildToTheTop() {
        TestPlans.Names names = TestPlans.fresh("regraft");
        String planId = TestPlans.importPlan(TestPlans.document(names, """
                - { code: A, title: 甲 }
                - { code: B, parent: A, title: 乙 }
                """));
        Map<String, String> before = TestPlans.taskIds(planId);

        ok(TestPlans.importDocument(TestPlans.document(names, """
                - { code: N, title: 新 }
                - { code: A, parent: N, title: 甲 }
                - { code: B, title: 乙 }
                """), true));

        assertThat(tree(planId)).containsExactly("N <top> {1}", "A <N> {1,1}", "B <top> {2}");
        Map<String, String> after = TestPlans.taskIds(planId);
        assertThat(after.get("A")).isEqualTo(before.get("A"));
        assertThat(after.get("B")).isEqualTo(before.get("B"));
    }

    /** The plan's live tasks in document order: code, parent's code, sort path. */
    private List<String> tree(String planId) {
        return pool.preparedQuery("select t.code || ' <' || coalesce(p.code, 'top') || '> ' || t.sort_path::text from task t"
                + " left join task p on p.id = t.parent_id where t.plan_id = $1 and t.deleted_at is null order by t.sort_path")
                .execute(Tuple.of(TestIds.key(planId)))
                .map(rows -> {
                    List<String> lines = new java.util.ArrayList<>();
                    rows.forEach(row -> lines.add(row.getString(0)));
                    return lines;
                }).await().indefinitely();
    }

    /** What a checklist item's tick holds: when, with which evidence, by whom. */
    private String tick(String deliverableId) {
        return pool.preparedQuery("select d.done || ' ' || d.done_at || ' ' || d.evidence_ids::text || ' ' || a.username"
                + " from deliverable d left join account a on a.id = d.done_by where d.id = $1")
                .execute(Tuple.of(TestIds.key(deliverableId)))
                .map(rows -> String.valueOf(rows.iterator().next().getValue(0))).await().indefinitely();
    }

    @Test
    void unitsWhoseParentsGoRoundInACircleAreRefused() {
        TestPlans.Names names = TestPlans.fresh("loop");
        int plansBefore = run("admin", "plans").getList("data.plans").size();
        String document = TestPlans.withUnits(TestPlans.document(names, "- { code: A, title: 甲 }"),
                "{ name: 测试县丙局, kind: DEPARTMENT, parent: 测试县丁局 }", "{ name: 测试县丁局, kind: DEPARTMENT, parent: 测试县丙局 }");

        JsonPath result = TestPlans.importDocument(document, false);

        assertThat(errorCode(result)).isEqualTo("VALIDATION");
        assertThat(result.getString("errors[0].extensions.field")).matches("units\\[\\d]\\.parent");
        assertThat(result.getString("errors[0].message")).contains("测试县丙局 → 测试县丁局 → 测试县丙局");
        assertNothingWritten(names, plansBefore);
    }

    @Test
    void hugeDocumentsTooManyTasksAndAliasBombsAreRefusedAtOnce() {
        TestPlans.Names names = TestPlans.fresh("bombs");
        int plansBefore = run("admin", "plans").getList("data.plans").size();
        String huge = TestPlans.document(names, "- { code: A, title: \"" + "甲".repeat(2_100_000) + "\" }");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= 2_000; i++) {
            many.append("- { code: T").append(i).append(", title: 任务 }\n");
        }
        String tooMany = TestPlans.document(names, many.toString());
        String laughs = "a: &a [\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\"]\n"
                + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
                + "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n";
        for (String document : new String[] { huge, tooMany, laughs }) {
            long started = System.nanoTime();
            JsonPath result = TestPlans.importDocument(document, false);
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(2));
            assertThat(errorCode(result)).isEqualTo("VALIDATION");
        }
        assertNothingWritten(names, plansBefore);
    }

    @Test
    void warnsAboutUnitSetsNobodyBelongsTo() {
        TestPlans.Names names = TestPlans.fresh("warn");
        String document = TestPlans.document(names, """
                - { code: A, title: 甲, deadline: 2030-01-01, units: [{ unitSet: 空集合 }] }
                """).replace("  - { name: 相关单位, kind: LISTED, units: [局乙] }",
                "  - { name: 相关单位, kind: LISTED, units: [局乙] }\n  - { name: 空集合, kind: LISTED }");
        JsonPath result = ok(TestPlans.importDocument(document, false));
        assertThat(result.getList("data.importPlan.warnings", String.class))
                .anyMatch(w -> w.contains("空集合") && w.contains("nobody is responsible"))
                .anyMatch(w -> w.contains("Task A has a deadline but no responsible unit"));
    }

    private static void assertNothingWritten(TestPlans.Names names, int plansBefore) {
        assertThat(run("admin", "plans").getList("data.plans")).hasSize(plansBefore);
        // The region itself was there before the file, as the platform's operator creates regions; its units were not.
        String region = TestPlans.regionId(names.regionCode());
        assertThat(run("admin", "units", "regionId", region).getList("data.units")).isEmpty();
    }
}
