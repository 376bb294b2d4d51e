package org.duban.supervision;

import static org.duban.common.Text.blankToNull;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers.Caller;
import org.duban.access.Roles;
import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.InputValidator;
import org.duban.plan.TaskRows;
import org.duban.plan.TaskStatus;
import org.duban.plan.TaskVisibility;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deadline extensions (延期申请): a responsible unit asks, the office decides. An approved one moves the task's
 * deadline, so reminders and warnings follow the new one; the first deadline stays on the task for the scoreboard.
 */
@ApplicationScoped
public class ExtensionService {

    private final WorkflowStore store;
    private final WorkflowNotices notices;
    private final TaskRows tasks;
    private final AuditTrail audit;
    private final InputValidator validator;
    private final Clock clock;

    ExtensionService(WorkflowStore store, WorkflowNotices notices, TaskRows tasks, AuditTrail audit, InputValidator validator,
            Clock clock) {
        this.store = store;
        this.notices = notices;
        this.tasks = tasks;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
    }

    public Uni<Long> request(String taskId, WorkflowInputs.ExtensionRequest input, Caller caller) {
        validator.check("input", input);
        return audit.withTransaction(connection -> connection.preparedQuery("select id, deadline, status, recurrence is not null as recurs"
                + " from task where id = $1 and deleted_at is null and " + TaskVisibility.writable("task") + " for update")
                .execute(Tuple.of(Ids.parse(taskId, IdKind.TASK)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw DubanException.notFound("Task", taskId);
                    }
                    return rows.iterator().next();
                })
                .call(task -> store.roleOf(connection, task.getLong("id"), caller))
                .call(task -> {
                    requireExtensible(task, input.newDeadline());
                    return connection.preparedQuery("select 1 from deadline_extension where task_id = $1 and status = 'PENDING'")
                            .execute(Tuple.of(task.getLong("id"))).invoke(rows -> {
                                if (rows.size() > 0) {
                                    throw DubanException.conflict("An extension of this task awaits the office's decision already");
                                }
                            });
                })
                .chain(task -> connection.preparedQuery("insert into deadline_extension (task_id, unit_id, requested_by,"
                        + " previous_deadline, requested_deadline, reason, requested_at) values ($1, $2, $3, $4, $5, $6, $7)")
                        .execute(Tuple.from(new Object[] { task.getLong("id"), caller.is(Roles.ADMIN) ? null : caller.unitId(),
                                caller.accountId(),
                                task.getLocalDate("deadline"), input.newDeadline(), input.reason().strip(),
                                clock.instant().atOffset(ZoneOffset.UTC) }))
                        .replaceWith(task.getLong("id"))));
    }

    public Uni<Long> decide(String extensionId, WorkflowInputs.ExtensionDecision input, Caller caller) {
        validator.check("input", input);
        long id = Ids.parse(extensionId, IdKind.DEADLINE_EXTENSION);
        boolean approve = input.approve();
        boolean againstNew = Boolean.TRUE.equals(input.countAgainstNewDeadline());
        return audit.withTransaction(connection -> connection.preparedQuery("select e.task_id, e.unit_id, e.status, e.previous_deadline,"
                + " e.requested_deadline, t.deadline, " + TaskVisibility.writable("t") + " as writable"
                + " from deadline_extension e join task t on t.id = e.task_id where e.id = $1 and t.deleted_at is null for update")
                .execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw DubanException.notFound("DeadlineExtension", extensionId);
                    }
                    Row row = rows.iterator().next();
                    if (!row.getString("status").equals("PENDING")) {
                        throw DubanException.invalidTransition("This extension was " + row.getString("status") + " already");
                    }
                    if (approve && !row.getLocalDate("previous_deadline").equals(row.getLocalDate("deadline"))) {
                        throw DubanException.conflict("The task's deadline changed since the extension was asked for");
                    }
                    return row;
                })
                .call(row -> connection.preparedQuery("update deadline_extension set status = $2, decided_by = $3, decided_at = $4,"
                        + " decision_note = $5, score_against_new = $6 where id = $1")
                        .execute(Tuple.from(new Object[] { id, approve ? "APPROVED" : "REFUSED", caller.accountId(),
                                clock.instant().atOffset(ZoneOffset.UTC), blankToNull(input.note()), approve && againstNew })))
                .call(row -> approve
                        ? tasks.extendDeadline(connection, row.getLong("task_id"), row.getLocalDate("requested_deadline"), againstNew,
                                clock.instant())
                        : Uni.createFrom().voidItem())
                .call(row -> notices.extensionDecided(connection, id, row.getLong("task_id"), row.getLong("unit_id"), approve,
                        row.getLocalDate("requested_deadline"), blankToNull(input.note())))
                .map(row -> row.getLong("task_id")));
    }

    private static void requireExtensible(Row task, LocalDate newDeadline) {
        if (task.getBoolean("recurs")) {
            throw DubanException.validation("taskId", "a recurring task's occurrences follow its rule; change the rule instead");
        }
        LocalDate deadline = task.getLocalDate("deadline");
        if (deadline == null) {
            throw DubanException.validation("taskId", "the task has no deadline to extend");
        }
        if (!newDeadline.isAfter(deadline)) {
            throw DubanException.validation("input.newDeadline", "must be after the current deadline " + deadline);
        }
        TaskStatus status = TaskStatus.valueOf(task.getString("status"));
        if (!status.isOpen()) {
            throw DubanException.invalidTransition("An extension is asked for open work; the task is " + status);
        }
    }
}
