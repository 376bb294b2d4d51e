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
    INSPECTION;

    /** How a message of this kind is headed, in 【】 before its title. */
    public String label() {
        return switch (this) {
            case BEFORE_DEADLINE -> "即将到期";
            case DUE_TODAY -> "今日到期";
            case OVERDUE -> "已逾期";
            case ESCALATION -> "逾期督办";
            case INSTRUCTION -> "领导批示";
            case INSPECTION -> "督导检查";
        };
    }
}
