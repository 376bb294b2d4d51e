package org.duban.plan.occurrence;

import static org.duban.common.Text.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;
import org.duban.plan.AssignmentRole;
import org.duban.plan.TaskService;
import org.duban.plan.TaskStatus;
import org.duban.plan.TaskVisibility;
import org.duban.plan.UnitStatusRule;
import org.duban.security.Callers.Caller;
import org.duban.security.Roles;

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
    private final AuditTrail audit;
    private final Clock clock;

    OccurrenceService(Pool pool, TaskService tasks, AuditTrail audit, Clock clock) {
        this.pool = pool;
        this.tasks = tasks;
        this.audit = audit;
        this.clock = clock;
    }

    /** As {@link TaskService#changeStatus}, for one occurrence; a non-recurring task's is the task itself. */
    public Uni<OccurrenceId> changeStatus(String occurrenceId, TaskStatus to, String reason, Caller caller) {
        OccurrenceId id = OccurrenceId.parse(occurrenceId, "occurrenceId");
        return pool.withTransaction(connection -> audit.stamp(connection)
                .chain(() -> lockedSchedule(connection, id))
                .call(schedule -> schedule.isOccurrence(id.dueOn()) ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(DubanException.notFound("TaskOccurrence", occurrenceId)))
                .chain(schedule -> roleOf(connection, id, caller).map(role -> {
                    if (!schedule.recurs()) {
                        return false;
                    }
                    TaskStatus from = schedule.statusOn(id.dueOn());
                    from.requireMoveTo(to, reason, "An occurrence");
                    UnitStatusRule.require(from, to, role, caller);
                    return true;
                }).call(recurring -> recurring
                        ? record(connection, id, schedule.statusOn(id.dueOn()), to, blankToNull(reason), caller.accountId())
                        : Uni.createFrom().voidItem())))
                .chain(recurring -> recurring ? Uni.createFrom().item(id)
                        : tasks.changeStatus(String.valueOf(id.taskId()), to, reason, caller).replaceWith(id));
    }

    /** The caller's unit's part in the task (null for the office); NOT_FOUND, as for any other id, when it has none. */
    private static Uni<AssignmentRole> roleOf(SqlConnection connection, OccurrenceId id, Caller caller) {
        if (caller.is(Roles.ADMIN)) {
            return Uni.createFrom().nullItem();
        }
        return connection.preparedQuery(TaskVisibility.unitRoleSql("$1", "$2"))
                .execute(Tuple.of(id.taskId(), caller.unitId()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw DubanException.notFound("TaskOccurrence", id.toString());
                    }
                    return AssignmentRole.valueOf(rows.iterator().next().getString("role"));
                });
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
