package org.duban.evidence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Where evidence files live. The database keeps them by default ({@link DatabaseEvidenceStore}); a filesystem
 * or S3-compatible store implements this and is selected as a CDI alternative. The evidence row, its digest
 * and every access check stay in the database whatever the store.
 */
public interface EvidenceStore {

    /**
     * Keeps the content of the evidence row just inserted on {@code transaction}; returns the key to load it by.
     * A store outside the database writes before the transaction commits, so a rolled-back upload may leave an
     * unreferenced object behind, never a row without content.
     */
    Uni<String> save(SqlConnection transaction, long evidenceId, Buffer content);

    /** The content kept under the key. */
    Uni<Buffer> load(String storageKey);
}
