package org.duban.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.execute;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.token;
import static org.duban.support.GraphQL.vars;

import java.util.List;
import java.util.Map;

import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A plan file takes deadlines as the notice writes them; the task keeps the phrase beside what was read from it. */
@QuarkusTest
class DeadlinePhraseImportTest {

    @Test
    void phrasesBecomeDatesWindowsRecurrencesOrStandingTasksAndStayReadable() {
        TestPlans.Names names = TestPlans.fresh("phrase");
        // TestPlans' plan is issued on 2030-01-02
        String plan = TestPlans.importPlan(TestPlans.document(names, """
                - { code: A, title: 月底前之事, deadline: 9月底前, units: [{ unit: 局甲 }] }
                - { code: B, title: 中下旬之事, deadline: 9月中下旬, units: [{ unit: 局甲 }] }
                - { code: C, title: 每月报送, deadline: 每月5日前, units: [{ unit: 局甲 }] }
                - { code: D, title: 长期之事, deadline: 长期坚持, units: [{ unit: 局甲 }] }
                - { code: E, title: 按日期之事, deadline: 2030-03-01, units: [{ unit: 局甲 }] }
                """));
        JsonPath tasks = ok(execute(token("admin"), "query($id: ID!) { plan(id: $id) { tasks(first: 10) { edges { node {"
                + " code startDate deadline deadlinePhrase recurrence } } } } }", vars("id", plan)));
        List<Map<String, Object>> nodes = tasks.getList("data.plan.tasks.edges.node");
        assertThat(nodes).extracting(n -> n.get("code"), n -> n.get("startDate"), n -> n.get("deadline"),
                n -> n.get("deadlinePhrase"), n -> n.get("recurrence")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("A", "2030-01-02", "2030-09-30", "9月底前", null),
                org.assertj.core.groups.Tuple.tuple("B", "2030-09-11", "2030-09-30", "9月中下旬", null),
                org.assertj.core.groups.Tuple.tuple("C", "2030-01-02", null, "每月5日前", "FREQ=MONTHLY;BYMONTHDAY=5"),
                org.assertj.core.groups.Tuple.tuple("D", "2030-01-02", null, "长期坚持", null),
                org.assertj.core.groups.Tuple.tuple("E", "2030-01-02", "2030-03-01", null, null));
    }

    @Test
    void aPhraseItCannotReadIsAMistakeAtItsTaskAndNothingIsImported() {
        TestPlans.Names names = TestPlans.fresh("phrase-bad");
        JsonPath refused = TestPlans.importDocument(TestPlans.document(names, """
                - { code: A, title: 好的, deadline: 9月底前, units: [{ unit: 局甲 }] }
                - { code: B, title: 含糊的, deadline: 尽快, units: [{ unit: 局甲 }] }
                """), false);
        assertThat(errorCode(refused)).isEqualTo("VALIDATION");
        assertThat(refused.getString("errors[0].extensions.field")).isEqualTo("tasks[1].deadline");
        assertThat(refused.getString("errors[0].message")).contains("尽快", "9月底前");
        TestPlans.Names window = TestPlans.fresh("phrase-start");
        JsonPath twice = TestPlans.importDocument(TestPlans.document(window, """
                - { code: A, title: 两个开始, startDate: 2030-09-01, deadline: 9月中下旬, units: [{ unit: 局甲 }] }
                """), false);
        assertThat(twice.getString("errors[0].extensions.field")).isEqualTo("tasks[0].startDate");
    }
}
