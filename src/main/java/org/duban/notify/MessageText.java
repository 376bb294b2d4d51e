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
            case INSTRUCTION, INSPECTION -> throw new IllegalArgumentException(kind + " is a notice, not a reminder");
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
                "《" + planTitle + "》（" + documentNumber + "）的整改落实情况将接受" + inspectingBody + "检查，请提前做好准备。");
    }

    private static String cut(String text) {
        return text.codePointCount(0, text.length()) <= TASK_TITLE_LENGTH ? text
                : text.substring(0, text.offsetByCodePoints(0, TASK_TITLE_LENGTH));
    }
}
