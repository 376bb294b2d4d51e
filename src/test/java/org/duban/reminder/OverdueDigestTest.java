package org.duban.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.notifications;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.duban.schedule.SchedulerRuns;
import org.duban.support.MutableClock;
import org.duban.support.ReminderWorkers;
import org.duban.support.TestAccounts;
import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A unit with more overdue items than its tasks' policy allows (default 3) gets them in one weekly digest on the first
 * working day of the week instead of an overdue reminder each; a unit with few keeps its reminders.
 */
@QuarkusTest
class OverdueDigestTest {

    @Inject
    Pool pool;
    @Inject
    MutableClock clock;
    @Inject
    SchedulerRuns runs;
    @Inject
    Vertx vertx;

    @AfterEach
    void unpin() {
        clock.reset();
    }

    private void runTwoWorkersAt(LocalDate day, LocalTime time) {
        ReminderWorkers.runTwiceWithTwoWorkersAt(day, time, runs, clock, vertx);
    }

    @Test
    void manyOverdueItemsComeInOneWeeklyDigest() {
        clock.pin(LocalDate.of(2030, 5, 6), LocalTime.of(10, 0));
        TestPlans.Names names = TestPlans.fresh("digest");
        Map<String, String> tasks = TestPlans.taskIds(TestPlans.importPlan(TestPlans.document(names, """
                - { code: D1, title: 逾期一, deadline: 2030-04-26, units: [{ unit: 局甲 }] }
                - { code: D2, title: 逾期二, deadline: 2030-04-29, units: [{ unit: 局甲 }] }
                - { code: D3, title: 逾期三, deadline: 2030-04-30, units: [{ unit: 局甲 }] }
                - { code: D4, title: 逾期四, deadline: 2030-05-03, units: [{ unit: 局甲 }] }
                - { code: D5, title: 逾期五, deadline: 2030-05-03, units: [{ unit: 局乙 }] }
                """)));
        String code = names.regionCode();
        String a = "digest-a-" + code;
        String b = "digest-b-" + code;
        TestAccounts.create(pool, a, "甲局人员", TestIds.key(TestPlans.unitId(code, "测试县甲局")), null, "UNIT");
        TestAccounts.create(pool, b, "乙局人员", TestIds.key(TestPlans.unitId(code, "测试县乙局")), null, "UNIT");
        // D4's own policy folds nothing below ten overdue items: its reminders keep coming one by one.
        ok(run("admin", "set-task-reminder-policy", "taskId", tasks.get("D4"), "policy", Map.of("daysBefore", List.of(7, 3, 1),
                "escalateAfterDays", 3, "digestAbove", 10)));

        runTwoWorkersAt(LocalDate.of(2030, 5, 7), LocalTime.of(9, 0));
        assertThat(notifications(a, "OVERDUE")).extracting(n -> n.get("title").toString()).isNotEmpty().allMatch(t -> t.contains("D4"));
        assertThat(notifications(b, "OVERDUE")).isNotEmpty();

        // Monday 13 May: the week's digest, once, before it none.
        runTwoWorkersAt(LocalDate.of(2030, 5, 13), LocalTime.of(8, 59));
        assertThat(notifications(a, "OVERDUE_DIGEST")).isEmpty();
        runTwoWorkersAt(LocalDate.of(2030, 5, 13), LocalTime.of(9, 0));
        runTwoWorkersAt(LocalDate.of(2030, 5, 13), LocalTime.of(9, 30));
        assertThat(notifications(a, "OVERDUE_DIGEST")).singleElement().satisfies(n -> {
            assertThat(n.get("title")).isEqualTo("【逾期汇总】3 项任务逾期");
            assertThat(n.get("body").toString()).contains("测试县甲局有 3 项任务逾期未完成", "D1 逾期一（截止 2030-04-26，逾期 11 个工作日）",
                    "D2 逾期二", "D3 逾期三").doesNotContain("D4");
        });
        assertThat(notifications(b, "OVERDUE_DIGEST")).isEmpty();
        // The next Monday brings the next week's.
        runTwoWorkersAt(LocalDate.of(2030, 5, 20), LocalTime.of(9, 0));
        assertThat(notifications(a, "OVERDUE_DIGEST")).hasSize(2);
    }

    @Test
    void everyUnitWithOverdueItemsHasItsDigestOnceHoweverManyChunksTheyTake() {
        clock.pin(LocalDate.of(2031, 2, 24), LocalTime.of(10, 0));
        TestPlans.Names names = TestPlans.fresh("digestmany");
        Map<String, String> tasks = TestPlans.taskIds(TestPlans.importPlan(TestPlans.document(names, """
                - { code: M1, title: 逾期一, deadline: 2031-02-10, units: [{ unit: 局甲 }] }
                - { code: M2, title: 逾期二, deadline: 2031-02-11, units: [{ unit: 局甲 }] }
                - { code: M3, title: 逾期三, deadline: 2031-02-12, units: [{ unit: 局甲 }] }
                - { code: M4, title: 逾期四, deadline: 2031-02-13, units: [{ unit: 局甲 }] }
                """)));
        String code = names.regionCode();
        String account = "digest-many-" + code;
        TestAccounts.create(pool, account, "甲局人员", TestIds.key(TestPlans.unitId(code, "测试县甲局")), null, "UNIT");
        // More units with overdue items than two chunks hold (OverdueDigest.CHUNK_UNITS), each assisting on the four tasks.
        int more = 2 * OverdueDigest.CHUNK_UNITS + 100;
        Long[] taskKeys = tasks.values().stream().map(TestIds::key).toArray(Long[]::new);
        long region = TestIds.key(TestPlans.regionId(code));
        pool.withTransaction(tx -> tx.preparedQuery("insert into unit (region_id, name, kind, created_at, updated_at) select $1,"
                + " '批量单位' || g, 'DEPARTMENT', now(), now() from generate_series(1, $2) g returning id")
                .execute(Tuple.of(region, more))
                .chain(units -> {
                    Long[] unitIds = new Long[units.size()];
                    int i = 0;
                    for (var row : units) {
                        unitIds[i++] = row.getLong(0);
                    }
                    return tx.preparedQuery("insert into task_assignment (task_id, ordinal, unit_id, role) select t, 1 + u.n, u.id,"
                            + " 'ASSIST' from unnest($1::bigint[]) t, unnest($2::bigint[]) with ordinality u(id, n)")
                            .execute(Tuple.of(taskKeys, unitIds));
                }))
                .await().indefinitely();

        runTwoWorkersAt(LocalDate.of(2031, 3, 3), LocalTime.of(9, 0));

        LocalDate week = LocalDate.of(2031, 3, 3);
        long digests = pool.preparedQuery("select count(*) from notice n join unit u on u.id = n.unit_id"
                + " where n.kind = 'OVERDUE_DIGEST' and n.event like $1 and u.region_id = $2")
                .execute(Tuple.of("digest:%:" + week, region)).await().indefinitely().iterator().next().getLong(0);
        assertThat(digests).isEqualTo(more + 1);
        assertThat(notifications(account, "OVERDUE_DIGEST")).singleElement()
                .satisfies(n -> assertThat(n.get("title")).isEqualTo("【逾期汇总】4 项任务逾期"));
        // The week's pass is done: a unit with overdue items from now on waits for next week's.
        assertThat(pool.preparedQuery("select count(*) from overdue_digest_pass where week_of = $1").execute(Tuple.of(week))
                .await().indefinitely().iterator().next().getLong(0)).isEqualTo(1);
    }
}
