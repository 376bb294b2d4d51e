package org.duban.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;

import java.util.ArrayList;
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

/** "以下均为责任单位": a section's units reach every task under it that names none, and can be added to. */
@QuarkusTest
class SectionUnitsTest {

    @Inject
    Pool pool;

    @Test
    void aSectionsUnitsReachItsTasksUnlessTheyNameTheirOwnAndMoreUnitsAddToThem() {
        TestPlans.Names names = TestPlans.fresh("section");
        String plan = TestPlans.importPlan(TestPlans.document(names, """
                - { code: 一, title: 节, unitsBelow: [{ unit: 局甲 }, { unitSet: 相关单位, role: ASSIST }] }
                - { code: 一1, parent: 一, title: 承袭, deadline: 2030-03-01 }
                - { code: 一2, parent: 一, title: 自定, deadline: 2030-03-01, units: [{ unit: 局乙 }] }
                - { code: 一3, parent: 一, title: 增加, deadline: 2030-03-01, moreUnits: [{ unit: 局乙 }] }
                - { code: 一4, parent: 一, title: 小节 }
                - { code: 一4(1), parent: 一4, title: 更深, deadline: 2030-03-01 }
                - { code: 二, title: 另一节, deadline: 2030-03-01, units: [{ unit: 局乙 }] }
                """));
        Map<String, String> ids = TestPlans.taskIds(plan);
        assertThat(units(ids.get("一"))).as("the section itself needs nobody").isEmpty();
        // no lead named: the unit without a role is responsible (责任单位) beside the assisting set
        assertThat(units(ids.get("一1"))).containsExactly("测试县甲局 RESPONSIBLE", "相关单位 ASSIST");
        assertThat(units(ids.get("一2"))).containsExactly("测试县乙局 LEAD");
        assertThat(units(ids.get("一3"))).containsExactly("测试县甲局 RESPONSIBLE", "相关单位 ASSIST", "测试县乙局 RESPONSIBLE");
        assertThat(units(ids.get("一4"))).as("a sub-section passes them on").isEmpty();
        assertThat(units(ids.get("一4(1)"))).containsExactly("测试县甲局 RESPONSIBLE", "相关单位 ASSIST");
        assertThat(units(ids.get("二"))).containsExactly("测试县乙局 LEAD");
    }

    @Test
    void unitsAndMoreUnitsTogetherOrMoreUnitsOnASectionAreMistakes() {
        JsonPath both = TestPlans.importDocument(TestPlans.document(TestPlans.fresh("section-both"), """
                - { code: 一, title: 节, unitsBelow: [{ unit: 局甲 }] }
                - { code: 一1, parent: 一, title: 两者, units: [{ unit: 局乙 }], moreUnits: [{ unit: 局甲 }] }
                """), false);
        assertThat(errorCode(both)).isEqualTo("VALIDATION");
        assertThat(both.getString("errors[0].extensions.field")).isEqualTo("tasks[1].moreUnits");
        JsonPath onSection = TestPlans.importDocument(TestPlans.document(TestPlans.fresh("section-more"), """
                - { code: 一, title: 节, moreUnits: [{ unit: 局甲 }] }
                - { code: 一1, parent: 一, title: 子 }
                """), false);
        assertThat(onSection.getString("errors[0].extensions.field")).isEqualTo("tasks[0].moreUnits");
    }

    /** The task's assignments as stored, in order: what the file gave it. */
    private List<String> units(String taskId) {
        return pool.preparedQuery("select coalesce(u.name, s.name) || ' ' || a.role as unit from task_assignment a"
                + " left join unit u on u.id = a.unit_id left join unit_set s on s.id = a.unit_set_id"
                + " where a.task_id = $1 order by a.ordinal").execute(Tuple.of(TestIds.key(taskId)))
                .map(rows -> {
                    List<String> found = new ArrayList<>();
                    rows.forEach(row -> found.add(row.getString("unit")));
                    return found;
                })
                .await().indefinitely();
    }
}
