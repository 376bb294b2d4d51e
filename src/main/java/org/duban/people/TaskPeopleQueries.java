package org.duban.people;

import static org.duban.common.sql.Rows.map;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The people units named for tasks, in the order of their posts. */
@ApplicationScoped
public class TaskPeopleQueries {

    private static final String ORDER = " order by p.task_id, p.unit_id,"
            + " array_position(array['LEADER_IN_CHARGE', 'RESPONSIBLE', 'LIAISON'], p.role)";

    private final Pool pool;

    TaskPeopleQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<TaskPerson>> ofTasks(Long[] taskIds) {
        return pool.preparedQuery("select " + TaskPerson.COLUMNS + TaskPerson.FROM + " where p.task_id = any($1)" + ORDER)
                .execute(Tuple.of((Object) taskIds)).map(rows -> map(rows, TaskPerson::from));
    }

    /** The people of one unit on these tasks (a unit's assignments). */
    public Uni<List<TaskPerson>> ofUnit(long unitId, Long[] taskIds) {
        return pool.preparedQuery("select " + TaskPerson.COLUMNS + TaskPerson.FROM + " where p.task_id = any($1) and p.unit_id = $2"
                + ORDER).execute(Tuple.of(taskIds, unitId)).map(rows -> map(rows, TaskPerson::from));
    }
}
