package org.duban.supervision;

import static org.duban.common.sql.Rows.map;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.ChinaTime;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class ProgressReports {

    private final Pool pool;

    ProgressReports(Pool pool) {
        this.pool = pool;
    }

    /** The latest report on each task, by any of its units. */
    public Uni<List<ProgressReport>> latestOfTasks(Long[] taskIds) {
        return pool.preparedQuery("select " + ProgressReport.COLUMNS + " from (select distinct on (task_id) * from progress_report"
                + " where task_id = any($1) order by task_id, reported_at desc, id desc) r")
                .execute(Tuple.of((Object) taskIds))
                .map(rows -> map(rows, ProgressReport::from));
    }

    /** The unit's reports filed from {@code from} to {@code to} (Asia/Shanghai days, both included), oldest first. */
    public Uni<List<ProgressReport>> ofUnitBetween(long unitId, LocalDate from, LocalDate to) {
        return pool.preparedQuery("select " + ProgressReport.COLUMNS + " from progress_report r where r.unit_id = $1"
                + " and r.reported_at >= $2 and r.reported_at < $3 order by r.reported_at, r.id")
                .execute(Tuple.of(unitId, ChinaTime.startOf(from), ChinaTime.startOf(to.plusDays(1))))
                .map(rows -> map(rows, ProgressReport::from));
    }
}
