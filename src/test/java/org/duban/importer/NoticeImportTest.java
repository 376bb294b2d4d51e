package org.duban.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A notice read and imported in one step (dryRun: false): its tasks, and the unit it names that the region lacked. */
@QuarkusTest
class NoticeImportTest {

    @Test
    void aNoticeImportsAsItsDraftSays() {
        TestPlans.Names names = TestPlans.fresh("notice-import");
        TestPlans.importPlan(TestPlans.document(names, "- { code: A, title: 先有的, deadline: 2030-03-01, units: [{ unit: 局甲 }] }"));
        String regionId = TestPlans.regionId(names.regionCode());
        String notice = """
                测试县人民政府文件

                测政发〔2030〕7号

                现将《测试县秸秆禁烧整改方案》印发给你们。

                测试县人民政府

                2030年2月1日

                测试县秸秆禁烧整改方案

                一、整改任务

                1. 划定禁烧区域。

                牵头单位：局甲

                配合单位：局乙、县丙局

                完成时限：3月底前

                2. 开展巡查。

                责任单位：局乙

                完成时限：每月5日前
                """;

        JsonPath dry = ok(run("admin", "import-notice", "text", notice, "regionId", regionId));
        assertThat(dry.getString("data.importNotice.imported")).isNull();
        assertThat(dry.getList("data.importNotice.proposedUnits", String.class)).containsExactly("县丙局");

        JsonPath imported = ok(run("admin", "import-notice", "text", notice, "regionId", regionId, "dryRun", false));
        assertThat(imported.getBoolean("data.importNotice.imported.created")).isTrue();
        assertThat(imported.getString("data.importNotice.imported.plan.documentNumber")).isEqualTo("测政发〔2030〕7号");
        assertThat(imported.getList("data.importNotice.imported.createdTasks", String.class)).containsExactly("1", "2");
        JsonPath tasks = ok(run("admin", "plan-tasks", "id", imported.getString("data.importNotice.imported.plan.id"), "first", 10));
        assertThat(tasks.getList("data.plan.tasks.edges.node.deadline", String.class)).containsExactly("2030-03-31", null);
        assertThat(tasks.getList("data.plan.tasks.edges[0].node.units.role", String.class)).containsExactly("LEAD", "ASSIST", "ASSIST");
        assertThat(TestPlans.unitId(names.regionCode(), "县丙局")).as("the proposed unit, created").isNotNull();
    }
}
