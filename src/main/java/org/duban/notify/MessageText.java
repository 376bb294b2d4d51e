package org.duban.notify;

import java.time.LocalDate;

/**
 * Every message's words, written once when the message is: the in-app notification shows this title and body,
 * and robots and e-mail send the same (see {@link Outgoing#text()}). Nothing else composes message text.
 */
public final class MessageText {

    /** Longer task titles are cut here, so that a title fits an inbox line and a robot's first line alike. */
    static final int TASK_TITLE_LENGTH = 100;

    public record Message(String title, String body) {
    }

    private MessageText() {
    }

    /**
     * A reminder of a deadline, or of a milestone of the task when {@code milestone} names one. {@code workingDaysLeft}
     * counts for a BEFORE_DEADLINE reminder (the policy's N), {@code workingDaysOverdue} for OVERDUE and ESCALATION;
     * {@code late} when it comes after its time, as when no instance ran then.
     */
    public static Message reminder(NotificationKind kind, String taskCode, String taskTitle, String milestone, LocalDate dueOn,
            LocalDate remindOn, int workingDaysLeft, int workingDaysOverdue, boolean late) {
        String title = "【" + kind.label() + "】" + taskCode + " " + cut(taskTitle) + (milestone == null ? "" : " · 节点：" + cut(milestone));
        String date = milestone == null ? "截止日期" : "节点“" + cut(milestone) + "”日期";
        String body = switch (kind) {
            case BEFORE_DEADLINE -> date + " " + dueOn + "，还有 " + workingDaysLeft + " 个工作日，请按时完成并报送进展。";
            case DUE_TODAY -> remindOn.equals(dueOn) ? "今日为" + date + "（" + dueOn + "），请完成并报送。"
                    : date + " " + dueOn + " 不是工作日，今日是此前最后一个工作日，请完成并报送。";
            case OVERDUE -> (milestone == null ? "" : "节点“" + cut(milestone) + "”") + "已于 " + dueOn + " 到期，逾期 "
                    + workingDaysOverdue + " 个工作日，请尽快办理。";
            case ESCALATION -> (milestone == null ? "任务" : "任务节点“" + cut(milestone) + "”") + "已逾期 " + workingDaysOverdue
                    + " 个工作日（截止 " + dueOn + "），请督促责任单位办理。";
            case URGING -> (milestone == null ? "任务" : "任务节点“" + cut(milestone) + "”") + "已逾期 " + workingDaysOverdue
                    + " 个工作日（截止 " + dueOn + "），现予催办，请立即办理并反馈。";
            default -> throw new IllegalArgumentException(kind + " is a notice, not a reminder");
        };
        return new Message(title, late ? body + "（此提醒因服务中断补发，原定 " + remindOn + "）" : body);
    }

    /** A leader's instruction (批示) on a task, to its responsible units. */
    public static Message instruction(String taskCode, String taskTitle, String text) {
        return new Message(NotificationKind.INSTRUCTION.label() + "：" + taskCode + " " + cut(taskTitle), text);
    }

    /** An inspection of a plan ahead, to the plan's responsible units. */
    public static Message inspection(String inspectingBody, LocalDate startsOn, LocalDate endsOn, String planTitle,
            String documentNumber) {
        return new Message(NotificationKind.INSPECTION.label() + "：" + inspectingBody + " " + startsOn + "至" + endsOn,
                "《" + planTitle + "》" + (documentNumber == null ? "" : "（" + documentNumber + "）") + "的整改落实情况将接受" + inspectingBody + "检查，请提前做好准备。");
    }

    /** A task assigned to a unit (交办): its deadline (or that it recurs), the unit's role, and by when to sign for it. */
    public static Message assigned(String taskCode, String taskTitle, LocalDate deadline, boolean recurring, String roleLabel,
            LocalDate signBy) {
        String due = recurring ? "按周期报送" : deadline == null ? "未定截止日期" : "截止日期 " + deadline;
        return new Message(head(NotificationKind.ASSIGNED, taskCode, taskTitle),
                "本单位为" + roleLabel + "，" + due + "。请于 " + signBy + " 前签收，或说明理由退回。");
    }

    /** A move of the workflow, with the reason or note the office gave. */
    public static Message moved(NotificationKind kind, String taskCode, String taskTitle, String unitName, String why) {
        String body = switch (kind) {
            case SUBMITTED -> unitName + "已报送办结，请审核销号。";
            case REJECTED -> "报送未通过审核，已退回办理。";
            case SIGNED_OFF -> "任务已审核销号。";
            case SUSPENDED -> "任务已中止。";
            case REOPENED -> "任务已重新进入办理。";
            default -> throw new IllegalArgumentException(kind + " is not a move");
        };
        return new Message(head(kind, taskCode, taskTitle), why == null ? body : body + (kind == NotificationKind.SUBMITTED
                ? "办结说明：" : kind == NotificationKind.SIGNED_OFF ? "说明：" : "理由：") + why);
    }

    /** The office's decision on an extension the unit asked for. */
    public static Message extensionDecided(String taskCode, String taskTitle, boolean approved, LocalDate asked, String note) {
        String body = approved ? "延期申请已批准，截止日期调整为 " + asked + "。" : "延期申请未获批准，截止日期不变。";
        return new Message(head(NotificationKind.EXTENSION_DECIDED, taskCode, taskTitle), note == null ? body : body + "意见：" + note);
    }

