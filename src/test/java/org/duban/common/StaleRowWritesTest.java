package org.duban.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

import jakarta.inject.Inject;

import org.duban.plan.PlanRows;
import org.duban.plan.TaskRows;
import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.duban.unit.UnitRows;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A writer's update names the version it read: a row that another write changed between the read and the update
 * answers CONFLICT and the transaction changes nothing, where the update would otherwise overwrite that change.
 */
@QuarkusTest
class StaleRowWritesTest {

    @Inject
    Pool pool;

    @Inject
    UnitRows units;

    @Inject
    PlanRows plans;

    @Inject
    TaskRows tasks;

    @Test
    void aUnitPlanOrTaskChangedSinceItWasReadIsNotOverwritten() {
        String planId = TestPlans.importPlan(TestPlans.document(TestPlans.fresh("stale"), "- { code: A, title: 甲 }"));
        long plan = TestIds.key(planId);
        long task = TestIds.key(TestPlans.taskIds(planId).get("A"));
        long unit = pool.preparedQuery("select issuing_unit_id from plan where id = $1").execute(Tuple.of(plan))
                .map(rows -> rows.iterator().next().getLong(0)).await().atMost(Duration.ofSeconds(10));

        assertStale("unit", unit, (sql, id) -> units.unit(sql, id).chain(row -> {
            row.name = row.name + "（改）";
            return changedMeanwhile(sql, "unit", id).chain(() -> units.update(sql, row));
        }));
        assertStale("plan", plan, (sql, id) -> plans.plan(sql, id).chain(row -> {
            row.title = "改";
            return changedMeanwhile(sql, "plan", id).chain(() -> plans.update(sql, row));
        }));
        assertStale("task", task, (sql, id) -> tasks.task(sql, id).chain(row -> {
            row.title = "改";
            return changedMeanwhile(sql, "task", id).chain(() -> tasks.update(sql, List.of(row), Instant.now()));
        }));
    }

    private void assertStale(String table, long id, BiFunction<SqlClient, Long, Uni<Void>> write) {
        int version = version(table, id);
        assertThatThrownBy(() -> pool.withTransaction(sql -> write.apply(sql, id)).await().atMost(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(DubanException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(version(table, id)).as(table + " left as it was").isEqualTo(version);
    }

    /** Another write of the row, as a concurrent transaction's committed update would look. */
    private static Uni<Void> changedMeanwhile(SqlClient sql, String table, long id) {
        return sql.preparedQuery("update " + table + " set version = version + 1 where id = $1").execute(Tuple.of(id))
                .replaceWithVoid();
    }

    private int version(String table, long id) {
        return pool.preparedQuery("select version from " + table + " where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.iterator().next().getInteger(0)).await().atMost(Duration.ofSeconds(10));
    }
}
