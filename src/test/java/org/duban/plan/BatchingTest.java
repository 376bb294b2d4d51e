package org.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.duban.support.GraphQL;
import org.duban.support.SqlStatements;
import org.duban.support.TestAccounts;
import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;

/** Related objects are loaded per level of the query, never per row. */
@QuarkusTest
class BatchingTest {

    static String planId;
    /** A UNIT account of 局乙, responsible for every task through the set: its reads go through the scoped SQL. */
    static String unitUser;

    @Inject
    Pool pool;

    /** RestAssured is pointed at the application per test, so the plan is made by the first test that needs it. */
    synchronized void aPlanWithThirtyTasks() {
        if (planId != null) {
            return;
        }
        StringBuilder tasks = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            tasks.append("- { code: B").append(i).append(", title: 任务").append(i).append(", deadline: 2030-10-")
                    .append(String.format("%02d", 1 + i % 28))
                    .append(", units: [{ unit: 局甲 }, { unitSet: 相关单位 }], deliverables: [材料").append(i).append("] }\n");
        }
        TestPlans.Names names = TestPlans.fresh("batching");
        planId = TestPlans.importPlan(TestPlans.document(names, tasks.toString()));
        unitUser = "batching-" + names.regionCode();
        TestAccounts.create(pool, unitUser, "乙局人员", TestIds.key(TestPlans.unitId(names.regionCode(), "测试县乙局")), null);
    }

    @Test
    void aPageCostsTheSameStatementsWhateverItsSizeAndUnitsComeInOne() {
        aPlanWithThirtyTasks();
        run("admin", "tasks", "filter", Map.of("planId", planId), "first", 5); // warm-up: caches, prepared statements

        List<String> small = statementsFor(2);
        List<String> large = statementsFor(30);

        assertThat(large).hasSameSizeAs(small);
        // The token's account check, the page itself, then one statement per batched field: plan, units,
        // unitSets, deliverables.
        assertThat(large).hasSize(6);
        assertThat(large.get(0)).contains("from account");
        assertThat(large.stream().filter(sql -> sql.contains("from task_unit"))).hasSize(1);
    }

    @Test
    void nestedBatchedFieldsServeSixteenConcurrentClientsWithoutAnError() throws Exception {
        aPlanWithThirtyTasks();
        String admin = GraphQL.token("admin");
        String unit = GraphQL.token(unitUser);
        String tasks = GraphQL.operation("tasks");
        String plans = GraphQL.operation("plans");
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Callable<List<Object>>> calls = new ArrayList<>();
            for (int client = 0; client < 16; client++) {
                int which = client;
                String token = client % 2 == 0 ? admin : unit;
                calls.add(() -> {
                    List<Object> errors = new ArrayList<>();
                    for (int request = 0; request < 15; request++) {
                        JsonPath response = (which + request) % 3 == 0
                                ? GraphQL.execute(token, plans, Map.of())
                                : GraphQL.execute(token, tasks, Map.of("filter", Map.of("planId", planId), "first", 30));
                        if (response.getList("errors") != null) {
                            errors.addAll(response.getList("errors"));
                        } else if (response.getMap("data") == null) {
                            errors.add("no data");
                        } else if (response.getList("data.tasks.edges") != null && response.getList("data.tasks.edges").size() != 30) {
                            errors.add("a page of " + response.getList("data.tasks.edges").size() + " tasks");
                        }
                    }
                    return errors;
                });
            }
            List<Object> errors = new ArrayList<>();
            for (Future<List<Object>> result : clients.invokeAll(calls)) {
                errors.addAll(result.get());
            }
            assertThat(errors).isEmpty();
        } finally {
            clients.shutdownNow();
        }
        JsonPath check = run("admin", "tasks", "filter", Map.of("planId", planId), "first", 30);
        assertThat(check.getList("data.tasks.edges.node.units.unit.name", List.class))
                .allSatisfy(units -> assertThat(units).containsExactly("测试县甲局", "测试县乙局"));
        assertThat(check.getList("data.tasks.edges.node.plan.id")).containsOnly(planId);
    }

    @Test
    void theTotalIsCountedOnlyWhenAskedFor() {
        aPlanWithThirtyTasks();
        String admin = GraphQL.token("admin");
        Map<String, Object> variables = Map.of("filter", Map.of("planId", planId));
        SqlStatements.reset();
        JsonPath counted = GraphQL.execute(admin, "query($filter: TaskFilter) { tasks(filter: $filter, first: 3) { totalCount"
                + " edges { node { id } } } }", variables);
        List<String> withTotal = SqlStatements.recorded();
        SqlStatements.reset();
        JsonPath uncounted = GraphQL.execute(admin, "query($filter: TaskFilter) { tasks(filter: $filter, first: 3) {"
                + " edges { node { id } } pageInfo { hasNextPage } } }", variables);
        List<String> withoutTotal = SqlStatements.recorded();

        assertThat(counted.getInt("data.tasks.totalCount")).isEqualTo(30);
        assertThat(withTotal).anyMatch(sql -> sql.contains("count(*)"));
        assertThat(uncounted.getList("data.tasks.edges")).hasSize(3);
        assertThat(uncounted.getBoolean("data.tasks.pageInfo.hasNextPage")).isTrue();
        assertThat(withoutTotal).as("a page without totalCount reads the page only").noneMatch(sql -> sql.contains("count(*)"));
    }

    private static List<String> statementsFor(int pageSize) {
        SqlStatements.reset();
        JsonPath response = run("admin", "tasks", "filter", Map.of("planId", planId), "first", pageSize);
        List<String> statements = SqlStatements.recorded();
        assertThat(response.getList("errors")).isNull();
        assertThat(response.getList("data.tasks.edges")).hasSize(pageSize);
        return statements;
    }
}
