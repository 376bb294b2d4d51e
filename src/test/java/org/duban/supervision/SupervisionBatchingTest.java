package org.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.ok;
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

/** The supervision fields and views cost the same statements for a plan of two tasks as for one of thirty. */
@QuarkusTest
class SupervisionBatchingTest {

    @Inject
    Pool pool;

    private record Place(String planId, String unitUser, String unitId) {
    }

    private static Place small;
    private static Place large;

    synchronized void plans() {
        if (small == null) {
            small = plan(2);
            large = plan(30);
        }
    }

    private Place plan(int size) {
        StringBuilder tasks = new StringBuilder();
        for (int i = 1; i <= size; i++) {
            tasks.append("- { code: S").append(i).append(", title: 督办").append(i).append(", deadline: 2030-10-")
                    .append(String.format("%02d", 1 + i % 28))
                    .append(", units: [{ unit: 局甲 }, { unitSet: 相关单位 }], deliverables: [材料").append(i).append("] }\n");
        }
        tasks.append("- { code: M, title: 月报, startDate: 2030-01-01, recurrence: \"FREQ=MONTHLY;BYMONTHDAY=-1\", units: [{ unit: 局甲 }] }\n");
        TestPlans.Names names = TestPlans.fresh("supervision-batching");
        String planId = TestPlans.importPlan(TestPlans.document(names, tasks.toString()));
        String unitId = TestPlans.unitId(names.regionCode(), "测试县甲局");
        String user = "sb-" + names.regionCode();
        TestAccounts.create(pool, user, "甲局人员", TestIds.key(unitId), null);
        TestPlans.taskIds(planId).forEach((code, id) -> {
            if (!code.equals("M")) {
                ok(run(user, "report-progress", "taskId", id, "input", Map.of("percent", 30, "summary", "进展" + code)));
            }
        });
        return new Place(planId, user, unitId);
    }

    @Test
    void theSupervisionBoardCostsTheSameWhateverThePageSize() {
        plans();
        statements("admin", "supervision-board", "filter", Map.of("planId", small.planId()), "first", 3);
        List<String> two = statements("admin", "supervision-board", "filter", Map.of("planId", small.planId()), "first", 3);
        List<String> thirty = statements("admin", "supervision-board", "filter", Map.of("planId", large.planId()), "first", 31);
        assertThat(thirty).hasSameSizeAs(two);
        // percentComplete, warningLevel and warningBasis share one computation; the calendar comes from memory.
        assertThat(thirty.stream().filter(sql -> sql.contains("from calendar_year"))).isEmpty();
        // The account check, the page, units, latestReports and their units, then the two of the shared computation.
        assertThat(thirty).hasSize(7);
    }

    @Test
    void theViewsCostTheSameWhateverThePlansSize() {
        plans();
        // The account check, the plan, the tasks with their schedules and checklists, their units' latest reports,
        // the submissions (the calendar is in memory); then the dashboard's quotas, parcels, signings awaited (with their
        // tasks and units) and milestones (with their tasks), or the scoreboard's urgings, supervision notices and
        // responsibilities.
        Map<String, Integer> expected = Map.of("plan-dashboard", 11, "unit-scoreboard", 8);
        expected.forEach((view, count) -> {
            statements("leader", view, "planId", small.planId());
            List<String> two = statements("leader", view, "planId", small.planId());
            List<String> thirty = statements("leader", view, "planId", large.planId());
            assertThat(thirty).as(view).hasSameSizeAs(two).hasSize(count);
        });
        statements(small.unitUser(), "unit-report", "unitId", small.unitId(), "from", "2030-01-01", "to", "2030-12-31");
        List<String> two = statements(small.unitUser(), "unit-report", "unitId", small.unitId(), "from", "2030-01-01", "to", "2030-12-31");
        List<String> thirty = statements(large.unitUser(), "unit-report", "unitId", large.unitId(), "from", "2030-01-01", "to", "2030-12-31");
        assertThat(thirty).as("unit-report").hasSameSizeAs(two).hasSize(7);
    }

