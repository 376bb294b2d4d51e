package org.duban.reminder;

import org.duban.notify.NotificationKind;
import org.eclipse.microprofile.graphql.Description;

/** In rising urgency: reminders for one task, recipient and day collapse into the most urgent. */
public enum ReminderKind {
    @Description("N working days before the deadline")
    BEFORE_DEADLINE,
    @Description("On the deadline, or the last working day before it when it falls on a non-working day")
    DUE_TODAY,
    @Description("While the task is overdue: every working day at first, then at the policy's interval")
    OVERDUE,
    @Description("To the plan's leading group once a task has been overdue for more than the policy's working days")
    ESCALATION,
    @Description("The automatic urging (催办) of the policy's ladder, once, in place of that day's overdue reminder")
    URGING;

    public int urgency() {
        return ordinal();
    }

    /** The same kind among the notifications and deliveries it causes. */
    public NotificationKind notificationKind() {
        return NotificationKind.valueOf(name());
    }
}
