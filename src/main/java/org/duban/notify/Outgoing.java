package org.duban.notify;

import java.time.LocalDate;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Row;

/**
 * A claimed delivery with what its message says: a reminder of a deadline, or a notice (an instruction, an
 * inspection ahead), which has a title and body of its own and perhaps no task.
 */
record Outgoing(UUID id, String channel, String target, int attempts, NotificationKind kind, LocalDate dueOn, LocalDate remindOn,
        boolean late, int workingDaysOverdue, Long taskId, String taskCode, String taskTitle, Long unitId, String unitName,
        WebhookFormat webhookFormat, String webhookSecret, String noticeTitle, String noticeBody) {

    static Outgoing from(Row row) {
        String format = row.getString("webhook_format");
        return new Outgoing(row.getUUID("id"), row.getString("channel"), row.getString("target"), row.getInteger("attempts"),
                NotificationKind.valueOf(row.getString("kind")), row.getLocalDate("due_on"), row.getLocalDate("remind_on"),
                row.getBoolean("late"), row.getInteger("working_days_overdue"), row.getLong("task_id"),
                row.getString("code"), row.getString("title"), row.getLong("unit_id"), row.getString("unit_name"),
                format == null ? WebhookFormat.DUBAN : WebhookFormat.valueOf(format), row.getString("webhook_secret"),
                row.getString("notice_title"), row.getString("notice_body"));
    }

    boolean isNotice() {
        return noticeTitle != null;
    }

    String subject() {
        if (isNotice()) {
            return noticeTitle;
        }
        return "【" + kind.label() + "】" + taskCode + " " + taskTitle;
    }

    /** The plain-text message of robots and e-mail. */
    String text() {
        StringBuilder text = new StringBuilder(subject()).append('\n');
        if (unitName != null) {
            text.append("责任单位：").append(unitName).append('\n');
        }
        if (isNotice()) {
            return text.append(noticeBody).append('\n').toString();
        }
        text.append("截止日期：").append(dueOn).append('\n');
        if (workingDaysOverdue > 0) {
            text.append("已逾期：").append(workingDaysOverdue).append(" 个工作日\n");
        }
        if (late) {
            text.append("（此提醒因服务中断补发，原定 ").append(remindOn).append("）\n");
        }
        return text.toString();
    }
}
