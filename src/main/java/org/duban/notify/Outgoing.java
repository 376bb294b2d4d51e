package org.duban.notify;

import java.time.LocalDate;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Row;

/**
 * A claimed delivery with its message: a reminder of a deadline, or a notice (an instruction, an inspection ahead),
 * which may be about no task. Its words were written with the message ({@link MessageText}).
 */
record Outgoing(UUID id, String channel, String target, int attempts, NotificationKind kind, String title, String body,
        boolean isNotice, LocalDate dueOn, LocalDate remindOn, boolean late, int workingDaysOverdue, Long taskId,
        String taskCode, String taskTitle, Long unitId, String unitName, WebhookFormat webhookFormat, String webhookSecret) {

    static Outgoing from(Row row) {
        String format = row.getString("webhook_format");
        return new Outgoing(row.getUUID("id"), row.getString("channel"), row.getString("target"), row.getInteger("attempts"),
                NotificationKind.valueOf(row.getString("kind")), row.getString("title"), row.getString("body"),
                row.getBoolean("notice"), row.getLocalDate("due_on"), row.getLocalDate("remind_on"), row.getBoolean("late"),
                row.getInteger("working_days_overdue"), row.getLong("task_id"), row.getString("code"),
                row.getString("task_title"), row.getLong("unit_id"), row.getString("unit_name"),
                format == null ? WebhookFormat.DUBAN : WebhookFormat.valueOf(format), row.getString("webhook_secret"));
    }

    String subject() {
        return title;
    }

    /** The plain-text message of robots and e-mail: the in-app title and body, with the unit it is for. */
    String text() {
        StringBuilder text = new StringBuilder(title).append('\n');
        if (unitName != null) {
            text.append("责任单位：").append(unitName).append('\n');
        }
        return text.append(body).append('\n').toString();
    }
}
