package org.duban.plan.occurrence;

import static org.duban.common.Text.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.DubanException;
import org.duban.plan.TaskService;
import org.duban.plan.TaskStatus;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Status changes of one occurrence. A non-recurring task's occurrence is the task, so its changes are the
 * task's; a recurring task's occurrences each keep their own status and history.
 */
@ApplicationScoped
public class OccurrenceService {

    private final Pool pool;
    private final TaskService tasks;
    private final Clock clock;

    OccurrenceService(Pool pool, TaskService tasks, Clock clock) {
        this.pool = pool;
        this.tasks = tasks;
        this.clock = clock;
    }

    public Uni<OccurrenceId> changeStatus(String occurrenceId, TaskStatus to, String reason, Long accountId) {
        OccurrenceId id = OccurrenceId.parse(occurrenceId, "occurrenceId");
        return pool.withTransaction(connection -> lockedSchedule(connection, id)
                .chain(schedule -> {
                    if (!schedule.isOccurrence(id.dueOn())) {
                        throw DubanException.notFound("TaskOccurrence", occurrenceId);
                    }
                    if (!schedule.recurs()) {
                        return Uni.createFrom().item(false);
                    }
                    TaskStatus from = schedule.statusOn(id.dueOn());
                    from.requireMoveTo(to, reason, "An occurrence");
                    return record(connection, id, from, to, blankToNull(reason), accountId).replaceWith(true);
                }))
                .chain(recurring -> recurring ? Uni.createFrom().item(id)
                        : tasks.changeStatus(String.valueOf(id.taskId()), to, reason, accountId).replaceWith(id));
    }

    private Uni<Schedule> lockedSchedule(SqlConnection connection, OccurrenceId id) {
        return connection.preparedQuery("select " + Schedule.COLUMNS + Schedule.FROM + " where t.id = $1 and t.deleted_at is null for update of t")
                .execute(Tuple.of(id.taskId()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw DubanException.notFound("TaskOccurrence", id.toString());
                    }
                    return Schedule.from(rows.iterator().next());
                });
    }

    private Uni<Void> record(SqlConnection connection, OccurrenceId id, TaskStatus from, TaskStatus to, String reason,
            Long accountId) {
        Instant now = clock.instant();
        return connection.preparedQuery("insert into task_occurrence (task_id, due_on, status, updated_at) values ($1, $2, $3, $4)"
                + " on conflict (task_id, due_on) do update set status = excluded.status, updated_at = excluded.updated_at")
                .execute(Tuple.of(id.taskId(), id.dueOn(), to.name(), now.atOffset(ZoneOffset.UTC)))
                .chain(() -> connection.preparedQuery("insert into task_status_change"
                        + " (task_id, occurrence_due, from_status, to_status, reason, account_id, changed_at)"
                        + " values ($1, $2, $3, $4, $5, $6, $7)")
                        .execute(Tuple.from(new Object[] { id.taskId(), id.dueOn(), from.name(), to.name(), reason, accountId,
                                now.atOffset(ZoneOffset.UTC) })))
                .replaceWithVoid();
    }
}
