package org.duban.importer;

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

/** One document writes 区直各部门 and 各区直部门 for one set: a set's aliases are matched as its name is. */
@QuarkusTest
class UnitSetAliasesTest {

    @Inject
    Pool pool;

    @Test
    void aSetIsNamedByItsAliasesInFilesAndTheyAreKeptAndEdited() {
        TestPlans.Names names = TestPlans.fresh("set-alias");
        String document = TestPlans.document(names, """
                - { code: A, title: 名称, deadline: 2030-03-01, units: [{ unitSet: 相关单位 }] }
                - { code: B, title: 别名, deadline: 2030-03-01, units: [{ unitSet: 有关单位 }] }
                """).replace("{ name: 相关单位, kind: LISTED, units: [局乙] }",
                "{ name: 相关单位, aliases: [有关单位], kind: LISTED, units: [局乙] }");
        String plan = TestPlans.importPlan(document);
        Map<String, String> tasks = TestPlans.taskIds(plan);
        assertThat(setOf(tasks.get("A"))).isEqualTo("相关单位").isEqualTo(setOf(tasks.get("B")));

        String region = TestPlans.regionId(names.regionCode());
        JsonPath sets = ok(run("admin", "units", "regionId", region));
        String setId = sets.getString("data.unitSets.find { it.name == '相关单位' }.id");
        assertThat(sets.getList("data.unitSets.find { it.name == '相关单位' }.aliases", String.class)).containsExactly("有关单位");

        assertThat(ok(run("admin", "update-unit-set", "id", setId, "input", Map.of("aliases", List.of("有关单位", "各相关单位"))))
                .getList("data.updateUnitSet.aliases", String.class)).containsExactly("有关单位", "各相关单位");
        String another = TestPlans.document(TestPlans.fresh("set-alias-2"), """
                - { code: C, title: 新别名, deadline: 2030-03-01, units: [{ unitSet: 各相关单位 }] }
                """);
        assertThat(setOf(TestPlans.taskIds(TestPlans.importPlan(sameRegion(another, names))).get("C"))).isEqualTo("相关单位");
    }

    @Test
    void anAliasTwoSetsGoByNamesNeither() {
        TestPlans.Names names = TestPlans.fresh("set-alias-twice");
        String document = TestPlans.document(names, """
                - { code: A, title: 含糊, deadline: 2030-03-01, units: [{ unitSet: 有关单位 }] }
                """).replace("{ name: 相关单位, kind: LISTED, units: [局乙] }",
                "{ name: 相关单位, aliases: [有关单位], kind: LISTED, units: [局乙] }\n  - { name: 其他单位, aliases: [有关单位],"
                        + " kind: LISTED, units: [局甲] }");
        JsonPath refused = TestPlans.importDocument(document, false);
        assertThat(errorCode(refused)).isEqualTo("VALIDATION");
        assertThat(refused.getString("errors[0].extensions.field")).isEqualTo("tasks[0].units[0].unitSet");
    }

    /** The second file in the first one's region, under a document number of its own. */
    private static String sameRegion(String document, TestPlans.Names first) {
        return document.replaceFirst("region: \\{ code: \"\\d+\"", "region: { code: \"" + first.regionCode() + "\"");
    }

    private String setOf(String taskId) {
        return pool.preparedQuery("select s.name from task_assignment a join unit_set s on s.id = a.unit_set_id"
                + " where a.task_id = $1").execute(Tuple.of(TestIds.key(taskId)))
                .map(rows -> rows.iterator().next().getString("name")).await().indefinitely();
    }
}
