package org.duban.urging;

import static org.duban.common.Text.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers.Caller;
import org.duban.access.Roles;
import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;
import org.duban.common.ErrorCode;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.InputValidator;
import org.duban.notify.MessageText;
import org.duban.notify.Notices;
import org.duban.notify.NotificationKind;
import org.duban.plan.TaskStatus;
import org.duban.plan.TaskVisibility;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one writer of {@code urging}: the office urges a responsible unit about open work, by a message through Duban
 * (told to the unit's accounts, its named people and its channels, once) or by recording an urging made otherwise;
 * the unit answers.
 */
@ApplicationScoped
public class Urgings {

    private final AuditTrail audit;
    private final Notices notices;
    private final InputValidator validator;
    private final Clock clock;

    Urgings(AuditTrail audit, Notices notices, InputValidator validator, Clock clock) {
        this.audit = audit;
        this.notices = notices;
        this.validator = validator;
        this.clock = clock;
    }

    /** Returns the urging's id. */
    public Uni<Long> urge(String taskId, UrgingInput input, Caller caller) {
        validator.check("input", input);
        long task = Ids.parse(taskId, IdKind.TASK);
        long unit = Ids.parse(input.unitId(), IdKind.UNIT);
        Long milestone = Ids.parseOptional(input.milestoneId(), IdKind.MILESTONE);
        String message = blankToNull(input.message());
        String person = blankToNull(input.personReached());
        String answer = blankToNull(input.answer());
        Instant now = clock.instant();
        Instant at = input.urgedAt() == null ? now : input.urgedAt();
        switch (input.channel()) {
            case AUTOMATIC -> throw DubanException.validation("input.channel", "automatic urgings come from the plan's policy");
            case MESSAGE -> {
                if (message == null) {
                    throw DubanException.validation("input.message", "a message says what the office urges");
                }
                if (input.urgedAt() != null || answer != null) {
                    throw DubanException.validation(input.urgedAt() != null ? "input.urgedAt" : "input.answer",
                            "a message goes now, and the unit answers it itself");
                }
            }
            default -> {
                if (person == null) {
                    throw DubanException.validation("input.personReached", "a recorded urging names the person reached");
                }
                if (at.isAfter(now)) {
                    throw DubanException.validation("input.urgedAt", "a recorded urging took place already");
                }
            }
        }
        return audit.withTransaction(connection -> connection.preparedQuery("select t.code, t.title, t.status,"
                + " exists (select 1 from task_unit tu where tu.task_id = t.id and tu.unit_id = $2) as responsible,"
                + " (select m.title from task_milestone m where m.id = $3 and m.task_id = t.id) as milestone"
                + " from task t where t.id = $1 and t.deleted_at is null and " + TaskVisibility.writable("t") + " for update of t")
                .execute(Tuple.of(task, unit, milestone))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw DubanException.notFound("Task", taskId);
                    }
                    Row row = rows.iterator().next();
                    if (!row.getBoolean("responsible")) {
                        throw DubanException.validation("input.unitId", "that unit is not responsible for this task");
                    }
                    if (milestone != null && row.getString("milestone") == null) {
                        throw DubanException.validation("input.milestoneId", "not a milestone of this task");
                    }
                    TaskStatus status = TaskStatus.valueOf(row.getString("status"));
                    if (!status.isOpen()) {
                        throw DubanException.invalidTransition("Open work is urged; the task is " + status);
                    }
                    return row;
                })
                .chain(row -> connection.preparedQuery("insert into urging (task_id, unit_id, milestone_id, channel, message,"
                        + " person_reached, answer, urged_at, account_id, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
                        + " returning id")
                        .execute(Tuple.from(new Object[] { task, unit, milestone, input.channel().name(), message, person, answer,
                                at.atOffset(ZoneOffset.UTC), caller.accountId(), now.atOffset(ZoneOffset.UTC) }))
                        .map(rows -> rows.iterator().next().getLong("id"))
                        .call(id -> input.channel() != UrgingChannel.MESSAGE ? Uni.createFrom().voidItem()
                                : notices.tellUnits(connection, new Notices.Event(NotificationKind.URGING, "urging:" + id, task,
                                        MessageText.urging(row.getString("code"), row.getString("title"), row.getString("milestone"), message)),
                                        new Long[] { unit }, now).replaceWithVoid())));
    }

    /** The urged unit answers (or the office records its answer); an answer given stays. Returns the task id. */
    public Uni<Long> answer(String urgingId, String answer, Caller caller) {
        long id = Ids.parse(urgingId, IdKind.URGING);
        String text = blankToNull(answer);
        if (text == null || text.length() > 5000) {
            throw DubanException.validation("answer", "between 1 and 5000 characters");
        }
        return audit.withTransaction(connection -> connection.preparedQuery("select task_id, unit_id, answer from urging"
                + " where id = $1 and " + TaskVisibility.writableTaskId("urging.task_id") + " for update").execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw DubanException.notFound("Urging", urgingId);
                    }
                    Row row = rows.iterator().next();
                    if (!caller.is(Roles.ADMIN) && !row.getLong("unit_id").equals(caller.unitId())) {
                        if (!caller.is(Roles.UNIT)) {
                            throw new DubanException(ErrorCode.FORBIDDEN, "The urged unit answers", null);
                        }
                        throw DubanException.notFound("Urging", urgingId);
                    }
                    if (row.getString("answer") != null) {
                        throw DubanException.invalidTransition("This urging is answered already");
                    }
                    return row.getLong("task_id");
                })
                .call(task -> connection.preparedQuery("update urging set answer = $2 where id = $1").execute(Tuple.of(id, text.strip()))));
    }
}
