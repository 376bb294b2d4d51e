package org.duban.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.duban.reminder.ReminderKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("Delivery")
@Description("A reminder on its way through a webhook or e-mail. The id is the X-Duban-Delivery header: receivers "
        + "drop repeats by it.")
public record Delivery(
        @NonNull @Id String id,
        @NonNull @Description("WEBHOOK or EMAIL") String channel,
        @NonNull @Description("The webhook address or e-mail address") String target,
        @NonNull DeliveryStatus status,
        int attempts,
        @NonNull Instant nextAttemptAt,
        String lastError,
        Instant sentAt,
        @NonNull Instant createdAt,
        @NonNull ReminderKind kind,
        @NonNull LocalDate remindOn,
        @NonNull @Description("The deadline reminded of") LocalDate occurrenceDeadline,
        @Ignore long taskId) {

    static final String COLUMNS = "d.id, d.channel, d.target, d.status, d.attempts, d.next_attempt_at, d.last_error,"
            + " d.sent_at, d.created_at, r.kind, r.remind_on, r.due_on, r.task_id";
    static final String FROM = " from delivery d join reminder r on r.id = d.reminder_id";

    static Delivery from(Row row) {
        OffsetDateTime sent = row.getOffsetDateTime("sent_at");
        return new Delivery(row.getUUID("id").toString(), row.getString("channel"), row.getString("target"),
                DeliveryStatus.valueOf(row.getString("status")), row.getInteger("attempts"),
                row.getOffsetDateTime("next_attempt_at").toInstant(), row.getString("last_error"),
                sent == null ? null : sent.toInstant(), row.getOffsetDateTime("created_at").toInstant(),
                ReminderKind.valueOf(row.getString("kind")), row.getLocalDate("remind_on"), row.getLocalDate("due_on"),
                row.getLong("task_id"));
    }
}
