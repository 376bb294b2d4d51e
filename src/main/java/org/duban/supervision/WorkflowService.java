package org.duban.supervision;

import static org.duban.common.Text.blankToNull;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers.Caller;
import org.duban.access.Roles;
import org.duban.audit.AuditTrail;
import org.duban.common.ChinaTime;
import org.duban.common.DubanException;
import org.duban.common.ErrorCode;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.InputValidator;
import org.duban.common.Unis;
import org.duban.measure.MeasureRows;
import org.duban.plan.AssignmentRole;
import org.duban.plan.Checklists;
import org.duban.plan.TaskRows;
import org.duban.plan.TaskStatus;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The supervision workflow of one occurrence: units report progress (the first report starts the work), the
 * lead unit submits, the office signs off or rejects, suspends and reopens. Each method is one transaction,
 * under the task's row lock, and returns the task id.
 */
@ApplicationScoped
public class WorkflowService {

    private final WorkflowStore store;
    private final Checklists checklists;
    private final TaskRows tasks;
    private final AuditTrail audit;
    private final InputValidator validator;
    private final Clock clock;
    private final MeasureRows measures;

    WorkflowService(WorkflowStore store, Checklists checklists, TaskRows tasks, AuditTrail audit, InputValidator validator,
            Clock clock, MeasureRows measures) {
        this.measures = measures;
        this.store = store;
        this.tasks = tasks;
        this.checklists = checklists;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
    }

    public Uni<Long> reportProgress(String taskId, WorkflowInputs.Report input, Caller caller) {
        validator.check("input", input);
        return audit.withTransaction(connection -> store.lock(connection, taskId, input.occurrenceId())
                .call(item -> reportingUnit(connection, item, input.unitId(), caller).chain(unitId -> {
                    if (!item.status().isOpen()) {
                        throw DubanException.invalidTransition("Progress is reported on work that is NOT_STARTED or IN_PROGRESS;"
                                + " this is " + item.status());
                    }
                    return store.evidenceOfTask(connection, item.taskId(), input.evidenceIds(), "input.evidenceIds")
                            .chain(evidence -> insertReport(connection, item, unitId, input, evidence, caller))
                            .chain(() -> figures(connection, item.taskId(), input.figures()));
                }))
                .call(item -> item.status() == TaskStatus.NOT_STARTED
                        ? store.move(connection, item, TaskStatus.IN_PROGRESS, new StatusNote(null, "first progress report", List.of(), null), caller)
                        : Uni.createFrom().voidItem())
                .map(WorkItem::taskId));
    }

