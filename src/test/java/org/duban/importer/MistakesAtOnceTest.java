package org.duban.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.run;

import java.util.List;

import jakarta.inject.Inject;

import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A file with five mistakes gets five errors, each with its field: first those of its shape (bad dates, unknown keys,
 * missing values), then, in a file of the right shape, those of its references (units, sets, parents). Nothing is written.
 */
@QuarkusTest
class MistakesAtOnceTest {

    @Inject
    Pool pool;

    @Test
    void fiveMistakesOfShapeAreFiveErrors() {
        TestPlans.Names names = TestPlans.fresh("five-shape");
        String document = TestPlans.document(names, """
                - { code: A, title: 日期错, deadline: 2030-13-45, units: [{ unit: 局甲 }] }
                - { code: B, title: 拼写错, deadlin: 2030-03-01, units: [{ unit: 局甲 }] }
                - { code: C, deadline: 2030-03-01, units: [{ unit: 局甲 }] }
                - { code: D, title: 角色错, deadline: 2030-03-01, units: [{ unit: 局甲, role: BOSS }] }
                - { code: E, title: 期限错, deadline: 尽快, units: [{ unit: 局甲 }] }
                - { code: F, title: 正确, deadline: 2030-03-01, units: [{ unit: 局甲 }] }
                """);

        JsonPath refused = TestPlans.importDocument(document, false);

        assertThat(fields(refused)).containsExactlyInAnyOrder("tasks[0].deadline", "tasks[1].deadlin", "tasks[2].title",
                "tasks[3].units[0].role", "tasks[4].deadline");
        assertThat(refused.getList("errors.extensions.code", String.class)).containsOnly("VALIDATION");
        assertThat(refused.getString("data")).isNull();
        assertThat(plans(names)).isZero();
    }

    @Test
    void fiveWrongReferencesAreFiveErrors() {
        TestPlans.Names names = TestPlans.fresh("five-refs");
        String document = TestPlans.document(names, """
                - { code: A, title: 无此单位, deadline: 2030-03-01, units: [{ unit: 局丙 }] }
                - { code: B, parent: Z, title: 无此上级, deadline: 2030-03-01, units: [{ unit: 局甲 }] }
                - { code: C, title: 无此集合, deadline: 2030-03-01, units: [{ unitSet: 不存在的单位 }] }
                - { code: A, title: 代码重复, deadline: 2030-03-01, units: [{ unit: 局甲 }] }
                - { code: D, title: 重复单位, deadline: 2030-03-01, units: [{ unit: 局甲 }, { unit: 测试县甲局 }] }
                """).replace("issuingUnit: 县政府", "issuingUnit: 县委");

        JsonPath refused = TestPlans.importDocument(document, false);

        assertThat(fields(refused)).containsExactlyInAnyOrder("plan.issuingUnit", "tasks[0].units[0].unit", "tasks[1].parent",
                "tasks[2].units[0].unitSet", "tasks[3].code", "tasks[4].units[1]");
        assertThat(refused.getList("errors.message", String.class)).allSatisfy(message -> assertThat(message)
                .doesNotContain("Exception").doesNotContain("select"));
        assertThat(plans(names)).isZero();
        assertThat(pool.preparedQuery("select count(*) from unit u join region r on r.id = u.region_id where r.code = $1")
                .execute(Tuple.of(names.regionCode())).await().indefinitely().iterator().next().getLong(0))
                .as("the file's units, rolled back").isZero();
    }

    @Test
    void aDryRunOfAFileWithMistakesNamesThemToo() {
        TestPlans.Names names = TestPlans.fresh("dry-mistakes");
        String document = TestPlans.document(names, """
                - { code: A, title: 无此单位, deadline: 2030-03-01, units: [{ unit: 局丙 }] }
                - { code: B, title: 无此集合, deadline: 2030-03-01, units: [{ unitSet: 不存在的单位 }] }
                """);
        TestPlans.placeRegion(document);
        JsonPath refused = run("admin", "import-plan", "document", document, "dryRun", true);
        assertThat(fields(refused)).containsExactly("tasks[0].units[0].unit", "tasks[1].units[0].unitSet");
    }

    private static List<String> fields(JsonPath answer) {
        assertThat(answer.getList("errors")).as(answer.prettify()).isNotNull();
        return answer.getList("errors.extensions.field", String.class);
    }

    private long plans(TestPlans.Names names) {
        return pool.preparedQuery("select count(*) from plan where document_number = $1").execute(Tuple.of(names.documentNumber()))
                .await().indefinitely().iterator().next().getLong(0);
    }
}
