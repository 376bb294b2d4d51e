package org.duban.notify;

import java.time.Instant;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.duban.common.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("Notification")
@Description("An in-app notification for the signed-in account: a reminder of a task's deadline, a leader's instruction, or an inspection ahead.")
public record Notification(
        @Id @GlobalId(IdKind.NOTIFICATION) long id,
        @NonNull NotificationKind kind,
        @NonNull String title,
        @NonNull String body,
        @NonNull Instant createdAt,
        @Description("When the account marked it read; null while unread") Instant readAt,
        @Ignore Long taskId) implements Node {

    static final String COLUMNS = "n.id, n.kind, n.title, n.body, n.created_at, n.read_at, n.task_id";

    static Notification from(Row row) {
        return new Notification(row.getLong("id"), NotificationKind.valueOf(row.getString("kind")), row.getString("title"),
                row.getString("body"), row.getOffsetDateTime("created_at").toInstant(),
                row.getOffsetDateTime("read_at") == null ? null : row.getOffsetDateTime("read_at").toInstant(),
                row.getLong("task_id"));
    }
}
