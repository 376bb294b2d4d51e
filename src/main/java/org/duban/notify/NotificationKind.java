package org.duban.notify;

import org.eclipse.microprofile.graphql.Description;

/** What an in-app notification is about: one of the reminder kinds, or a notice of something that happened. */
public enum NotificationKind {
    @Description("Reminder: N working days before the deadline")
    BEFORE_DEADLINE,
    @Description("Reminder: on the deadline, or the last working day before it")
    DUE_TODAY,
    @Description("Reminder: the task is overdue")
    OVERDUE,
    @Description("Reminder: escalated to the leading group")
    ESCALATION,
    @Description("Urging (催办): the office's, or the automatic one of the plan's urging ladder")
    URGING,
    @Description("A leader's instruction (批示) on a task of the unit")
    INSTRUCTION,
    @Description("An inspection (督导检查) of a plan the unit works on is ahead")
    INSPECTION,
    @Description("A task assigned to the unit (交办), with its deadline and the unit's role; to be signed for")
    ASSIGNED,
    @Description("To the office: a lead unit submitted a task for sign-off")
    SUBMITTED,
    @Description("The office sent a submission back (驳回), with its reason")
    REJECTED,
    @Description("The office signed a task off (销号)")
    SIGNED_OFF,
    @Description("The office suspended a task (中止), with its reason")
    SUSPENDED,
    @Description("The office took a suspended or signed-off task up again")
    REOPENED,
    @Description("The office decided the unit's request for an extension")
    EXTENSION_DECIDED,
    @Description("A milestone (节点) of the task was reached")
    MILESTONE_REACHED,
    @Description("A milestone (节点) of the task passed unmet")
    MILESTONE_MISSED,
    @Description("The unit has not signed for a task within the time allowed (领办逾期)")
    SIGN_OVERDUE,
    @Description("To the office: a unit returned a task as not its own (退回), with its reason")
    RETURNED,
    @Description("The office decided a task the unit returned: assigned elsewhere, or the unit's after all")
    RETURN_DECIDED,
    @Description("To the leader: a unit answered an instruction (落实情况)")
    INSTRUCTION_ANSWERED,
    @Description("Reminder: an instruction awaits the unit's answer by its date")
    INSTRUCTION_DUE,
    @Description("The weekly digest of a unit's overdue items, in place of a message each")
    OVERDUE_DIGEST,
    @Description("A supervision notice (督办单) the office issued to the unit, blue, yellow or red, to reply to by its date")
    SUPERVISION_NOTICE,
    @Description("Reminder: a supervision notice awaits the unit's reply by its date")
    SUPERVISION_NOTICE_DUE,
    @Description("To the office: a unit replied to a supervision notice")
    SUPERVISION_NOTICE_REPLIED;

    /** How a message of this kind is headed, in 【】 before its title. */
    public String label() {
        return switch (this) {
            case BEFORE_DEADLINE -> "即将到期";
            case DUE_TODAY -> "今日到期";
            case OVERDUE -> "已逾期";
            case ESCALATION -> "逾期督办";
            case URGING -> "催办";
            case INSTRUCTION -> "领导批示";
            case INSPECTION -> "督导检查";
            case ASSIGNED -> "交办";
            case SUBMITTED -> "待审核";
            case REJECTED -> "驳回";
            case SIGNED_OFF -> "销号";
            case SUSPENDED -> "中止";
            case REOPENED -> "重新办理";
            case EXTENSION_DECIDED -> "延期审批";
            case MILESTONE_REACHED -> "节点完成";
            case MILESTONE_MISSED -> "节点逾期";
            case SIGN_OVERDUE -> "领办逾期";
            case RETURNED -> "退回";
            case RETURN_DECIDED -> "退回处理";
            case INSTRUCTION_ANSWERED -> "批示落实";
            case INSTRUCTION_DUE -> "批示待落实";
            case OVERDUE_DIGEST -> "逾期汇总";
            case SUPERVISION_NOTICE -> "督办通知";
            case SUPERVISION_NOTICE_DUE -> "督办待回复";
            case SUPERVISION_NOTICE_REPLIED -> "督办回复";
        };
    }
}
