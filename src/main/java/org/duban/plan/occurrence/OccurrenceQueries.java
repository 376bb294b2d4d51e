package org.duban.plan.occurrence;

import static org.duban.common.sql.Rows.map;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The schedules of live tasks, in one statement for any number of tasks. */
@ApplicationScoped
public class OccurrenceQueries {

    private final Pool pool;

    OccurrenceQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Schedule>> schedules(Long[] taskIds) {
        return pool.preparedQuery("select " + Schedule.COLUMNS + Schedule.FROM + " where t.id = any($1) and t.deleted_at is null")
                .execute(Tuple.of(taskIds))
                .map(rows -> map(rows, Schedule::from));
    }
}
