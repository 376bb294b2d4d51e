package org.duban.reminder;

import org.duban.notify.NotificationKind;
import org.eclipse.microprofile.graphql.Description;

/** In rising urgency: reminders for one task, recipient and day collapse into the most urgent. */
public enum ReminderKind {
    @Description("N working days before the deadline")
    BEFORE_DEADLINE,
    @Description("On the deadline, or the last working day before it when it falls on a non-working day")
    DUE_TODAY,
    @Description("Every working day while the task is overdue")
    OVERDUE,
    @Description("To the plan's leading group once a task has been overdue for more than the policy's working days")
    ESCALATION;

    public int urgency() {
        return ordinal();
    }

    /** The same kind among the notifications and deliveries it causes. */
    public NotificationKind notificationKind() {
        return NotificationKind.valueOf(name());
    }
}
