package org.duban.reminder;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A reminder the policy gives for a day: what the scheduler writes and the preview shows. {@code workingDaysLeft}
 * is the policy's N of a BEFORE_DEADLINE reminder, {@code workingDaysOverdue} counts from the deadline on;
 * {@code milestone} names the milestone whose date {@code dueOn} is, null for the task's deadline.
 */
public record DueReminder(long taskId, LocalDate dueOn, Recipient recipient, LocalDate remindOn, Instant remindAt,
        ReminderKind kind, boolean calendarMissing, int workingDaysOverdue, int workingDaysLeft, String milestone) {
}
