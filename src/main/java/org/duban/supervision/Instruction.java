package org.duban.supervision;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("Instruction")
@Description("A leader's instruction (批示) on a task; the responsible units are notified.")
public record Instruction(
        @Id long id,
        @NonNull String text,
        @Description("Who wrote it") String author,
        @NonNull Instant createdAt,
        @Ignore long taskId) {

    static final String COLUMNS = "i.id, i.task_id, i.body, i.created_at,"
            + " (select a.display_name from account a where a.id = i.account_id) as author";

    static Instruction from(Row row) {
        return new Instruction(row.getLong("id"), row.getString("body"), row.getString("author"),
                row.getOffsetDateTime("created_at").toInstant(), row.getLong("task_id"));
    }
}