    @Test
    void sixteenClientsReadTheBoardAndTheDashboardAtOnceWithoutAnError() throws Exception {
        plans();
        String admin = GraphQL.token("admin");
        String unit = GraphQL.token(large.unitUser());
        String board = GraphQL.operation("supervision-board");
        String dashboard = GraphQL.operation("plan-dashboard");
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Callable<List<Object>>> calls = new ArrayList<>();
            for (int client = 0; client < 16; client++) {
                int which = client;
                calls.add(() -> {
                    List<Object> problems = new ArrayList<>();
                    for (int request = 0; request < 10; request++) {
                        JsonPath response = (which + request) % 4 == 0
                                ? GraphQL.execute(admin, dashboard, Map.of("planId", large.planId()))
                                : GraphQL.execute(which % 2 == 0 ? admin : unit, board,
                                        Map.of("filter", Map.of("planId", large.planId()), "first", 31));
                        if (response.getList("errors") != null) {
                            problems.addAll(response.getList("errors"));
                        } else if (response.getList("data.tasks.edges") != null) {
                            List<Object> reports = response.getList("data.tasks.edges.node.latestReports.percent");
                            List<Object> levels = response.getList("data.tasks.edges.node.warningLevel");
                            if (reports.size() != 31 || levels.contains(null)) {
                                problems.add("an incomplete board: " + reports + " " + levels);
                            }
                        }
                    }
                    return problems;
                });
            }
            List<Object> problems = new ArrayList<>();
            for (Future<List<Object>> result : clients.invokeAll(calls)) {
                problems.addAll(result.get());
            }
            assertThat(problems).isEmpty();
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aMutationsAnswerComputesItsTasksFactsOnce() {
        TestPlans.Names names = TestPlans.fresh("mutation-facts");
        String planId = TestPlans.importPlan(TestPlans.document(names, "- { code: F1, title: 进度, deadline: 2030-10-01, units: [{ unit: 局甲 }] }"));
        String task = TestPlans.taskIds(planId).get("F1");
        String unit = TestPlans.unitId(names.regionCode(), "测试县甲局");
        String report = """
                mutation($t: ID!, $u: ID!, $p: Int!) {
                  reportProgress(taskId: $t, input: {percent: $p, summary: "进展", unitId: $u}) { percentComplete warningLevel warningBasis }
                }""";
        ok(GraphQL.execute(GraphQL.token("admin"), report, Map.of("t", task, "u", unit, "p", 30)));
        SqlStatements.reset();
        JsonPath answer = ok(GraphQL.execute(GraphQL.token("admin"), report, Map.of("t", task, "u", unit, "p", 40)));
        assertThat(answer.getInt("data.reportProgress.percentComplete")).isEqualTo(40);
        // Three fields of the answer read one computation of the facts, made after the report.
        assertThat(SqlStatements.recorded().stream().filter(sql -> sql.contains("checklist.deliverables_done"))).hasSize(1);
    }

    @Test
    void aDashboardColoursItsOverdueTasksWithThePlansFacts() {
        TestPlans.Names names = TestPlans.fresh("dashboard-overdue");
        String planId = TestPlans.importPlan(TestPlans.document(names, """
                - { code: O1, title: 逾期一, deadline: 2021-03-01, units: [{ unit: 局甲 }] }
                - { code: O2, title: 逾期二, deadline: 2021-04-01, units: [{ unit: 局甲 }] }
                - { code: L1, title: 未到期, deadline: 2030-10-01, units: [{ unit: 局甲 }] }"""));
        List<String> recorded = statements("admin", "plan-dashboard", "planId", planId);
        JsonPath answer = ok(run("admin", "plan-dashboard", "planId", planId));
        assertThat(answer.getList("data.planDashboard.overdueTasks.code")).containsExactly("O1", "O2");
        assertThat(answer.getList("data.planDashboard.overdueTasks.warningLevel")).containsExactly("RED", "RED");
        // The overdue tasks are the plan's own task objects: their colour is the one the plan's facts already have.
        assertThat(recorded.stream().filter(sql -> sql.contains("checklist.deliverables_done"))).hasSize(1);
    }

    private static List<String> statements(String user, String operation, Object... variables) {
        ok(run(user, operation, variables)); // warm-up: prepared statements, caches
        SqlStatements.reset();
        ok(run(user, operation, variables));
        return SqlStatements.recorded();
    }
}
