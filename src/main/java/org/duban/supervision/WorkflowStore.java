package org.duban.supervision;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers.Caller;
import org.duban.access.Roles;
import org.duban.common.DubanException;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.evidence.TaskEvidence;
import org.duban.plan.AssignmentRole;
import org.duban.plan.TaskRows;
import org.duban.plan.TaskStatus;
import org.duban.plan.TaskVisibility;
import org.duban.plan.occurrence.OccurrenceId;
import org.duban.plan.occurrence.Schedule;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The SQL of the workflow's writes, each on the connection of the caller's transaction. */
@ApplicationScoped
class WorkflowStore {

    private final TaskRows tasks;
    private final WorkflowNotices notices;
    private final Clock clock;

    WorkflowStore(TaskRows tasks, WorkflowNotices notices, Clock clock) {
        this.tasks = tasks;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * Locks the task and reads the occurrence a move is about. A recurring task needs {@code occurrenceId}; for
     * any other task it may be left out, and when given must name the task's deadline.
     */
    Uni<WorkItem> lock(SqlConnection connection, String taskId, String occurrenceId) {
        long id = Ids.parse(taskId, IdKind.TASK);
        return connection.preparedQuery("select " + Schedule.COLUMNS + ", " + TaskVisibility.writable("t") + " as writable"
                + Schedule.FROM + " where t.id = $1 and t.deleted_at is null for update of t")
                .execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw DubanException.notFound("Task", taskId);
                    }
                    return item(Schedule.from(rows.iterator().next()), occurrenceId);
                });
    }

    private static WorkItem item(Schedule schedule, String occurrenceId) {
        if (occurrenceId == null || occurrenceId.isBlank()) {
            if (schedule.recurs()) {
                throw DubanException.validation("occurrenceId", "the task recurs: name the occurrence (task@due-date) this is about");
            }
            return new WorkItem(schedule.taskId(), false, schedule.deadline(), schedule.taskStatus());
        }
        OccurrenceId id = OccurrenceId.parse(occurrenceId, "occurrenceId");
        if (id.taskId() != schedule.taskId() || !schedule.isOccurrence(id.dueOn())) {
            throw DubanException.notFound("TaskOccurrence", occurrenceId);
        }
        return new WorkItem(schedule.taskId(), schedule.recurs(), id.dueOn(), schedule.statusOn(id.dueOn()));
    }

    /**
     * The caller's unit's part in the task: null for ADMIN, who acts as the office. NOT_FOUND, as for any task
     * out of sight, when its unit has none.
     */
    Uni<AssignmentRole> roleOf(SqlConnection connection, long taskId, Caller caller) {
        if (caller.is(Roles.ADMIN)) {
            return Uni.createFrom().nullItem();
        }
        if (caller.unitId() == null) {
            return Uni.createFrom().failure(DubanException.notFound("Task", taskId));
        }
        return unitRole(connection, taskId, caller.unitId())
                .onItem().ifNull().failWith(() -> DubanException.notFound("Task", taskId));
    }

    /** The unit's part in the task, or null when it is not responsible for it. */
    Uni<AssignmentRole> unitRole(SqlConnection connection, long taskId, long unitId) {
        return connection.preparedQuery(TaskVisibility.unitRoleSql("$1", "$2")).execute(Tuple.of(taskId, unitId))
                .map(rows -> rows.size() == 0 ? null : AssignmentRole.valueOf(rows.iterator().next().getString("role")));
    }

    /** Parses evidence ids and makes sure each is evidence of this task; VALIDATION on the field otherwise. */
    Uni<List<Long>> evidenceOfTask(SqlConnection connection, long taskId, List<String> ids, String field) {
        return TaskEvidence.named(connection, taskId, ids, field);
    }

    /** Moves the occurrence, puts the move on record and tells those who need to hear of it ({@link WorkflowNotices}). */
    Uni<Void> move(SqlConnection connection, WorkItem item, TaskStatus to, StatusNote note, Caller caller) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        Uni<?> status = item.recurring()
                ? connection.preparedQuery("insert into task_occurrence (task_id, due_on, status, updated_at) values ($1, $2, $3, $4)"
                        + " on conflict (task_id, due_on) do update set status = excluded.status, updated_at = excluded.updated_at")
                        .execute(Tuple.of(item.taskId(), item.dueOn(), to.name(), now))
                : tasks.setStatus(connection, item.taskId(), to, now.toInstant());
        return status.chain(() -> connection.preparedQuery("insert into task_status_change (task_id, occurrence_due, from_status,"
                + " to_status, reason, note, evidence_ids, override_reason, account_id, changed_at)"
                + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id")
                .execute(Tuple.from(new Object[] { item.taskId(), item.occurrenceDue(), item.status().name(), to.name(),
                        note.reason(), note.note(), note.evidenceIds().toArray(new Long[0]), note.overrideReason(),
                        caller.accountId(), now })))
                .chain(change -> notices.moved(connection, item, to, note, change.iterator().next().getLong("id"), caller));
    }

    /**
     * What stands in the way of signing the occurrence off: checklist items still open, and responsible units
     * that never reported on it. Empty when nothing does.
     */
    Uni<List<String>> signOffBlockers(SqlConnection connection, WorkItem item) {
        return connection.preparedQuery("select 'the checklist item \"' || d.title || '\" is open' as blocker"
                + " from deliverable d where d.task_id = $1 and not d.done"
                + " union all select u.name || ' has never reported'"
                + " from task_unit tu join unit u on u.id = tu.unit_id where tu.task_id = $1 and not exists (select 1"
                + " from progress_report r where r.task_id = $1 and r.unit_id = tu.unit_id"
                + " and r.occurrence_due is not distinct from $2)")
                .execute(Tuple.of(item.taskId(), item.occurrenceDue()))
                .map(rows -> {
                    List<String> blockers = new ArrayList<>();
                    rows.forEach(row -> blockers.add(row.getString("blocker")));
                    return blockers;
                });
    }
}
