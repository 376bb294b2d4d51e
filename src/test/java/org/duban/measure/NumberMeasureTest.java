package org.duban.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Targets that are numbers (增长6.2%, 不少于3.25亩): a NUMBER measure read from the notice's words, the actual reported
 * with the units' progress, the share done from the two; a plan file written again keeps the actual.
 */
@QuarkusTest
class NumberMeasureTest {

    private static final String TASKS = """
            - { code: A, title: 新增用地, deadline: 2030-06-30, units: [{ unit: 局甲 }],
                measures: [{ kind: NUMBER, label: 新增建设用地, target: 不少于3.25亩 }] }
            - { code: B, title: 收入增长, deadline: 2030-06-30, units: [{ unit: 局甲 }], measures: [{ kind: NUMBER, target: 增长6.2% }] }
            - { code: C, title: 闲置控制, deadline: 2030-06-30, units: [{ unit: 局甲 }],
                measures: [{ kind: NUMBER, label: 闲置土地, target: 5, unit: 亩, atMost: true }] }
            """;

    @Test
    void aNumberTargetIsReadReportedAndCounted() {
        TestPlans.Names names = TestPlans.fresh("number");
        String document = TestPlans.document(names, TASKS);
        Map<String, String> tasks = TestPlans.taskIds(TestPlans.importPlan(document));

        Map<String, Object> a = measure(tasks.get("A"));
        assertThat(a).containsEntry("kind", "NUMBER").containsEntry("label", "新增建设用地").containsEntry("unit", "亩")
                .containsEntry("atMost", false);
        assertThat(new BigDecimal(a.get("target").toString())).isEqualByComparingTo("3.25");
        Map<String, Object> b = measure(tasks.get("B"));
        assertThat(b).containsEntry("label", "增长6.2%").containsEntry("unit", "%");
        assertThat(measure(tasks.get("C"))).containsEntry("atMost", true);

        String measureId = (String) a.get("id");
        ok(run("admin", "report-progress", "taskId", tasks.get("A"), "input", Map.of("unitId", unitOf(tasks.get("A")),
                "percent", 50, "summary", "已供地3.1亩", "figures", List.of(Map.of("measureId", measureId, "actual", "3.1")))));
        JsonPath progress = ok(run("admin", "task-supervision", "id", tasks.get("A")));
        assertThat(new BigDecimal(progress.getString("data.task.progress.measures[0].percent"))).isEqualByComparingTo("95.38");
        assertThat(progress.getString("data.task.progress.measures[0].basis")).startsWith("3.1 亩 reported on")
                .endsWith("the target is 3.25 亩");
        assertThat(progress.getInt("data.task.percentComplete")).isEqualTo(95);

        // the same file again, and a new target for what is counted: the figure reached stays
        ok(TestPlans.importDocument(document, true));
        assertThat(new BigDecimal(measure(tasks.get("A")).get("actual").toString())).isEqualByComparingTo("3.1");
        ok(TestPlans.importDocument(document.replace("不少于3.25亩", "不少于3.5亩"), true));
        Map<String, Object> raised = measure(tasks.get("A"));
        assertThat(new BigDecimal(raised.get("target").toString())).isEqualByComparingTo("3.5");
        assertThat(new BigDecimal(raised.get("actual").toString())).isEqualByComparingTo("3.1");
    }

    @Test
    void aFigureForAMeasureThatIsNoNumberOrAWordlessTargetIsAMistake() {
        JsonPath refused = TestPlans.importDocument(TestPlans.document(TestPlans.fresh("number-bad"), """
                - { code: A, title: 含糊, deadline: 2030-06-30, units: [{ unit: 局甲 }], measures: [{ kind: NUMBER, target: 尽快完成 }] }
                - { code: B, title: 缺单位, deadline: 2030-06-30, units: [{ unit: 局甲 }], measures: [{ kind: NUMBER, target: 3 }] }
                """), false);
        assertThat(refused.getList("errors.extensions.field", String.class))
                .containsExactly("tasks[0].measures[0].target", "tasks[1].measures[0].unit");

        Map<String, String> tasks = TestPlans.taskIds(TestPlans.importPlan(TestPlans.document(TestPlans.fresh("number-other"), TASKS)));
        String otherTasksMeasure = (String) measure(tasks.get("B")).get("id");
        JsonPath wrong = run("admin", "report-progress", "taskId", tasks.get("A"), "input", Map.of("unitId",
                unitOf(tasks.get("A")), "percent", 10, "summary", "报错了指标",
                "figures", List.of(Map.of("measureId", otherTasksMeasure, "actual", "1"))));
        assertThat(errorCode(wrong)).isEqualTo("VALIDATION");
        assertThat(wrong.getString("errors[0].extensions.field")).isEqualTo("input.figures[0].measureId");
        assertThat(ok(run("admin", "task-supervision", "id", tasks.get("A"))).getList("data.task.progressReports"))
                .as("the report with it is not kept").isEmpty();
    }

    private static String unitOf(String taskId) {
        return ok(run("admin", "task-supervision", "id", taskId)).getString("data.task.units[0].unit.id");
    }

    private static Map<String, Object> measure(String taskId) {
        return ok(run("admin", "task-supervision", "id", taskId)).getMap("data.task.progress.measures[0].measure");
    }
}
