package org.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.duban.support.TestAccounts;
import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;

/** A county enters a plan by hand, without a file. */
@QuarkusTest
class ManualEntryTest {

    @Inject
    Pool pool;

    /** The platform's operator creates the region; the demo's admin is then given it. */
    private String newRegion(String code, String name) {
        String id = ok(run("operator", "create-region", "input", Map.of("code", code, "name", name))).getString("data.createRegion.id");
        TestAccounts.govern(pool, "admin", TestIds.key(id));
        return id;
    }

    @Test
    void entersRegionUnitsGroupSetPlanAndTasksByHand() {
        TestPlans.Names names = TestPlans.fresh("manual");
        String regionId = newRegion(names.regionCode(), "手工县");
        String government = createUnit(regionId, "手工县人民政府", "县政府", "COUNTY_GOVERNMENT", null);
        String bureau = createUnit(regionId, "手工县自然资源局", "县自然资源局", "DEPARTMENT", government);
        String township = createUnit(regionId, "手工镇人民政府", "手工镇", "TOWNSHIP", government);
        JsonPath group = ok(run("admin", "create-leading-group", "input", Map.of("regionId", regionId, "name", "手工县工作专班",
                "officeUnitId", bureau, "officeDirectorName", "张三",
                "members", List.of(Map.of("personName", "李四", "title", "副县长", "unitId", government, "role", "LEADER"),
                        Map.of("personName", "王五", "title", "局长", "unitId", bureau, "role", "MEMBER")))));
        String groupId = group.getString("data.createLeadingGroup.id");
        String groupSet = ok(run("admin", "create-unit-set", "input", Map.of("regionId", regionId, "name", "专班成员单位",
                "kind", "GROUP_MEMBERS", "leadingGroupId", groupId))).getString("data.createUnitSet.id");
        JsonPath plan = ok(run("admin", "create-plan", "input", Map.of("issuingUnitId", government,
                "documentNumber", names.documentNumber(), "title", "手工方案", "issuedOn", "2030-02-01",
                "basisDocuments", List.of(Map.of("number", "依据〔2030〕1号", "title", "依据")),
                "leadingGroupIds", List.of(groupId))));
        String planId = plan.getString("data.createPlan.id");
        assertThat(plan.getList("data.createPlan.leadingGroups.name")).containsExactly("手工县工作专班");

        String section = ok(run("admin", "create-task", "input", Map.of("planId", planId, "code", "(一)", "title", "第一节")))
                .getString("data.createTask.id");
        JsonPath task = ok(run("admin", "create-task", "input", Map.of("planId", planId, "parentId", section,
                "code", "(一)2", "title", "第二项", "deadline", "2030-03-01",
                "assignments", List.of(Map.of("unitId", bureau, "role", "LEAD"), Map.of("unitSetId", groupSet)),
                "deliverables", List.of("制度一", "制度二"))));
        String taskId = task.getString("data.createTask.id");
        assertThat(task.getString("data.createTask.parent.code")).isEqualTo("(一)");
        assertThat(task.getList("data.createTask.deliverables.title")).containsExactly("制度一", "制度二");
        // The set resolves to the group's member units; the bureau, named directly, is listed once, as LEAD; beside a
        // named lead, the set assists.
        assertThat(task.getList("data.createTask.units.unit.name")).containsExactly("手工县自然资源局", "手工县人民政府");
        assertThat(task.getList("data.createTask.units.role")).containsExactly("LEAD", "ASSIST");

        // A forgotten item goes in before the one just entered.
        JsonPath inserted = ok(run("admin", "create-task", "input", Map.of("planId", planId, "parentId", section,
                "code", "(一)1", "title", "第一项", "deadline", "2030-03-01", "position", 1)));
        assertThat(inserted.getInt("data.createTask.ordinal")).isEqualTo(1);
        assertThat(TestPlans.taskIds(planId).keySet()).containsExactly("(一)", "(一)1", "(一)2");

        // A unit joining the group later is responsible too.
        ok(run("admin", "update-leading-group", "id", groupId, "input", Map.of("members", List.of(
                Map.of("personName", "李四", "title", "副县长", "unitId", government, "role", "LEADER"),
                Map.of("personName", "王五", "title", "局长", "unitId", bureau, "role", "MEMBER"),
                Map.of("personName", "赵六", "title", "镇长", "unitId", township, "role", "MEMBER")))));
        assertThat(run("admin", "task", "id", taskId).getList("data.task.units.unit.name"))
                .containsExactly("手工县自然资源局", "手工县人民政府", "手工镇人民政府");

        // Editing the list ticks nothing: a tick takes its evidence, through tickDeliverable.
        String second = task.getString("data.createTask.deliverables[1].id");
        JsonPath withoutEvidence = run("admin", "set-deliverables", "taskId", taskId, "deliverables", List.of(
                Map.of("id", second, "title", "制度二", "done", true), Map.of("title", "制度三")));
        assertThat(errorCode(withoutEvidence)).isEqualTo("VALIDATION");
        assertThat(withoutEvidence.getString("errors[0].extensions.field")).isEqualTo("deliverables[0].done");
        assertThat(run("admin", "task", "id", taskId).getList("data.task.deliverables.title")).as("nothing changed")
                .containsExactly("制度一", "制度二");
        String evidence = ok(run("admin", "add-evidence-link", "taskId", taskId, "url", "https://example.test/制度二",
                "title", "制度二")).getString("data.addEvidenceLink.id");
        ok(run("admin", "tick-deliverable", "deliverableId", second, "evidenceIds", List.of(evidence)));
        JsonPath ticked = ok(run("admin", "set-deliverables", "taskId", taskId, "deliverables", List.of(
                Map.of("id", second, "title", "制度二", "done", true), Map.of("title", "制度三"))));
        assertThat(ticked.getList("data.setDeliverables.deliverables.title")).containsExactly("制度二", "制度三");
        assertThat(ticked.getList("data.setDeliverables.deliverables.done")).containsExactly(true, false);
        assertThat(ticked.getString("data.setDeliverables.deliverables[0].doneAt")).isNotNull();
        JsonPath unticked = ok(run("admin", "set-deliverables", "taskId", taskId, "deliverables", List.of(
                Map.of("id", second, "title", "制度二"), Map.of("title", "制度四"))));
        assertThat(unticked.getList("data.setDeliverables.deliverables.done")).containsExactly(false, false);
        assertThat(unticked.getString("data.setDeliverables.deliverables[0].doneAt")).isNull();

        JsonPath renamed = ok(run("admin", "update-plan", "id", planId, "input", Map.of("title", "手工方案（修订）",
                "leadingGroupIds", List.of(), "expectedVersion", plan.getInt("data.createPlan.version"))));
        assertThat(renamed.getString("data.updatePlan.title")).isEqualTo("手工方案（修订）");
        assertThat(renamed.getList("data.updatePlan.leadingGroups")).isEmpty();
        assertThat(errorCode(run("admin", "update-plan", "id", planId, "input", Map.of("title", "过时",
                "expectedVersion", plan.getInt("data.createPlan.version"))))).isEqualTo("CONFLICT");
        JsonPath groups = ok(run("admin", "leading-groups", "regionId", regionId));
        assertThat(groups.getList("data.leadingGroups.members.personName", List.class).get(0)).contains("赵六");
        String listed = ok(run("admin", "create-unit-set", "input", Map.of("regionId", regionId, "name", "相关镇",
                "kind", "LISTED", "unitIds", List.of(township)))).getString("data.createUnitSet.id");
        JsonPath emptied = ok(run("admin", "update-unit-set", "id", listed, "input", Map.of("unitIds", List.of())));
        assertThat(emptied.getString("data.updateUnitSet.warning")).contains("nobody is responsible");

        JsonPath reassigned = ok(run("admin", "assign-units", "taskId", taskId, "assignments",
                List.of(Map.of("unitId", township, "role", "LEAD"))));
        assertThat(reassigned.getList("data.assignUnits.units.unit.name")).containsExactly("手工镇人民政府");
        assertThat(reassigned.getList("data.assignUnits.unitSets")).isEmpty();
    }

