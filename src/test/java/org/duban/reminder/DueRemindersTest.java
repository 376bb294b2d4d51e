package org.duban.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

import jakarta.inject.Inject;

import org.duban.schedule.SchedulerRun;
import org.duban.schedule.SchedulerRuns;
import org.duban.support.MutableClock;
import org.duban.support.ReminderWorkers;
import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * A scheduler run reads only the tasks whose next reminder day has come (V7): after a run, the next one plans
 * nothing until a day comes or a task changes; a changed deadline is planned again at once and its reminder comes
 * on the new schedule.
 */
@QuarkusTest
class DueRemindersTest {

    private static final LocalTime NINE = LocalTime.of(9, 0);

    @Inject
    MutableClock clock;
    @Inject
    SchedulerRuns runs;
    @Inject
    Vertx vertx;
    @Inject
    Pool pool;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aRunPlansOnlyWhatIsDueAndAChangeIsPlannedAgain() {
        String planId = TestPlans.importPlan(TestPlans.document(TestPlans.fresh("due"), """
                - { code: D1, title: 三月到期, deadline: 2030-03-15, units: [{ unit: 局甲 }] }
                - { code: D2, title: 明年到期, deadline: 2031-06-30, units: [{ unit: 局甲 }] }
                - { code: D3, title: 已逾期, deadline: 2030-03-01, units: [{ unit: 局乙 }] }
                """));
        Map<String, String> tasks = TestPlans.taskIds(planId);
        LocalDate monday = LocalDate.parse("2030-03-04");

        assertThat(runAt(monday, NINE).tasksPlanned()).isPositive();
        // 7 working days before 15 March is 6 March; the overdue task is reminded again on the next working day;
        // next year's deadline needs nothing until it comes within the lookahead (120 days before it).
        assertThat(nextDay(tasks.get("D1"))).isEqualTo("2030-03-06");
        assertThat(nextDay(tasks.get("D3"))).isEqualTo("2030-03-05");
        assertThat(nextDay(tasks.get("D2"))).isEqualTo("2031-03-02");

        long overdueReminders = reminders(tasks.get("D3"));
        assertThat(overdueReminders).isPositive();
        assertThat(runAt(monday, LocalTime.of(9, 5)).tasksPlanned()).as("nothing new is due").isZero();
        assertThat(runAt(monday.plusDays(1), LocalTime.of(8, 0)).tasksPlanned()).as("before the day's time").isZero();
        assertThat(runAt(monday.plusDays(1), NINE).tasksPlanned()).as("the overdue task, whatever else is overdue")
                .isGreaterThanOrEqualTo(1);
        assertThat(nextDay(tasks.get("D3"))).isEqualTo("2030-03-06");
        assertThat(reminders(tasks.get("D3"))).as("one more day overdue").isEqualTo(overdueReminders + 1);

        // Moved to 8 March: 7 working days before is already past, 3 before is 5 March, today.
        ok(run("admin", "update-task", "id", tasks.get("D1"), "input", Map.of("deadline", "2030-03-08")));
        assertThat(nextDay(tasks.get("D1"))).isEqualTo("1900-01-01");
        SchedulerRun.Outcome replanned = runAt(monday.plusDays(1), LocalTime.of(9, 10));
        assertThat(replanned.tasksPlanned()).isEqualTo(1);
        assertThat(nextDay(tasks.get("D1"))).isEqualTo("2030-03-07");
        assertThat(reminders(tasks.get("D1"))).isEqualTo(1);

        ok(run("admin", "delete-task", "id", tasks.get("D2")));
        assertThat(nextDay(tasks.get("D2"))).as("a deleted task gives no reminder again").isEqualTo("9999-12-31");

        // A clock set back (tests, demos) does not trust days worked out for later.
        assertThat(runAt(monday.minusDays(7), NINE).tasksPlanned()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void tasksAnotherInstanceHoldsAreLeftToItAndARunGoesThroughAllItsChunks() {
        StringBuilder moreThanAChunk = new StringBuilder("""
                - { code: S1, title: 另一实例在办, deadline: 2032-03-17, units: [{ unit: 局甲 }] }
                - { code: S2, title: 本实例办理, deadline: 2032-03-17, units: [{ unit: 局甲 }] }
                """);
        for (int i = 3; i <= 60; i++) {
            moreThanAChunk.append("- { code: S").append(i).append(", title: 同批任务").append(i)
                    .append(", deadline: 2032-04-30, units: [{ unit: 局乙 }] }\n");
        }
        String planId = TestPlans.importPlan(TestPlans.document(TestPlans.fresh("share"), moreThanAChunk.toString()));
        Map<String, String> tasks = TestPlans.taskIds(planId);
        LocalDate monday = LocalDate.parse("2032-03-08");
        // Also due: what other tests planned for earlier days, or on later days than this one.
        long due = count("select count(*) from reminder_due d join task t on t.id = d.task_id where d.next_on <= date '"
                + monday + "' or (d.planned_on > date '" + monday + "' and t.deleted_at is null)");
        assertThat(due).as("more than one chunk of 50 (the test profile's chunk-tasks)").isGreaterThan(50);

        SqlConnection otherInstance = pool.getConnection().await().atMost(Duration.ofSeconds(10));
        try {
            otherInstance.query("begin").execute().await().atMost(Duration.ofSeconds(10));
            otherInstance.query("select 1 from reminder_due where task_id = " + TestIds.key(tasks.get("S1")) + " for update").execute()
                    .await().atMost(Duration.ofSeconds(10));
            SchedulerRun.Outcome outcome = runAt(monday, NINE);
            assertThat(outcome.tasksPlanned()).as("every due task but the one held, in several chunks").isEqualTo(due - 1);
            assertThat(nextDay(tasks.get("S1"))).isEqualTo("1900-01-01");
            assertThat(nextDay(tasks.get("S2"))).as("3 working days before").isEqualTo("2032-03-12");
            otherInstance.query("rollback").execute().await().atMost(Duration.ofSeconds(10));
        } finally {
            otherInstance.close().await().atMost(Duration.ofSeconds(10));
        }
        SchedulerRun.Outcome later = runAt(monday, LocalTime.of(9, 1));
        assertThat(later.tasksPlanned()).isEqualTo(1);
        assertThat(nextDay(tasks.get("S1"))).isEqualTo("2032-03-12");
        assertThat(reminders(tasks.get("S1"))).as("7 working days before, today").isEqualTo(1);
    }

    private SchedulerRun.Outcome runAt(LocalDate day, LocalTime time) {
        clock.pin(day, time);
        try (ReminderWorkers worker = new ReminderWorkers(1, runs, clock, vertx)) {
            return worker.run(0).runOnce().await().atMost(Duration.ofSeconds(60));
        }
    }

    private String nextDay(String taskId) {
        return pool.query("select next_on::text from reminder_due where task_id = " + TestIds.key(taskId)).execute()
                .map(rows -> rows.iterator().next().getString(0)).await().atMost(Duration.ofSeconds(10));
    }

    private long reminders(String taskId) {
        return count("select count(*) from reminder where task_id = " + TestIds.key(taskId));
    }

    private long count(String sql) {
        return pool.query(sql).execute().map(rows -> rows.iterator().next().getLong(0)).await().atMost(Duration.ofSeconds(10));
    }
}
