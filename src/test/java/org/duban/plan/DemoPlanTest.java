package org.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.run;

import java.util.List;
import java.util.Map;

import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The Xiangning plan, loaded as demo data, read back as the notice has it. */
@QuarkusTest
class DemoPlanTest {

    static final String DOCUMENT_NUMBER = "乡政办发〔2022〕60号";
    static final String COMMITTEE = "乡宁生态文化旅游示范区管委会";
    static final String NATURAL_RESOURCES = "乡宁县自然资源局";
    static final String STANDARD_LAND_MEMBERS = "县推进“标准地”改革工作领导小组成员单位";
    static final String TOWNSHIPS = "相关乡镇政府";

    /** A seed task: its deadline, the units it names directly (name:role) and the unit sets it names. */
    record Expected(String code, String deadline, List<String> units, List<String> sets) {
    }

    static final List<Expected> SEED = List.of(
            new Expected("(一)", null, List.of(), List.of()),
            new Expected("(一)1", "2022-09-15", List.of(COMMITTEE + ":LEAD", NATURAL_RESOURCES + ":ASSIST"), List.of()),
            new Expected("(一)2", "2022-09-15", List.of(COMMITTEE + ":LEAD"), List.of(STANDARD_LAND_MEMBERS)),
            // The monthly report that (一)2 establishes, added by the demo as a recurring obligation (no deadline).
            new Expected("(一)2-月报", null, List.of(COMMITTEE + ":LEAD"), List.of()),
            new Expected("(一)3", null, List.of(), List.of()),
            new Expected("(一)3(1)", "2022-09-30", List.of(COMMITTEE + ":LEAD"), List.of(STANDARD_LAND_MEMBERS)),
            new Expected("(一)3(2)", "2022-12-30", List.of(COMMITTEE + ":LEAD"), List.of(STANDARD_LAND_MEMBERS)),
            new Expected("(一)3(3)", "2022-12-30", List.of(COMMITTEE + ":LEAD"), List.of(STANDARD_LAND_MEMBERS)),
            new Expected("(二)", null, List.of(), List.of()),
            new Expected("(二)1", null, List.of("乡宁县人民政府:LEAD"), List.of()),
            // 县行政审批局 in the text is the annex's 县行政审批服务管理局; 县自然资源局 leads (牵头).
            new Expected("(二)2", "2022-10-31", List.of(NATURAL_RESOURCES + ":LEAD", "乡宁县行政审批服务管理局:ASSIST"),
                    List.of(TOWNSHIPS)));

    @Test
    void theTwoTasksDueOnSeptember15AreTheSeedsOnes() {
        JsonPath response = run("admin", "tasks", "filter", Map.of("planId", demoPlanId(), "dueFrom", "2022-09-15", "dueTo", "2022-09-15"));

        assertThat(response.getList("errors")).isNull();
        assertThat(response.getInt("data.tasks.totalCount")).isEqualTo(2);
        assertThat(response.getList("data.tasks.edges.node.code")).containsExactly("(一)1", "(一)2");
        assertThat(response.getList("data.tasks.edges[0].node.units.unit.name"))
                .containsExactly(COMMITTEE, NATURAL_RESOURCES);
        assertThat(response.getList("data.tasks.edges[0].node.units.via")).containsOnlyNulls();
        // The standard-land group lists no members: the committee alone is responsible, and the set warns.
        assertThat(response.getList("data.tasks.edges[1].node.units.unit.name")).containsExactly(COMMITTEE);
        assertThat(response.getList("data.tasks.edges[1].node.unitSets.name")).containsExactly(STANDARD_LAND_MEMBERS);
        assertThat(response.getString("data.tasks.edges[1].node.unitSets[0].warning")).contains("nobody is responsible");
    }

