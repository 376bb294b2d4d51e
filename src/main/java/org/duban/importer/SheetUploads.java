package org.duban.importer;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.DubanException;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one writer of {@code sheet_upload}: a spreadsheet kept for the account that uploaded it until it imports it, a
 * day at most (each upload clears those older), so that the import may come to any instance.
 */
@ApplicationScoped
class SheetUploads {

    static final Duration KEPT = Duration.ofDays(1);

    private final Pool pool;
    private final Clock clock;

    SheetUploads(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    Uni<Long> store(long accountId, String fileName, Buffer content, String sha256) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        return pool.withTransaction(tx -> tx.preparedQuery("delete from sheet_upload where uploaded_at < $1")
                .execute(Tuple.of(now.minus(KEPT)))
                .chain(() -> tx.preparedQuery("insert into sheet_upload (account_id, file_name, content, sha256, uploaded_at)"
                        + " values ($1, $2, $3, $4, $5) returning id")
                        .execute(Tuple.tuple().addLong(accountId).addString(fileName).addBuffer(content).addString(sha256)
                                .addOffsetDateTime(now)))
                .map(rows -> rows.iterator().next().getLong("id")));
    }

    /** The content of the account's upload; NOT_FOUND for another's, or one kept past its day. */
    Uni<byte[]> content(long id, long accountId) {
        return pool.preparedQuery("select content from sheet_upload where id = $1 and account_id = $2 and uploaded_at >= $3")
                .execute(Tuple.of(id, accountId, clock.instant().minus(KEPT).atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw DubanException.notFound("SheetUpload", null);
                    }
                    return rows.iterator().next().getBuffer("content").getBytes();
                });
    }
}