    /** The report's figures become its task's NUMBER measures' actuals, as of today. */
    private Uni<Void> figures(SqlConnection connection, long taskId, List<WorkflowInputs.Figure> figures) {
        if (figures == null || figures.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        LocalDate today = ChinaTime.today(clock);
        return Unis.sequentially(IntStream.range(0, figures.size()).boxed().toList(), i -> {
            String field = "input.figures[" + i + "]";
            WorkflowInputs.Figure figure = figures.get(i);
            BigDecimal actual = figure.actual();
            if (actual.precision() - actual.scale() > 14 || actual.scale() > 6) {
                throw DubanException.validation(field + ".actual", "at most 14 digits before the point and 6 after");
            }
            long measureId = Ids.parse(figure.measureId(), IdKind.MEASURE);
            return measures.reportActual(connection, taskId, measureId, actual, today).invoke(found -> {
                if (!found) {
                    throw DubanException.validation(field + ".measureId", "not a NUMBER measure of this task");
                }
            }).replaceWithVoid();
        });
    }

    /** The lead unit hands the occurrence in for sign-off, with a closing statement and evidence. */
    public Uni<Long> submit(String taskId, WorkflowInputs.Submit input, Caller caller) {
        validator.check("input", input);
        return audit.withTransaction(connection -> store.lock(connection, taskId, input.occurrenceId())
                .call(item -> store.roleOf(connection, item.taskId(), caller).invoke(role -> {
                    if (role == AssignmentRole.ASSIST) {
                        throw new DubanException(ErrorCode.FORBIDDEN, "The lead (or a responsible) unit submits the task; an assisting unit reports progress", null);
                    }
                    requireFrom(item, Set.of(TaskStatus.IN_PROGRESS), TaskStatus.SUBMITTED);
                }))
                .call(item -> store.evidenceOfTask(connection, item.taskId(), input.evidenceIds(), "input.evidenceIds")
                        .chain(evidence -> store.move(connection, item, TaskStatus.SUBMITTED,
                                new StatusNote(null, input.statement().strip(), evidence, null), caller)))
                .map(WorkItem::taskId));
    }

    /** The office accepts the submission; refused while the checklist or a unit's report is missing, unless overridden. */
    public Uni<Long> signOff(String taskId, String occurrenceId, String note, String overrideReason, Caller caller) {
        String override = limited(blankToNull(overrideReason), "overrideReason");
        String signOffNote = limited(blankToNull(note), "note");
        return audit.withTransaction(connection -> store.lock(connection, taskId, occurrenceId)
                .invoke(item -> {
                    if (signedOffAtIssue(item)) {
                        requireFrom(item, Set.of(TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS), TaskStatus.SIGNED_OFF);
                        if (signOffNote == null) {
                            throw DubanException.validation("note", "an undated task signed off at issue says how the "
                                    + "document itself did it, e.g. 附件已明确工作专班组成");
                        }
                    } else {
                        requireFrom(item, Set.of(TaskStatus.SUBMITTED), TaskStatus.SIGNED_OFF);
                    }
                })
                .call(item -> signedOffAtIssue(item) ? Uni.createFrom().voidItem() : requireNoBlockers(connection, item, override))
                .call(item -> store.move(connection, item, TaskStatus.SIGNED_OFF, new StatusNote(null, signOffNote, List.of(), override), caller))
                .map(WorkItem::taskId));
    }

    /**
     * An undated task not handed in (such as (二)1 成立工作专班, done by the annex of the plan itself) is signed off by
     * the office as it stands, with a note: there is no submission to wait for and no deadline to report against.
     */
    private static boolean signedOffAtIssue(WorkItem item) {
        return !item.recurring() && item.dueOn() == null && item.status() != TaskStatus.SUBMITTED;
    }

    /** The office sends the submission back; the unit sees the reason. */
    public Uni<Long> reject(String taskId, String occurrenceId, String reason, Caller caller) {
        return officeMove(taskId, occurrenceId, Set.of(TaskStatus.SUBMITTED), TaskStatus.IN_PROGRESS, reason, caller);
    }

    public Uni<Long> suspend(String taskId, String occurrenceId, String reason, Caller caller) {
        return officeMove(taskId, occurrenceId, Set.of(TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS, TaskStatus.SUBMITTED),
                TaskStatus.SUSPENDED, reason, caller);
    }

    /** Takes up a suspended or signed-off occurrence again. */
    public Uni<Long> reopen(String taskId, String occurrenceId, String reason, Caller caller) {
        return officeMove(taskId, occurrenceId, Set.of(TaskStatus.SUSPENDED, TaskStatus.SIGNED_OFF), TaskStatus.IN_PROGRESS,
                reason, caller);
    }

    /**
     * Any move the transition rules allow, as the older changeTaskStatus and changeOccurrenceStatus make it: a
     * responsible unit starts, its lead unit submits, the office does the rest. A sign-off this way is refused
     * while anything blocks it: overriding needs signOffTask and its reason.
     */
    public Uni<Long> changeStatus(String taskId, String occurrenceId, TaskStatus to, String reason, Caller caller) {
        String why = limited(blankToNull(reason), "reason");
        return audit.withTransaction(connection -> store.lock(connection, taskId, occurrenceId)
                .call(item -> store.roleOf(connection, item.taskId(), caller).invoke(role -> {
                    item.status().requireMoveTo(to, why, item.recurring() ? "An occurrence" : "A task");
                    requireUnitMayMove(item.status(), to, role, caller);
                }))
                .call(item -> to == TaskStatus.SIGNED_OFF ? requireNoBlockers(connection, item, null) : Uni.createFrom().voidItem())
                .call(item -> store.move(connection, item, to, StatusNote.reason(why), caller))
                .map(WorkItem::taskId));
    }

    /** Ticks a checklist item with its evidence, or unticks it. */
    public Uni<Long> tickDeliverable(String deliverableId, boolean done, List<String> evidenceIds, Caller caller) {
        long id = Ids.parse(deliverableId, IdKind.DELIVERABLE);
        if (done && (evidenceIds == null || evidenceIds.isEmpty())) {
            throw DubanException.validation("evidenceIds", "a checklist item is ticked with its evidence");
        }
        return audit.withTransaction(connection -> connection.preparedQuery("select t.id, t.status, t.recurrence is not null as recurs"
                + " from deliverable d join task t on t.id = d.task_id where d.id = $1 and t.deleted_at is null for update of t")
                .execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw DubanException.notFound("Deliverable", deliverableId);
                    }
                    var row = rows.iterator().next();
                    TaskStatus status = TaskStatus.valueOf(row.getString("status"));
                    if (!row.getBoolean("recurs") && !status.isOpen()) {
                        throw DubanException.invalidTransition("The checklist changes while the task is NOT_STARTED or IN_PROGRESS;"
                                + " it is " + status);
                    }
                    return row.getLong("id");
                })
                .call(task -> store.roleOf(connection, task, caller))
                .call(task -> store.evidenceOfTask(connection, task, done ? evidenceIds : List.of(), "evidenceIds")
                        .chain(evidence -> checklists.tick(connection, id, done, evidence, caller.accountId(), clock.instant())))
                .call(task -> tasks.touch(connection, task, clock.instant())));
    }

    private Uni<Long> officeMove(String taskId, String occurrenceId, Set<TaskStatus> from, TaskStatus to, String reason,
            Caller caller) {
        String why = limited(blankToNull(reason), "reason");
        if (why == null) {
            throw DubanException.validation("reason", "is required");
        }
        return audit.withTransaction(connection -> store.lock(connection, taskId, occurrenceId)
                .invoke(item -> requireFrom(item, from, to))
                .call(item -> store.move(connection, item, to, StatusNote.reason(why), caller))
                .map(WorkItem::taskId));
    }

    private Uni<Void> requireNoBlockers(SqlConnection connection, WorkItem item, String override) {
        return store.signOffBlockers(connection, item).invoke(blockers -> {
            if (!blockers.isEmpty() && override == null) {
                throw DubanException.conflict("Cannot sign off yet: " + String.join("; ", blockers)
                        + ". The office may sign off all the same with an overrideReason.");
            }
        }).replaceWithVoid();
    }

    /** The unit a report is for: a UNIT account's own; the one ADMIN names, which must be responsible. */
    private Uni<Long> reportingUnit(SqlConnection connection, WorkItem item, String unitId, Caller caller) {
        Long named = Ids.parseOptional(unitId, IdKind.UNIT);
        if (!caller.is(Roles.ADMIN)) {
            if (named != null && !named.equals(caller.unitId())) {
                throw new DubanException(ErrorCode.FORBIDDEN, "A unit reports on its own part only", "input.unitId");
            }
            return store.roleOf(connection, item.taskId(), caller).replaceWith(caller.unitId());
        }
        if (named == null) {
            throw DubanException.validation("input.unitId", "name the unit this report is for");
        }
        return store.unitRole(connection, item.taskId(), named).map(role -> {
            if (role == null) {
                throw DubanException.validation("input.unitId", "that unit is not responsible for this task");
            }
            return named;
        });
    }

    private Uni<Void> insertReport(SqlConnection connection, WorkItem item, long unitId, WorkflowInputs.Report input,
            List<Long> evidence, Caller caller) {
        return connection.preparedQuery("insert into progress_report (task_id, occurrence_due, unit_id, percent, summary, problems,"
                + " evidence_ids, account_id, reported_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .execute(Tuple.from(new Object[] { item.taskId(), item.occurrenceDue(), unitId, input.percent(),
                        input.summary().strip(), blankToNull(input.problems()), evidence.toArray(new Long[0]),
                        caller.accountId(), clock.instant().atOffset(ZoneOffset.UTC) }))
                .replaceWithVoid();
    }

    private static void requireFrom(WorkItem item, Set<TaskStatus> from, TaskStatus to) {
        if (!from.contains(item.status())) {
            throw DubanException.invalidTransition((item.recurring() ? "This occurrence" : "This task") + " is "
                    + item.status() + "; it moves to " + to + " only from " + from);
        }
    }

    /** A responsible unit starts its work, and the lead unit submits it; every other move is the office's. */
    private static void requireUnitMayMove(TaskStatus from, TaskStatus to, AssignmentRole role, Caller caller) {
        if (caller.is(Roles.ADMIN)) {
            return;
        }
        boolean starts = from == TaskStatus.NOT_STARTED && to == TaskStatus.IN_PROGRESS;
        boolean submits = from == TaskStatus.IN_PROGRESS && to == TaskStatus.SUBMITTED && role != null
                && role.answersForTask();
        if (!starts && !submits) {
            throw new DubanException(ErrorCode.FORBIDDEN, "A responsible unit starts a task, and its lead unit submits it;"
                    + " moving it from " + from + " to " + to + " is for the supervising office", null);
        }
    }

    private static String limited(String text, String field) {
        if (text != null && text.length() > 5000) {
            throw DubanException.validation(field, "at most 5000 characters");
        }
        return text;
    }
}
