package org.duban.notify;

import org.eclipse.microprofile.graphql.Description;

/** What an in-app notification is about: one of the reminder kinds, or a notice the office sends. */
public enum NotificationKind {
    @Description("Reminder: N working days before the deadline")
    BEFORE_DEADLINE,
    @Description("Reminder: on the deadline, or the last working day before it")
    DUE_TODAY,
    @Description("Reminder: the task is overdue")
    OVERDUE,
    @Description("Reminder: escalated to the leading group")
    ESCALATION,
    @Description("A leader's instruction (批示) on a task of the unit")
    INSTRUCTION,
    @Description("An inspection (督导检查) of a plan the unit works on is ahead")
    INSPECTION
}
