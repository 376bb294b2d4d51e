package org.duban.supervision;

import static org.duban.common.Text.blankToNull;

import java.time.Clock;
import java.time.LocalDate;
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

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one writer of {@code instruction} and {@code instruction_answer}: leader instructions (批示) on a task, which the
 * responsible units hear of as of a reminder (inbox, webhook, e-mail), and their answers (落实情况), which the leader hears of.
 */
@ApplicationScoped
public class InstructionService {

    static final int MAX_LENGTH = 5000;

    private final AuditTrail audit;
    private final Notices notices;
    private final WorkflowStore store;
    private final Clock clock;

    InstructionService(AuditTrail audit, Notices notices, WorkflowStore store, Clock clock) {
        this.audit = audit;
        this.notices = notices;
        this.store = store;
        this.clock = clock;
    }

    /** Returns the task id. {@code answerBy}: the day the units answer by, today or later; null asks no answer. */
    public Uni<Long> add(String taskId, String text, LocalDate answerBy, Caller caller) {
        long id = Ids.parse(taskId, IdKind.TASK);
        String body = text(text, "text");
        if (answerBy != null && answerBy.isBefore(ChinaTime.today(clock))) {
            throw DubanException.validation("answerBy", "today or later");
        }
        return audit.withTransaction(connection -> connection.preparedQuery("insert into instruction (task_id, account_id, body,"
                + " created_at, answer_by) select id, $2, $3, $4, $5 from task where id = $1 and deleted_at is null returning id, task_id")
                .execute(Tuple.from(new Object[] { id, caller.accountId(), body, clock.instant().atOffset(ZoneOffset.UTC), answerBy }))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw DubanException.notFound("Task", taskId);
                    }
                    return rows.iterator().next().getLong("id");
                })
                .chain(instruction -> connection.preparedQuery("select t.code, t.title, array(select distinct tu.unit_id from task_unit tu"
                        + " where tu.task_id = t.id) as units from task t where t.id = $1").execute(Tuple.of(id))
                        .map(rows -> rows.iterator().next())
                        .chain(task -> notices.send(connection, new Notices.Notice(Notices.Source.INSTRUCTION, instruction, id,
                                MessageText.instruction(task.getString("code"), task.getString("title"),
                                        answerBy == null ? body : body + "（请于 " + answerBy + " 前报告落实情况）")),
                                task.getArrayOfLongs("units"), clock.instant())))
                .replaceWith(id));
    }

    /**
     * A responsible unit answers an instruction (ADMIN may enter an answer for a unit), with evidence of the task; the
     * leader who gave it is told. A unit may answer again, as the work moves on. Returns the task id.
     */
    public Uni<Long> answer(String instructionId, WorkflowInputs.InstructionAnswerInput input, Caller caller) {
        long id = Ids.parse(instructionId, IdKind.INSTRUCTION);
        String body = text(input.text(), "input.text");
        Long named = Ids.parseOptional(input.unitId(), IdKind.UNIT);
        if (!caller.is(Roles.ADMIN) && named != null && !named.equals(caller.unitId())) {
            throw new DubanException(ErrorCode.FORBIDDEN, "A unit answers for itself", "input.unitId");
        }
        if (caller.is(Roles.ADMIN) && named == null) {
            throw DubanException.validation("input.unitId", "name the unit this answer is for");
        }
        long unit = caller.is(Roles.ADMIN) ? named : caller.unitId() == null ? -1 : caller.unitId();
        return audit.withTransaction(connection -> connection.preparedQuery("select i.task_id, i.account_id, t.code, t.title,"
                + " exists (select 1 from task_unit tu where tu.task_id = i.task_id and tu.unit_id = $2) as responsible,"
                + " (select u.name from unit u where u.id = $2) as unit_name"
                + " from instruction i join task t on t.id = i.task_id where i.id = $1 and t.deleted_at is null for update of i")
                .execute(Tuple.of(id, unit))
                .map(rows -> {
                    Row row = rows.size() == 0 ? null : rows.iterator().next();
                    if (row == null || !row.getBoolean("responsible") && !caller.is(Roles.ADMIN)) {
                        throw DubanException.notFound("Instruction", instructionId);
                    }
                    if (!row.getBoolean("responsible")) {
                        throw DubanException.validation("input.unitId", "that unit is not responsible for this task");
                    }
                    return row;
                })
                .chain(row -> store.evidenceOfTask(connection, row.getLong("task_id"), input.evidenceIds(), "input.evidenceIds")
                        .chain(evidence -> connection.preparedQuery("insert into instruction_answer (instruction_id, task_id, unit_id,"
                                + " body, evidence_ids, account_id, answered_at) values ($1, $2, $3, $4, $5, $6, $7) returning id")
                                .execute(Tuple.from(new Object[] { id, row.getLong("task_id"), unit, body, evidence.toArray(new Long[0]),
                                        caller.accountId(), clock.instant().atOffset(ZoneOffset.UTC) })))
                        .chain(rows -> row.getLong("account_id") == null ? Uni.createFrom().item(0) : notices.tellAccounts(connection,
                                new Notices.Event(NotificationKind.INSTRUCTION_ANSWERED, "instruction-answer:" + rows.iterator().next().getLong("id"),
                                        row.getLong("task_id"), MessageText.instructionAnswered(row.getString("code"), row.getString("title"),
                                                row.getString("unit_name"), body)),
                                new Long[] { row.getLong("account_id") }, clock.instant()))
                        .replaceWith(row.getLong("task_id"))));
    }

    private static String text(String value, String field) {
        String text = blankToNull(value);
        if (text == null || text.length() > MAX_LENGTH) {
            throw DubanException.validation(field, "between 1 and " + MAX_LENGTH + " characters");
        }
        return text.strip();
    }
}
