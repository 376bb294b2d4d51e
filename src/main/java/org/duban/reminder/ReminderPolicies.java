package org.duban.reminder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads of reminder policies as they apply: a task's own, else its plan's, else the defaults. */
@ApplicationScoped
public class ReminderPolicies {

    /** The policy of the plan or task {@code id}. */
    public record Keyed(long id, ReminderPolicy policy) {
    }

    private final Pool pool;
    private final ReminderSettings settings;
    private final ReminderPlanner planner;

    ReminderPolicies(Pool pool, ReminderSettings settings, ReminderPlanner planner) {
        this.pool = pool;
        this.settings = settings;
        this.planner = planner;
    }

    public Uni<List<Keyed>> ofPlans(Long[] planIds) {
        return pool.preparedQuery("select id, null::int[] as task_days, null::int as task_escalate,"
                + " reminder_days_before as plan_days, escalate_after_days as plan_escalate, urge_after_days as urge_after,"
                + " overdue_daily_days as daily, overdue_every_days as every, digest_above from plan where id = any($1)")
                .execute(Tuple.of((Object) planIds))
                .map(this::keyed);
    }

    public Uni<List<Keyed>> ofTasks(Long[] taskIds) {
        return pool.preparedQuery("select t.id, t.reminder_days_before as task_days, t.escalate_after_days as task_escalate,"
                + " p.reminder_days_before as plan_days, p.escalate_after_days as plan_escalate,"
                + " coalesce(t.urge_after_days, p.urge_after_days) as urge_after, coalesce(t.overdue_daily_days, p.overdue_daily_days) as daily,"
                + " coalesce(t.overdue_every_days, p.overdue_every_days) as every, coalesce(t.digest_above, p.digest_above) as digest_above"
                + " from task t join plan p on p.id = t.plan_id where t.id = any($1)")
                .execute(Tuple.of((Object) taskIds))
                .map(this::keyed);
    }

    private List<Keyed> keyed(RowSet<Row> rows) {
        List<Keyed> found = new ArrayList<>();
        rows.forEach(row -> found.add(new Keyed(row.getLong("id"), policy(row))));
        return found;
    }

    private ReminderPolicy policy(Row row) {
        Integer[] task = row.getArrayOfIntegers("task_days");
        Integer[] plan = row.getArrayOfIntegers("plan_days");
        OverdueCadence cadence = planner.cadence(row);
        if (task != null) {
            return policy(Arrays.asList(task), row.getInteger("task_escalate"), cadence, "TASK");
        }
        if (plan != null) {
            return policy(Arrays.asList(plan), row.getInteger("plan_escalate"), cadence, "PLAN");
        }
        return policy(settings.daysBefore(), settings.escalateAfterDays(), cadence, "DEFAULT");
    }

    private static ReminderPolicy policy(List<Integer> daysBefore, int escalateAfterDays, OverdueCadence cadence, String source) {
        return new ReminderPolicy(daysBefore, escalateAfterDays, cadence.urgeAfterDays(), cadence.dailyDays(), cadence.everyDays(),
                cadence.digestAbove(), source);
    }
}
