package org.duban.notify;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("SentMessage")
@Description("A message about a task (a reminder, an urging, a notice of a move), with who got it and who read it.")
public record SentMessage(
        @NonNull NotificationKind kind,
        @NonNull String title,
        @NonNull String body,
        @NonNull Instant writtenAt,
        @Description("The unit it was for; null for one to accounts (the office, a leader)") String unitName,
        @NonNull @Description("Per recipient account in the app, and per webhook and e-mail address") List<@NonNull Receipt> receipts,
        @Ignore long taskId,
        @Ignore String key) {

    @Type("Receipt")
    @Description("How a message reached one recipient: IN_APP for an account (delivered when written, read when marked read), "
            + "WEBHOOK or EMAIL with the delivery's outcome.")
    public record Receipt(
            @NonNull String channel,
            @Description("The account, for IN_APP and a person's e-mail") String username,
            @Description("The webhook URL or e-mail address") String target,
            @Description("When it reached the recipient: the in-app notification written, the webhook or e-mail accepted") Instant deliveredAt,
            @Description("When the account marked it read (IN_APP)") Instant readAt,
            @Description("The delivery's status (WEBHOOK, EMAIL); null for IN_APP") DeliveryStatus status,
            @Description("Why the last attempt failed, or why it was not sent") String lastError,
            @Ignore String key) {

        static Receipt from(Row row) {
            String status = row.getString("status");
            return new Receipt(row.getString("channel"), row.getString("username"), row.getString("target"),
                    instant(row, "delivered_at"), instant(row, "read_at"), status == null ? null : DeliveryStatus.valueOf(status),
                    row.getString("last_error"), row.getString("key"));
        }
    }

    static SentMessage from(Row row, List<Receipt> receipts) {
        return new SentMessage(NotificationKind.valueOf(row.getString("kind")), row.getString("title"), row.getString("body"),
                instant(row, "written_at"), row.getString("unit_name"), receipts, row.getLong("task_id"), row.getString("key"));
    }

    private static Instant instant(Row row, String column) {
        var value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
