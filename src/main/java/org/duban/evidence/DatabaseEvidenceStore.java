package org.duban.evidence;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Evidence files as bytea beside their rows: one backup holds everything, and nothing else needs running. */
@ApplicationScoped
public class DatabaseEvidenceStore implements EvidenceStore {

    private static final String PREFIX = "pg:";

    private final Pool pool;

    DatabaseEvidenceStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<String> save(SqlConnection transaction, long evidenceId, Buffer content) {
        return transaction.preparedQuery("insert into evidence_content (evidence_id, content) values ($1, $2)")
                .execute(Tuple.tuple().addLong(evidenceId).addBuffer(content))
                .replaceWith(PREFIX + evidenceId);
    }

    @Override
    public Uni<Buffer> load(String storageKey) {
        long id = Long.parseLong(storageKey.substring(PREFIX.length()));
        return pool.preparedQuery("select content from evidence_content where evidence_id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getBuffer("content"));
    }
}
