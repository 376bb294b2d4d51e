package org.duban.plan;

import java.time.Instant;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("Deliverable")
@Description("A checklist item of a task, such as one of the nine systems of (一)2.")
public record Deliverable(@Id @GlobalId(IdKind.DELIVERABLE) long id, @NonNull String title, boolean done, Instant doneAt, int ordinal,
        @Ignore long taskId) {

    static Deliverable from(Row row) {
        var doneAt = row.getOffsetDateTime("done_at");
        return new Deliverable(row.getLong("id"), row.getString("title"), row.getBoolean("done"),
                doneAt == null ? null : doneAt.toInstant(), row.getInteger("ordinal"), row.getLong("task_id"));
    }
}
