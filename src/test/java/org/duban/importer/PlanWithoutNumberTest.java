package org.duban.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.util.Map;

import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A 方案 attached to a notice has no 文号: it imports, and is known again by its title, issuer and date. */
@QuarkusTest
class PlanWithoutNumberTest {

    @Test
    void aPlanWithoutANumberImportsAndIsFoundAgainByTitleIssuerAndDate() {
        TestPlans.Names names = TestPlans.fresh("no-number");
        String document = withoutNumber(names, """
                - { code: A, title: 附件任务, deadline: 2030-03-01, units: [{ unit: 局甲 }] }
                """);
        JsonPath created = ok(TestPlans.importDocument(document, false));
        String planId = created.getString("data.importPlan.plan.id");
        assertThat(created.getString("data.importPlan.plan.documentNumber")).isNull();

        assertThat(errorCode(TestPlans.importDocument(document, false))).as("the same plan again, without replace")
                .isEqualTo("CONFLICT");
        JsonPath replaced = ok(TestPlans.importDocument(document.replace("附件任务", "附件任务（修订）"), true));
        assertThat(replaced.getString("data.importPlan.plan.id")).isEqualTo(planId);
        assertThat(replaced.getBoolean("data.importPlan.created")).isFalse();
        assertThat(replaced.getList("data.importPlan.updatedTasks", String.class)).containsExactly("A");

        JsonPath later = ok(TestPlans.importDocument(document.replace("issuedOn: 2030-01-02", "issuedOn: 2030-02-02"), false));
        assertThat(later.getString("data.importPlan.plan.id")).as("another date: another plan").isNotEqualTo(planId);
    }

    @Test
    void aPlanWithoutANumberIsEnteredByHandToo() {
        TestPlans.Names names = TestPlans.fresh("no-number-hand");
        TestPlans.importPlan(TestPlans.document(names, "- { code: A, title: 有文号, deadline: 2030-03-01, units: [{ unit: 局甲 }] }"));
        String issuer = TestPlans.unitId(names.regionCode(), "测试县人民政府");
        JsonPath plan = ok(run("admin", "create-plan", "input", Map.of("title", "附件方案", "issuingUnitId", issuer,
                "issuedOn", "2030-05-01")));
        assertThat(plan.getString("data.createPlan.documentNumber")).isNull();
        assertThat(errorCode(run("admin", "create-plan", "input", Map.of("title", "附件方案", "issuingUnitId", issuer,
                "issuedOn", "2030-05-01")))).isEqualTo("CONFLICT");
    }

    private static String withoutNumber(TestPlans.Names names, String tasks) {
        return TestPlans.document(names, tasks).replace("  documentNumber: \"" + names.documentNumber() + "\"\n", "");
    }
}
