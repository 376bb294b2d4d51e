package org.duban.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.execute;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;
import static org.duban.support.GraphQL.token;

import java.util.List;
import java.util.Map;

import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A whole number that is not whole, or too large for its field, is VALIDATION; nothing is rounded or cut. */
@QuarkusTest
class NumbersTest {

    @Test
    void aPercentWithAFractionOrOutOfRangeIsRefusedNotRounded() {
        TestPlans.Names names = TestPlans.fresh("numbers");
        String taskId = TestPlans.taskIds(TestPlans.importPlan(TestPlans.document(names,
                "- { code: A, title: 甲, deadline: 2030-01-01, units: [{ unit: 局甲 }] }"))).get("A");
        String unitId = TestPlans.unitId(names.regionCode(), "测试县甲局");
        for (Object percent : List.of(100.5, 50.25, 2147483648L, -1, 101)) {
            JsonPath answer = run("admin", "report-progress", "taskId", taskId, "input", Map.of("percent", percent,
                    "summary", "进展", "unitId", unitId));
            assertThat(errorCode(answer)).as(String.valueOf(percent)).isEqualTo("VALIDATION");
        }
        JsonPath literal = execute(token("admin"), "mutation { reportProgress(taskId: \"" + taskId + "\", input: {percent: 100.5,"
                + " summary: \"进展\", unitId: \"" + unitId + "\"}) { id } }", Map.of());
        assertThat(errorCode(literal)).isEqualTo("VALIDATION");
        assertThat(ok(run("admin", "task-supervision", "id", taskId)).getList("data.task.latestReports")).isEmpty();
        assertThat(ok(run("admin", "report-progress", "taskId", taskId, "input", Map.of("percent", 40.0, "summary", "进展",
                "unitId", unitId))).getInt("data.reportProgress.latestReports[0].percent")).isEqualTo(40);
    }
}
