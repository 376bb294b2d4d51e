package org.duban.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("Delivery")
@Description("A reminder or notice on its way through a webhook or e-mail. The id is the X-Duban-Delivery header: "
        + "receivers drop repeats by it.")
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
        @NonNull NotificationKind kind,
        @Description("The day of the reminder; null for a notice") LocalDate remindOn,
        @Description("The deadline reminded of; null for a notice") LocalDate occurrenceDeadline,
        @Ignore Long taskId) {

    static final String COLUMNS = "d.id, d.channel, d.target, d.status, d.attempts, d.next_attempt_at, d.last_error,"
            + " d.sent_at, d.created_at, coalesce(r.kind, n.kind) as kind, r.remind_on, r.due_on, coalesce(r.task_id, n.task_id) as task_id";
    static final String JOINS = " left join reminder r on r.id = d.reminder_id left join notice n on n.id = d.notice_id";
    static final String FROM = " from delivery d" + JOINS;
    /** The region a delivery belongs to: its task's plan's (a notice without a task, such as an inspection's, has none). */
    static final String REGION = "(select p.region_id from task t join plan p on p.id = t.plan_id where t.id = coalesce(r.task_id, n.task_id))";

    static Delivery from(Row row) {
        OffsetDateTime sent = row.getOffsetDateTime("sent_at");
        return new Delivery(row.getUUID("id").toString(), row.getString("channel"), row.getString("target"),
                DeliveryStatus.valueOf(row.getString("status")), row.getInteger("attempts"),
                row.getOffsetDateTime("next_attempt_at").toInstant(), row.getString("last_error"),
                sent == null ? null : sent.toInstant(), row.getOffsetDateTime("created_at").toInstant(),
                NotificationKind.valueOf(row.getString("kind")), row.getLocalDate("remind_on"), row.getLocalDate("due_on"),
                row.getLong("task_id"));
    }
}