    @Test
    void updatesWithOptimisticLockingAndDeletesSoftly() {
        TestPlans.Names names = TestPlans.fresh("update");
        String planId = TestPlans.importPlan(TestPlans.document(names, """
                - { code: "(一)", title: 节 }
                - { code: "(一)1", parent: "(一)", title: 旧标题, deadline: 2030-04-01 }
                """));
        Map<String, String> ids = TestPlans.taskIds(planId);
        JsonPath before = run("admin", "task", "id", ids.get("(一)1"));
        int version = before.getInt("data.task.version");

        JsonPath updated = ok(run("admin", "update-task", "id", ids.get("(一)1"), "input", Map.of("title", "新标题",
                "deadline", "2030-04-15", "deadlineNote", "月中", "expectedVersion", version)));
        assertThat(updated.getString("data.updateTask.title")).isEqualTo("新标题");
        assertThat(updated.getString("data.updateTask.deadline")).isEqualTo("2030-04-15");
        assertThat(updated.getInt("data.updateTask.version")).isGreaterThan(version);

        JsonPath stale = run("admin", "update-task", "id", ids.get("(一)1"), "input", Map.of("title", "再改", "expectedVersion", version));
        assertThat(errorCode(stale)).isEqualTo("CONFLICT");
        assertThat(run("admin", "task", "id", ids.get("(一)1")).getString("data.task.title")).isEqualTo("新标题");

        JsonPath removed = ok(run("admin", "update-task", "id", ids.get("(一)1"), "input", Map.of("removeDeadline", true)));
        assertThat(removed.getString("data.updateTask.deadline")).isNull();

        assertThat(ok(run("admin", "delete-task", "id", ids.get("(一)"))).getString("data.deleteTask")).isEqualTo(ids.get("(一)"));
        assertThat(errorCode(run("admin", "task", "id", ids.get("(一)1")))).isEqualTo("NOT_FOUND");
        assertThat(TestPlans.taskIds(planId)).isEmpty();
        // The code is free again once its task is deleted.
        ok(run("admin", "create-task", "input", Map.of("planId", planId, "code", "(一)", "title", "重新录入")));
    }

