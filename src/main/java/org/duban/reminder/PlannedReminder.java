package org.duban.reminder;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("PlannedReminder")
@Description("A reminder the policy gives at a moment: what the scheduler writes when the moment comes (or wrote, "
        + "for a past one).")
public record PlannedReminder(
        @NonNull ReminderKind kind,
        @NonNull Instant remindAt,
        @NonNull @Description("The deadline reminded of: the task's, the occurrence's for a recurring task, or a milestone's")
        LocalDate occurrenceDeadline,
        @Description("The milestone reminded of, by title; null for the task's deadline") String milestone,
        @Description("Working days past the deadline on the reminder's day; 0 before it") int workingDaysOverdue,
        @Description("The day's year (or the deadline's) has no holiday notice loaded: only weekends were taken as "
                + "non-working days") boolean calendarMissing,
        @Ignore long taskId,
        @Ignore Recipient recipient) {

    static PlannedReminder of(DueReminder due) {
        return new PlannedReminder(due.kind(), due.remindAt(), due.dueOn(), due.milestone(), due.workingDaysOverdue(),
                due.calendarMissing(),
                due.taskId(), due.recipient());
    }

    @Ignore
    public Long unitId() {
        return recipient.unitId();
    }

    @Ignore
    public String recipientKey() {
        return recipient.key();
    }
}
