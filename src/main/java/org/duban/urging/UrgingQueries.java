package org.duban.urging;

import static org.duban.common.sql.Rows.map;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.ChinaTime;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Urgings of tasks and units: the office's and the ladder's. */
@ApplicationScoped
public class UrgingQueries {

    private final Pool pool;

    UrgingQueries(Pool pool) {
        this.pool = pool;
    }

    /** The urgings of these tasks, oldest first. */
    public Uni<List<Urging>> ofTasks(Long[] taskIds) {
        return pool.preparedQuery(Urging.UNION.formatted("u.task_id = any($1)", "r.task_id = any($1)") + " order by urged_at, id")
                .execute(Tuple.of((Object) taskIds)).map(rows -> map(rows, Urging::from));
    }

    /** The messages a unit was urged by and has not answered, of open work, newest first, at most {@code limit}. */
    public Uni<List<Urging>> unansweredByUnit(long unitId, int limit) {
        return pool.preparedQuery(Urging.UNION.formatted("u.unit_id = $1 and u.channel = 'MESSAGE' and u.answer is null"
                + " and exists (select 1 from task t where t.id = u.task_id and t.deleted_at is null and is_open(t.status))", "false")
                + " order by urged_at desc, id desc limit $2")
                .execute(Tuple.of(unitId, limit)).map(rows -> map(rows, Urging::from));
    }

    /** How often each unit was urged about the plan's tasks, by the office and by the ladder. */
    public Uni<Map<Long, Integer>> countsInPlan(long planId) {
        return countsInPlans(new Long[] { planId }, null);
    }

    /** The same over several plans, counting urgings up to the end of {@code until} (Asia/Shanghai; null: all). */
    public Uni<Map<Long, Integer>> countsInPlans(Long[] planIds, LocalDate until) {
        String ofPlans = "select t.id from task t where t.plan_id = any($1)";
        return pool.preparedQuery("select unit_id, count(*)::int as urgings from (select unit_id from urging where task_id in ("
                + ofPlans + ") and urged_at < $2 union all select unit_id from reminder where kind = 'URGING' and unit_id is not null"
                + " and task_id in (" + ofPlans + ") and remind_at < $2) x group by unit_id")
                .execute(Tuple.of(planIds, ChinaTime.startOf(until == null ? LocalDate.of(9999, 12, 31) : until.plusDays(1))))
                .map(rows -> {
                    Map<Long, Integer> counts = new HashMap<>();
                    rows.forEach(row -> counts.put(row.getLong("unit_id"), row.getInteger("urgings")));
                    return counts;
                });
    }
}
