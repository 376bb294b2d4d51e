package org.duban.signing;

import static org.duban.common.Text.blankToNull;

import java.time.Clock;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers.Caller;
import org.duban.access.Roles;
import org.duban.audit.AuditTrail;
import org.duban.common.ChinaTime;
import org.duban.common.DubanException;
import org.duban.common.ErrorCode;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.notify.MessageText;
import org.duban.notify.Notices;
import org.duban.notify.NotificationKind;
import org.duban.plan.TaskRows;
import org.duban.plan.TaskVisibility;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Signing for a task (签收) and returning it (退回): a responsible unit signs, or returns the task to the office with a
 * reason; the office gives it to another unit or insists. The writer of {@code task_signing}'s changes (V17's trigger
 * opens the rows). Each method is one transaction under the signing's row lock and returns the task id.
 */
@ApplicationScoped
public class Signings {

    static final int MAX_TEXT = 5000;

    private static final String LOCK = "select s.signed_at, s.returned_at, s.return_decision, t.code, t.title, t.plan_id,"
            + " u.name as unit_name, " + TaskVisibility.writable("t") + " as writable"
            + " from task_signing s join task_unit tu on tu.task_id = s.task_id and tu.unit_id = s.unit_id"
            + " join task t on t.id = s.task_id join unit u on u.id = s.unit_id"
            + " where s.task_id = $1 and s.unit_id = $2 and t.deleted_at is null for update of s";

    private final AuditTrail audit;
    private final Notices notices;
    private final TaskRows tasks;
    private final Clock clock;

    Signings(AuditTrail audit, Notices notices, TaskRows tasks, Clock clock) {
        this.audit = audit;
        this.notices = notices;
        this.tasks = tasks;
        this.clock = clock;
    }

    public Uni<Long> sign(String taskId, String unitId, Caller caller) {
        long task = Ids.parse(taskId, IdKind.TASK);
        long unit = actingUnit(unitId, caller);
        return audit.withTransaction(connection -> lock(connection, task, unit, taskId)
                .invoke(row -> {
                    if (row.getOffsetDateTime("signed_at") != null) {
                        throw DubanException.invalidTransition("The unit signed for this task on " + row.getOffsetDateTime("signed_at")
                                .atZoneSameInstant(ChinaTime.ZONE).toLocalDate() + " already");
                    }
                    if (awaitsDecision(row)) {
                        throw DubanException.invalidTransition("The unit returned this task; it awaits the office's decision");
                    }
                })
                .call(row -> connection.preparedQuery("update task_signing set signed_at = $3, signed_by = $4"
                        + " where task_id = $1 and unit_id = $2")
                        .execute(Tuple.of(task, unit, clock.instant().atOffset(ZoneOffset.UTC), caller.accountId())))
                .replaceWith(task));
    }

    /** The unit hands the task back to the office as not its own, before signing for it. */
    public Uni<Long> returnTask(String taskId, String unitId, String reason, Caller caller) {
        long task = Ids.parse(taskId, IdKind.TASK);
        long unit = actingUnit(unitId, caller);
        String why = text(reason, "reason");
        return audit.withTransaction(connection -> lock(connection, task, unit, taskId)
                .invoke(row -> {
                    if (row.getOffsetDateTime("signed_at") != null) {
                        throw DubanException.invalidTransition("The unit signed for this task already; ask the office to reassign it");
                    }
                    if (row.getOffsetDateTime("returned_at") != null) {
                        throw DubanException.invalidTransition(awaitsDecision(row) ? "The unit returned this task already"
                                : "The office kept this task with the unit after its return: sign for it");
                    }
                })
                .call(row -> connection.preparedQuery("update task_signing set returned_at = $3, returned_by = $4, return_reason = $5"
                        + " where task_id = $1 and unit_id = $2")
                        .execute(Tuple.of(task, unit, clock.instant().atOffset(ZoneOffset.UTC), caller.accountId(), why)))
                .call(row -> notices.tellOffice(connection, new Notices.Event(NotificationKind.RETURNED, "returned:" + task + ":" + unit,
                        task, MessageText.returned(row.getString("code"), row.getString("title"), row.getString("unit_name"), why)),
                        row.getLong("plan_id"), clock.instant()))
                .replaceWith(task));
    }