    @Test
    void everySeedTaskHasItsCodeDeadlineAndUnitsInDocumentOrder() {
        JsonPath response = run("admin", "plan-tasks", "id", demoPlanId(), "first", 50);

        List<Map<String, Object>> nodes = response.getList("data.plan.tasks.edges.node");
        assertThat(nodes).extracting(n -> n.get("code")).containsExactlyElementsOf(SEED.stream().map(Expected::code).toList());
        for (Expected expected : SEED) {
            JsonPath task = run("admin", "task", "id", idOf(nodes, expected.code()));
            assertThat(task.getString("data.task.deadline")).as(expected.code()).isEqualTo(expected.deadline());
            List<Map<String, Object>> units = task.getList("data.task.units");
            assertThat(units.stream().filter(u -> u.get("via") == null)
                    .map(u -> ((Map<?, ?>) u.get("unit")).get("name") + ":" + u.get("role")))
                    .as(expected.code()).containsExactlyElementsOf(expected.units());
            assertThat(task.getList("data.task.unitSets.name")).as(expected.code()).containsExactlyElementsOf(expected.sets());
        }
    }

    @Test
    void theNineSystemsAreTheChecklistOfItem2() {
        JsonPath response = run("admin", "plan-tasks", "id", demoPlanId(), "first", 50);
        JsonPath task = run("admin", "task", "id", idOf(response.getList("data.plan.tasks.edges.node"), "(一)2"));

        assertThat(task.getList("data.task.deliverables.title")).hasSize(9)
                .startsWith("“标准地”改革全流程各环节工作制度")
                .endsWith("“标准地”改革工作月报告制度");
        assertThat(task.getList("data.task.deliverables.done")).containsOnly(false);
    }

    @Test
    void theLeadingGroupAndItsOfficeAreTheAnnexs() {
        JsonPath plans = run("admin", "plans");
        Map<String, Object> plan = plans.getList("data.plans", Map.class).stream()
                .filter(p -> DOCUMENT_NUMBER.equals(p.get("documentNumber"))).findFirst().orElseThrow();
        assertThat(plan.get("issuedOn")).isEqualTo("2022-09-05");
        assertThat(plan.get("copiedTo")).isEqualTo(List.of("县委办", "人大办", "政协办", "法院", "检察院"));
        assertThat(((Map<?, ?>) plan.get("issuingUnit")).get("name")).isEqualTo("乡宁县人民政府办公室");
        assertThat(((List<Map<String, Object>>) plan.get("basisDocuments"))).extracting(d -> d.get("number"))
                .containsExactly("晋督〔2022〕4号", "临政办发〔2022〕35号");
        List<Map<String, Object>> groups = (List<Map<String, Object>>) plan.get("leadingGroups");
        Map<String, Object> taskForce = groups.stream()
                .filter(g -> ((String) g.get("name")).contains("清理“批而未用”土地")).findFirst().orElseThrow();
        assertThat(taskForce.get("officeDirectorName")).isEqualTo("袁亚萍");
        assertThat(((Map<?, ?>) taskForce.get("officeUnit")).get("name")).isEqualTo(NATURAL_RESOURCES);
        List<Map<String, Object>> members = (List<Map<String, Object>>) taskForce.get("members");
        assertThat(members).extracting(m -> m.get("personName"))
                .containsExactly("李乡民", "贺琦", "汪峰", "贺振龙", "杨彦龙", "周彦喜", null);
        assertThat(members.get(0).get("role")).isEqualTo("LEADER");
        assertThat(((Map<?, ?>) members.get(6).get("unitSet")).get("name")).isEqualTo(TOWNSHIPS);
    }

    @Test
    void theApprovalBureauIsOneUnitUnderTwoNames() {
        JsonPath units = run("admin", "units", "regionId", TestPlans.regionId("141029"));
        List<Map<String, Object>> bureaus = units.getList("data.units", Map.class).stream()
                .filter(u -> ((List<?>) u.get("aliases")).contains("县行政审批局"))
                .map(u -> (Map<String, Object>) u).toList();
        assertThat(bureaus).hasSize(1);
        assertThat(bureaus.get(0).get("name")).isEqualTo("乡宁县行政审批服务管理局");
    }

    static String demoPlanId() {
        return run("admin", "plans").getList("data.plans", Map.class).stream()
                .filter(p -> DOCUMENT_NUMBER.equals(p.get("documentNumber")))
                .map(p -> (String) p.get("id")).findFirst().orElseThrow();
    }

    static String idOf(List<Map<String, Object>> nodes, String code) {
        return nodes.stream().filter(n -> code.equals(n.get("code"))).map(n -> (String) n.get("id")).findFirst().orElseThrow();
    }
}
