package org.duban.evidence;

import java.time.Instant;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("Evidence")
@Description("Evidence on a task (佐证材料): an uploaded file or a link. Those who see the task see its evidence.")
public record Evidence(
        @Id @GlobalId(IdKind.EVIDENCE) long id,
        @NonNull EvidenceKind kind,
        @Description("The name the file was uploaded under") String fileName,
        @Description("Told from the content, not the name") String contentType,
        Integer sizeBytes,
        @Description("SHA-256 of the file, hex") String sha256,
        @Description("GET it with the same Authorization header: /evidence/{id}") String downloadPath,
        String url,
        String title,
        @NonNull Instant createdAt,
        @Ignore long taskId) implements Node {

    public static final String PATH = "/evidence/";
    static final String COLUMNS = "e.id, e.task_id, e.kind, e.file_name, e.content_type, e.size_bytes, e.sha256, e.url, e.title,"
            + " e.created_at";

    static Evidence from(Row row) {
        EvidenceKind kind = EvidenceKind.valueOf(row.getString("kind"));
        Long size = row.getLong("size_bytes");
        return new Evidence(row.getLong("id"), kind, row.getString("file_name"), row.getString("content_type"),
                size == null ? null : size.intValue(), row.getString("sha256"),
                kind == EvidenceKind.FILE ? PATH + Ids.of(IdKind.EVIDENCE, row.getLong("id")) : null, row.getString("url"), row.getString("title"),
                row.getOffsetDateTime("created_at").toInstant(), row.getLong("task_id"));
    }
}
