package org.duban.reminder;

import java.time.Instant;
import java.time.LocalDate;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("Reminder")
@Description("A reminder the scheduler wrote: once per task occurrence, recipient and day.")
public record WrittenReminder(
        @Id @GlobalId(IdKind.REMINDER) long id,
        @NonNull ReminderKind kind,
        @NonNull LocalDate remindOn,
        @NonNull Instant remindAt,
        @NonNull Instant writtenAt,
        @NonNull LocalDate occurrenceDeadline,
        int workingDaysOverdue,
        @Description("Written after its time, e.g. after the service was down; the message says so") boolean late,
        boolean calendarMissing,
        @Description("Nobody could be told: no member units, no accounts and no channels. The office follows up.")
        boolean undeliverable,
        @Ignore long taskId,
        @Ignore Recipient recipient) {

    static final String COLUMNS = "r.id, r.kind, r.remind_on, r.remind_at, r.written_at, r.due_on, r.working_days_overdue,"
            + " r.late, r.calendar_missing, r.undeliverable, r.task_id, r.recipient";

    static WrittenReminder from(Row row) {
        return new WrittenReminder(row.getLong("id"), ReminderKind.valueOf(row.getString("kind")), row.getLocalDate("remind_on"),
                row.getOffsetDateTime("remind_at").toInstant(), row.getOffsetDateTime("written_at").toInstant(),
                row.getLocalDate("due_on"), row.getInteger("working_days_overdue"), row.getBoolean("late"),
                row.getBoolean("calendar_missing"), row.getBoolean("undeliverable"), row.getLong("task_id"),
                Recipient.parse(row.getString("recipient")));
    }

    @Ignore
    public Long unitId() {
        return recipient.unitId();
    }
}
