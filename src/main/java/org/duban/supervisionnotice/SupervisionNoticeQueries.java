package org.duban.supervisionnotice;

import static org.duban.common.sql.Rows.map;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers.Caller;
import org.duban.common.ChinaTime;
import org.duban.common.Found;
import org.duban.common.sql.SqlParams;
import org.duban.plan.TaskVisibility;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Supervision notices of tasks, one the caller may see, and a plan's counted by unit and level (红黄牌). */
@ApplicationScoped
public class SupervisionNoticeQueries {

    private final Pool pool;
    private final Clock clock;

    SupervisionNoticeQueries(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** The notices of these tasks, oldest first. */
    public Uni<List<SupervisionNotice>> ofTasks(Long[] taskIds) {
        LocalDate today = ChinaTime.today(clock);
        return pool.preparedQuery("select " + SupervisionNotice.COLUMNS + " from supervision_notice s where s.task_id = any($1)"
                + " order by s.task_id, s.id")
                .execute(Tuple.of((Object) taskIds))
                .map(rows -> map(rows, row -> SupervisionNotice.from(row, today)));
    }

    /** The notice, NOT_FOUND unless the caller may see its task. */
    public Uni<SupervisionNotice> visible(long id, Caller caller) {
        LocalDate today = ChinaTime.today(clock);
        SqlParams params = new SqlParams();
        String sql = "select " + SupervisionNotice.COLUMNS + " from supervision_notice s join task t on t.id = s.task_id"
                + " join plan p on p.id = t.plan_id where s.id = " + params.bind(id) + " and t.deleted_at is null and "
                + TaskVisibility.task(caller, "t", params);
        return pool.preparedQuery(sql).execute(params.tuple())
                .map(rows -> Found.one(map(rows, row -> SupervisionNotice.from(row, today)), "SupervisionNotice", id));
    }

    /** How many notices of each level each unit got about the plan's tasks. */
    public Uni<Map<Long, Map<SupervisionLevel, Integer>>> countsInPlan(long planId) {
        return countsInPlans(new Long[] { planId }, null);
    }

    /** The same over several plans, counting notices issued up to {@code until} (null: all). */
    public Uni<Map<Long, Map<SupervisionLevel, Integer>>> countsInPlans(Long[] planIds, LocalDate until) {
        return pool.preparedQuery("select s.unit_id, s.level, count(*)::int as notices from supervision_notice s"
                + " where s.task_id in (select t.id from task t where t.plan_id = any($1)) and s.issued_on <= $2"
                + " group by s.unit_id, s.level")
                .execute(Tuple.of(planIds, until == null ? LocalDate.of(9999, 12, 31) : until))
                .map(rows -> {
                    Map<Long, Map<SupervisionLevel, Integer>> counts = new HashMap<>();
                    rows.forEach(row -> counts.computeIfAbsent(row.getLong("unit_id"), unit -> new EnumMap<>(SupervisionLevel.class))
                            .put(SupervisionLevel.valueOf(row.getString("level")), row.getInteger("notices")));
                    return counts;
                });
    }

    /** The notices issued from {@code from} to {@code to} about the plans' tasks, in the order of their numbers. */
    public Uni<List<SupervisionNotice>> issuedInPlans(Long[] planIds, LocalDate from, LocalDate to) {
        LocalDate today = ChinaTime.today(clock);
        return pool.preparedQuery("select " + SupervisionNotice.COLUMNS + " from supervision_notice s"
                + " where s.task_id in (select t.id from task t where t.plan_id = any($1)) and s.issued_on between $2 and $3"
                + " order by s.year, s.serial")
                .execute(Tuple.of(planIds, from, to))
                .map(rows -> map(rows, row -> SupervisionNotice.from(row, today)));
    }
}