    /**
     * The office decides a returned task: another unit takes the returning unit's place (its role and order), or the
     * unit keeps it and signs for it, its time to sign counted again from today.
     */
    public Uni<Long> decideReturn(String taskId, String unitId, SigningInputs.ReturnDecisionInput input, Caller caller) {
        long task = Ids.parse(taskId, IdKind.TASK);
        long unit = Ids.parse(unitId, IdKind.UNIT);
        boolean reassign = input.decision() == ReturnDecision.REASSIGNED;
        Long toUnit = Ids.parseOptional(input.toUnitId(), IdKind.UNIT);
        if (reassign && toUnit == null) {
            throw DubanException.validation("input.toUnitId", "name the unit the task goes to");
        }
        if (!reassign && toUnit != null) {
            throw DubanException.validation("input.toUnitId", "only a REASSIGNED task goes to another unit");
        }
        String note = input.note() == null ? null : text(input.note(), "input.note");
        return audit.withTransaction(connection -> lock(connection, task, unit, taskId)
                .invoke(row -> {
                    if (!awaitsDecision(row)) {
                        throw DubanException.invalidTransition("The unit has not returned this task, or the office decided already");
                    }
                })
                .call(row -> reassign ? reassign(connection, task, unit, toUnit, input.toUnitId(), row.getLong("plan_id"))
                        : connection.preparedQuery("update task_signing set return_decision = 'INSISTED', decided_at = $3,"
                                + " decided_by = $4, decision_note = $5, assigned_on = $6, overdue_told = false"
                                + " where task_id = $1 and unit_id = $2")
                                .execute(Tuple.from(new Object[] { task, unit, clock.instant().atOffset(ZoneOffset.UTC),
                                        caller.accountId(), note, ChinaTime.today(clock) })).replaceWithVoid())
                .call(row -> notices.tellUnits(connection, new Notices.Event(NotificationKind.RETURN_DECIDED,
                        "return-decided:" + task + ":" + unit, task,
                        MessageText.returnDecided(row.getString("code"), row.getString("title"), reassign, note)),
                        new Long[] { unit }, clock.instant()))
                .call(() -> tasks.touch(connection, task, clock.instant()))
                .replaceWith(task));
    }

    /**
     * Another unit of the plan's region takes the place: the returning unit's signing goes with its responsibility (the
     * decision stays in the task's history), and the new unit's opens as it becomes responsible.
     */
    private Uni<Void> reassign(SqlConnection connection, long task, long unit, long toUnit, String toUnitId, long planId) {
        return connection.preparedQuery("select exists (select 1 from unit u join plan p on p.region_id = u.region_id"
                + " where u.id = $2 and p.id = $3) as in_region, exists (select 1 from task_unit where task_id = $1 and unit_id = $2)"
                + " as responsible").execute(Tuple.of(task, toUnit, planId))
                .map(rows -> rows.iterator().next())
                .invoke(row -> {
                    if (!row.getBoolean("in_region")) {
                        throw DubanException.validation("input.toUnitId", "no such unit in the plan's region");
                    }
                    if (row.getBoolean("responsible")) {
                        throw DubanException.validation("input.toUnitId", "that unit is responsible for the task already");
                    }
                })
                .chain(() -> tasks.reassignUnit(connection, task, unit, toUnit))
                .invoke(moved -> {
                    if (!moved) {
                        throw DubanException.validation("unitId", "the unit is responsible through a unit set: change the set's"
                                + " members, or the task's assignments (assignUnits)");
                    }
                })
                .chain(() -> connection.preparedQuery("delete from task_signing where task_id = $1 and unit_id = $2")
                        .execute(Tuple.of(task, unit)))
                .replaceWithVoid();
    }

    private static Uni<Row> lock(SqlConnection connection, long task, long unit, String taskId) {
        return connection.preparedQuery(LOCK).execute(Tuple.of(task, unit)).map(rows -> {
            if (rows.size() == 0) {
                throw DubanException.notFound("Task", taskId);
            }
            return rows.iterator().next();
        });
    }

    private static boolean awaitsDecision(Row row) {
        return row.getOffsetDateTime("returned_at") != null && row.getString("return_decision") == null;
    }

    /** The unit signing or returning: a UNIT account's own; the one ADMIN names for it. */
    static long actingUnit(String unitId, Caller caller) {
        Long named = Ids.parseOptional(unitId, IdKind.UNIT);
        if (!caller.is(Roles.ADMIN)) {
            if (named != null && !named.equals(caller.unitId())) {
                throw new DubanException(ErrorCode.FORBIDDEN, "A unit signs and returns for itself only", "unitId");
            }
            if (caller.unitId() == null) {
                throw DubanException.validation("unitId", "the account belongs to no unit");
            }
            return caller.unitId();
        }
        if (named == null) {
            throw DubanException.validation("unitId", "name the unit this is for");
        }
        return named;
    }

    private static String text(String value, String field) {
        String text = blankToNull(value);
        if (text == null || text.length() > MAX_TEXT) {
            throw DubanException.validation(field, "between 1 and " + MAX_TEXT + " characters");
        }
        return text.strip();
    }
}
