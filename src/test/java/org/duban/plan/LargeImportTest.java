package org.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.ok;

import java.time.Duration;

import jakarta.inject.Inject;

import org.duban.importer.PlanDocumentParser;
import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The largest plan file taken (2,000 tasks, each with two units and two checklist items) imports, and a revision of
 * every task replaces it, within the request deadline, leaving no session open; one task more is refused. Before, the chain of
 * 2,000 steps overflowed the stack and the request hung with its transaction open; and the session flushed before
 * every query of the import, checking every entity it held (2,000 tasks took 32 s to replace).
 */
@QuarkusTest
class LargeImportTest {

    /** Inside duban.graphql.request-timeout (15 s) with room, on a cold JVM and a loaded two-core machine too. */
    private static final Duration WITHIN = Duration.ofSeconds(12);

    @Inject
    Pool pool;

    @Test
    void theLargestFileImportsAndReplacesInTime() {
        String document = document(PlanDocumentParser.MAX_TASKS);

        long started = System.nanoTime();
        JsonPath created = ok(TestPlans.importDocument(document, false));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(WITHIN);
        assertThat(created.getInt("data.importPlan.tasksCreated")).isEqualTo(PlanDocumentParser.MAX_TASKS);

        // every task retitled and its units swapped: the replace writes them all
        String revised = document.replaceAll("title: 任务(\\d+)", "title: 修订任务$1").replace("[{ unit: 局甲 }, { unit: 局乙 }]",
                "[{ unit: 局乙 }, { unit: 局甲 }]");
        started = System.nanoTime();
        JsonPath replaced = ok(TestPlans.importDocument(revised, true));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(WITHIN);
        assertThat(replaced.getInt("data.importPlan.tasksUpdated")).isEqualTo(PlanDocumentParser.MAX_TASKS);
        assertThat(ok(TestPlans.importDocument(revised, true)).getInt("data.importPlan.tasksUpdated")).isZero();

        String planId = created.getString("data.importPlan.plan.id");
        assertThat(count("select count(*) from task_assignment a join task t on t.id = a.task_id where t.plan_id = " + TestIds.key(planId)))
                .isEqualTo(2L * PlanDocumentParser.MAX_TASKS);
        assertThat(count("select count(*) from deliverable d join task t on t.id = d.task_id where t.plan_id = " + TestIds.key(planId)))
                .isEqualTo(2L * PlanDocumentParser.MAX_TASKS);
        assertThat(count("select count(*) from pg_stat_activity where state like 'idle in transaction%'")).isZero();
    }

    @Test
    void oneTaskMoreIsRefused() {
        assertThat(errorCode(TestPlans.importDocument(document(PlanDocumentParser.MAX_TASKS + 1), false))).isEqualTo("VALIDATION");
    }

    private static String document(int tasks) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 1; i <= tasks; i++) {
            yaml.append("- { code: T").append(i).append(", title: 任务").append(i)
                    .append(", deadline: 2030-06-30, units: [{ unit: 局甲 }, { unit: 局乙 }], deliverables: [一, 二] }\n");
        }
        return TestPlans.document(TestPlans.fresh("large"), yaml.toString());
    }

    private long count(String sql) {
        return pool.query(sql).execute().map(rows -> rows.iterator().next().getLong(0)).await().atMost(Duration.ofSeconds(10));
    }
}
