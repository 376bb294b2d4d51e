package org.duban.common;

import java.time.Instant;

import io.vertx.mutiny.sqlclient.Row;

/**
 * A row that keeps when it was made and last changed, and a version that each update raises: an update names the
 * version it read, so one based on a row another transaction changed meanwhile answers CONFLICT.
 */
public abstract class TrackedRow {

    public Long id;

    public Instant createdAt;

    public Instant updatedAt;

    public int version;

    /** Stamps a change at {@code now} (the injected clock's): made then if new, changed then always. */
    public void touch(Instant now) {
        if (createdAt == null) {
            createdAt = now;
        }
        updatedAt = now;
    }

    /** Reads the tracked columns ({@code id, created_at, updated_at, version}) of a selected row. */
    protected void readTracked(Row row) {
        id = row.getLong("id");
        createdAt = row.getOffsetDateTime("created_at").toInstant();
        updatedAt = row.getOffsetDateTime("updated_at").toInstant();
        version = row.getInteger("version");
    }
}
