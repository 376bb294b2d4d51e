package org.duban.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.util.List;

import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Roles as notices write them: 牵头单位 leads, 责任单位 answers for the task beside others, 配合单位 assists; a list
 * with no lead named makes every unit responsible, and the role of a set is kept and read back.
 */
@QuarkusTest
class AssignmentRolesTest {

    @Test
    void rolesAreReadAsWrittenAndDefaultAsNoticesMeanThem() {
        TestPlans.Names names = TestPlans.fresh("roles");
        String planId = TestPlans.importPlan(TestPlans.document(names, """
                - { code: A, title: 无牵头, deadline: 2030-03-01, units: [{ unit: 局甲 }, { unit: 局乙 }] }
                - { code: B, title: 有牵头, deadline: 2030-03-01, units: [{ unit: 局乙 }, { unit: 局甲, role: 牵头单位 }] }
                - { code: C, title: 责任与配合, deadline: 2030-03-01, units: [{ unit: 局甲, role: 责任单位 }, { unitSet: 相关单位, role: 配合 }] }
                - { code: D, title: 独家, deadline: 2030-03-01, units: [{ unit: 局乙 }] }
                - { code: E, title: 集合负责, deadline: 2030-03-01, units: [{ unitSet: 相关单位, role: RESPONSIBLE }, { unit: 局甲, role: LEAD }] }
                """));
        JsonPath tasks = ok(run("admin", "plan-tasks", "id", planId, "first", 10));

        assertThat(roles(tasks, "A")).containsExactly("局甲 RESPONSIBLE", "局乙 RESPONSIBLE");
        assertThat(roles(tasks, "B")).containsExactly("局乙 ASSIST", "局甲 LEAD");
        assertThat(roles(tasks, "C")).containsExactly("局甲 RESPONSIBLE", "局乙 ASSIST via 相关单位");
        assertThat(roles(tasks, "D")).containsExactly("局乙 LEAD");
        assertThat(roles(tasks, "E")).containsExactly("局乙 RESPONSIBLE via 相关单位", "局甲 LEAD");
    }

    @Test
    void aRoleNoNoticeWritesIsAMistakeAtItsPlace() {
        JsonPath refused = TestPlans.importDocument(TestPlans.document(TestPlans.fresh("roles-bad"), """
                - { code: A, title: 错角色, deadline: 2030-03-01, units: [{ unit: 局甲, role: 主办 }] }
                """), false);
        assertThat(errorCode(refused)).isEqualTo("VALIDATION");
        assertThat(refused.getString("errors[0].extensions.field")).isEqualTo("tasks[0].units[0].role");
    }

    private static List<String> roles(JsonPath tasks, String code) {
        List<java.util.Map<String, Object>> units = tasks.getList("data.plan.tasks.edges.find { it.node.code == '" + code
                + "' }.node.units");
        return units.stream().map(u -> shortName((java.util.Map<?, ?>) u.get("unit")) + " " + u.get("role")
                + (u.get("via") == null ? "" : " via " + ((java.util.Map<?, ?>) u.get("via")).get("name"))).toList();
    }

    private static String shortName(java.util.Map<?, ?> unit) {
        return ((String) unit.get("name")).replace("测试县", "").replace("甲局", "局甲").replace("乙局", "局乙");
    }
}
