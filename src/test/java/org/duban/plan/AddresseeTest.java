package org.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.util.List;
import java.util.Map;

import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** 主送: the units and unit sets a plan is addressed to; 各乡镇政府 is every township of the region, as it stands. */
@QuarkusTest
class AddresseeTest {

    @Test
    void theDemoPlanIsAddressedToTheZoneTheCountyDepartmentsAndEveryTownship() {
        List<Map<String, Object>> addressees = plan(DemoPlanTestAccess.demoPlanId()).getList("addressees");
        assertThat(addressees).extracting(a -> a.get("unit") != null ? ((Map<?, ?>) a.get("unit")).get("name")
                : ((Map<?, ?>) a.get("unitSet")).get("name"))
                .containsExactly("乡宁生态文化旅游示范区管委会", "县直有关部门", "各乡镇政府");
        Map<?, ?> townships = (Map<?, ?>) addressees.get(2).get("unitSet");
        assertThat(townships.get("kind")).isEqualTo("UNITS_OF_KIND");
        assertThat(townships.get("unitKind")).isEqualTo("TOWNSHIP");
        assertThat(townships.get("unitCount")).isEqualTo(2);
        assertThat(((Map<?, ?>) addressees.get(1).get("unitSet")).get("unitCount")).isEqualTo(4);
    }

    @Test
    void everyTownshipIncludesOneAddedLaterAndAddresseesAreUnitsOrSetsOfTheRegion() {
        TestPlans.Names names = TestPlans.fresh("addressees");
        String document = TestPlans.withUnits(TestPlans.document(names, "- { code: A, title: 甲 }"), TestPlans.TOWNSHIP)
                .replace("unitSets:\n", "unitSets:\n  - { name: 各乡镇政府, kind: UNITS_OF_KIND, unitKind: TOWNSHIP }\n")
                .replace("  issuedOn: 2030-01-02\n", "  issuedOn: 2030-01-02\n  addressees: [局甲, 各乡镇政府]\n");
        String planId = TestPlans.importPlan(document);
        JsonPath plan = plan(planId);
        assertThat(plan.getInt("addressees[1].unitSet.unitCount")).isEqualTo(1);

        String region = TestPlans.regionId(names.regionCode());
        ok(run("admin", "create-unit", "input", Map.of("regionId", region, "name", "测试县新镇人民政府", "kind", "TOWNSHIP")));
        assertThat(plan(planId).getInt("addressees[1].unitSet.unitCount")).isEqualTo(2);

        String other = TestPlans.unitId("141029", "乡宁县自然资源局");
        String before = plan(planId).prettify();
        JsonPath both = run("admin", "update-plan", "id", planId, "input", Map.of("addressees",
                List.of(Map.of("unitId", TestPlans.unitId(names.regionCode(), "测试县甲局"), "unitSetId",
                        plan.getString("addressees[1].unitSet.id")))));
        assertThat(both.getString("errors[0].extensions.field")).isEqualTo("input.addressees[0]");
        JsonPath foreign = run("admin", "update-plan", "id", planId, "input", Map.of("addressees", List.of(Map.of("unitId", other))));
        assertThat(foreign.getString("errors[0].extensions.field")).isEqualTo("input.addressees[0].unitId");
        assertThat(plan(planId).prettify()).isEqualTo(before);

        JsonPath changed = ok(run("admin", "update-plan", "id", planId, "input", Map.of("addressees",
                List.of(Map.of("unitSetId", plan.getString("addressees[1].unitSet.id"))))));
        assertThat(changed.getList("data.updatePlan.addressees.unitSet.name")).containsExactly("各乡镇政府");
    }

    @Test
    void aSetOfAKindMayStandForTheUnitsUnderOneParent() {
        TestPlans.Names names = TestPlans.fresh("underparent");
        TestPlans.importPlan(TestPlans.document(names, "- { code: A, title: 甲 }").replace("unitSets:\n",
                "unitSets:\n  - { name: 县政府各部门, kind: UNITS_OF_KIND, unitKind: DEPARTMENT, parent: 县政府 }\n"));
        String region = TestPlans.regionId(names.regionCode());
        String government = TestPlans.unitId(names.regionCode(), "测试县人民政府");
        JsonPath created = ok(run("admin", "create-unit-set", "input", Map.of("regionId", region, "name", "县直部门",
                "kind", "UNITS_OF_KIND", "unitKind", "DEPARTMENT", "parentUnitId", government)));
        assertThat(created.getInt("data.createUnitSet.unitCount")).isEqualTo(2);
        assertThat(created.getString("data.createUnitSet.parentUnit.name")).isEqualTo("测试县人民政府");
        String setId = created.getString("data.createUnitSet.id");

        ok(run("admin", "create-unit", "input", Map.of("regionId", region, "name", "测试县无上级局", "kind", "DEPARTMENT")));
        ok(run("admin", "create-unit", "input", Map.of("regionId", region, "name", "测试县丙局", "kind", "DEPARTMENT",
                "parentId", government)));
        List<Map<String, Object>> sets = ok(run("admin", "units", "regionId", region)).getList("data.unitSets");
        assertThat(sets).filteredOn(set -> setId.equals(set.get("id"))).singleElement()
                .satisfies(set -> assertThat(set.get("unitCount")).isEqualTo(3));
        assertThat(sets).filteredOn(set -> "县政府各部门".equals(set.get("name"))).singleElement()
                .satisfies(set -> assertThat(set.get("unitCount")).isEqualTo(3));

        JsonPath listed = run("admin", "create-unit-set", "input", Map.of("regionId", region, "name", "列名", "kind", "LISTED",
                "parentUnitId", government));
        assertThat(listed.getString("errors[0].extensions.field")).isEqualTo("input.parentUnitId");
        JsonPath foreign = run("admin", "create-unit-set", "input", Map.of("regionId", region, "name", "外县", "kind",
                "UNITS_OF_KIND", "unitKind", "DEPARTMENT", "parentUnitId", TestPlans.unitId("141029", "乡宁县人民政府")));
        assertThat(foreign.getString("errors[0].extensions.field")).isEqualTo("input.parentUnitId");
    }

    private static JsonPath plan(String planId) {
        List<Map<String, Object>> plans = ok(run("admin", "plans")).getList("data.plans");
        int index = plans.stream().map(p -> p.get("id")).toList().indexOf(planId);
        return ok(run("admin", "plans")).setRootPath("data.plans[" + index + "]");
    }
}