    @Test
    void unitNamesAndAliasesAreUniqueWithinARegionOnly() {
        TestPlans.Names first = TestPlans.fresh("names1");
        TestPlans.Names second = TestPlans.fresh("names2");
        String regionA = newRegion(first.regionCode(), "甲县");
        String regionB = newRegion(second.regionCode(), "乙县");
        createUnit(regionA, "县自然资源局", null, "DEPARTMENT", null);
        createUnit(regionB, "县自然资源局", null, "DEPARTMENT", null);
        String approval = createUnit(regionA, "甲县行政审批服务管理局", "县行政审批服务管理局", "DEPARTMENT", null);

        JsonPath clash = run("admin", "create-unit", "input", Map.of("regionId", regionA, "name", "县行政审批服务管理局", "kind", "DEPARTMENT"));
        assertThat(errorCode(clash)).isEqualTo("CONFLICT");
        JsonPath aliased = ok(run("admin", "update-unit", "id", approval, "input", Map.of("aliases", List.of("县行政审批局"))));
        assertThat(aliased.getList("data.updateUnit.aliases")).containsExactly("县行政审批局");
        assertThat(errorCode(run("admin", "create-unit", "input", Map.of("regionId", regionA, "name", "县行政审批局",
                "kind", "DEPARTMENT")))).isEqualTo("CONFLICT");
    }

    private static String createUnit(String regionId, String name, String shortName, String kind, String parentId) {
        Map<String, Object> input = new java.util.HashMap<>(Map.of("regionId", regionId, "name", name, "kind", kind));
        if (shortName != null) {
            input.put("shortName", shortName);
        }
        if (parentId != null) {
            input.put("parentId", parentId);
        }
        return ok(run("admin", "create-unit", "input", input)).getString("data.createUnit.id");
    }
}