    /** A milestone reached, or passed unmet on its date. */
    public static Message milestone(boolean reached, String taskCode, String taskTitle, String milestone, LocalDate dueOn) {
        return new Message(head(reached ? NotificationKind.MILESTONE_REACHED : NotificationKind.MILESTONE_MISSED, taskCode, taskTitle),
                "节点“" + cut(milestone) + "”（" + dueOn + "）" + (reached ? "已完成。" : "到期未完成，请尽快办理。"));
    }

    /** A unit that has not signed for a task in time (领办逾期). */
    public static Message signOverdue(String taskCode, String taskTitle, LocalDate signBy) {
        return new Message(head(NotificationKind.SIGN_OVERDUE, taskCode, taskTitle),
                "应于 " + signBy + " 前签收，至今未签收，请立即签收或说明理由退回。");
    }

    /** To the office: a unit returned a task as not its own (退回). */
    public static Message returned(String taskCode, String taskTitle, String unitName, String reason) {
        return new Message(head(NotificationKind.RETURNED, taskCode, taskTitle), unitName + "退回此任务，理由：" + reason + "。请决定改派或坚持交办。");
    }

    /** The office's decision on a returned task, to the unit that returned it. */
    public static Message returnDecided(String taskCode, String taskTitle, boolean reassigned, String note) {
        String body = reassigned ? "退回已同意，任务已改派其他单位。" : "退回未同意，任务仍由本单位承办，请签收办理。";
        return new Message(head(NotificationKind.RETURN_DECIDED, taskCode, taskTitle), note == null ? body : body + "意见：" + note);
    }

    /** The office urges a unit (催办), about the task or one of its milestones. */
    public static Message urging(String taskCode, String taskTitle, String milestone, String text) {
        String title = head(NotificationKind.URGING, taskCode, taskTitle) + (milestone == null ? "" : " · 节点：" + cut(milestone));
        return new Message(title, text);
    }

    /** To the leader: a unit's answer to their instruction. */
    public static Message instructionAnswered(String taskCode, String taskTitle, String unitName, String answer) {
        return new Message(head(NotificationKind.INSTRUCTION_ANSWERED, taskCode, taskTitle), unitName + "报告落实情况：" + answer);
    }

    /** An instruction still to be answered: {@code workingDays} left (0 on the day), or overdue when negative. */
    public static Message instructionDue(String taskCode, String taskTitle, LocalDate answerBy, int workingDays) {
        String when = workingDays > 0 ? "还有 " + workingDays + " 个工作日" : workingDays == 0 ? "今日到期"
                : "已逾期 " + -workingDays + " 个工作日";
        return new Message(head(NotificationKind.INSTRUCTION_DUE, taskCode, taskTitle),
                "领导批示要求于 " + answerBy + " 前报告落实情况，" + when + "，请及时报告。");
    }

    /** A supervision notice (督办单) to the unit: its number and level, the facts, what is required and by when. */
    public static Message supervisionNotice(String number, String levelWords, String taskCode, String taskTitle, String facts,
            String requirement, LocalDate replyBy) {
        return new Message("【" + NotificationKind.SUPERVISION_NOTICE.label() + "】" + number + "（" + levelWords + "）" + taskCode + " "
                + cut(taskTitle), facts + requirement + "请于 " + replyBy + " 前书面回复办理情况。");
    }

    /** A supervision notice still to be replied to: {@code workingDays} left (0 on the day), or overdue when negative. */
    public static Message supervisionNoticeDue(String number, String taskCode, String taskTitle, LocalDate replyBy, int workingDays) {
        String when = workingDays > 0 ? "还有 " + workingDays + " 个工作日" : workingDays == 0 ? "今日到期"
                : "已逾期 " + -workingDays + " 个工作日";
        return new Message(head(NotificationKind.SUPERVISION_NOTICE_DUE, taskCode, taskTitle),
                "督办通知 " + number + " 要求于 " + replyBy + " 前回复办理情况，" + when + "，请及时回复。");
    }

    /** To the office: a unit's reply to a supervision notice. */
    public static Message supervisionNoticeReplied(String number, String taskCode, String taskTitle, String unitName, String reply) {
        return new Message(head(NotificationKind.SUPERVISION_NOTICE_REPLIED, taskCode, taskTitle),
                unitName + "回复督办通知 " + number + "：" + reply);
    }

    /** One line of a unit's weekly digest of overdue items. */
    public record DigestItem(String taskCode, String taskTitle, LocalDate dueOn, int workingDaysOverdue) {
    }

    /** The weekly digest of a unit's overdue items, in place of a message each. */
    public static Message overdueDigest(String unitName, java.util.List<DigestItem> items) {
        StringBuilder body = new StringBuilder(unitName).append("有 ").append(items.size()).append(" 项任务逾期未完成：");
        for (DigestItem item : items) {
            body.append('\n').append(item.taskCode()).append(' ').append(cut(item.taskTitle())).append("（截止 ")
                    .append(item.dueOn()).append("，逾期 ").append(item.workingDaysOverdue()).append(" 个工作日）");
        }
        return new Message("【" + NotificationKind.OVERDUE_DIGEST.label() + "】" + items.size() + " 项任务逾期",
                body.append('\n').append("请尽快办理。").toString());
    }

    private static String head(NotificationKind kind, String taskCode, String taskTitle) {
        return "【" + kind.label() + "】" + taskCode + " " + cut(taskTitle);
    }

    private static String cut(String text) {
        return text.codePointCount(0, text.length()) <= TASK_TITLE_LENGTH ? text
                : text.substring(0, text.offsetByCodePoints(0, TASK_TITLE_LENGTH));
    }
}
