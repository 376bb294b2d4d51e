package org.duban.common.sql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.duban.common.DubanException;
import org.duban.common.TrackedRow;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

/** Small steps every table writer and reader takes with the SQL client's rows. */
public final class Rows {

    private Rows() {
    }

    public static <T> List<T> map(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> result = new ArrayList<>(rows.size());
        for (Row row : rows) {
            result.add(mapper.apply(row));
        }
        return result;
    }

    /** The first row mapped, or null when there is none. */
    public static <T> T first(RowSet<Row> rows, Function<Row, T> mapper) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? mapper.apply(iterator.next()) : null;
    }

    /** The id an {@code insert ... returning id} gave its one row. */
    public static long id(RowSet<Row> rows) {
        return rows.iterator().next().getLong("id");
    }

    /** The ids an {@code insert ... returning id} of many rows gave them, in the order they were inserted. */
    public static List<Long> ids(RowSet<Row> rows) {
        return map(rows, row -> row.getLong("id"));
    }

    /** An instant as the client binds a {@code timestamptz}. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    public static <E extends Enum<E>> E enumOf(Row row, String column, Class<E> type) {
        String value = row.getString(column);
        return value == null ? null : Enum.valueOf(type, value);
    }

    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /**
     * After an update guarded by {@code where id = ... and version = <the version read>}: the row's version moves
     * on with the database's, or CONFLICT when another transaction changed the row since it was read.
     */
    public static void requireUpdated(RowSet<Row> rows, TrackedRow row, String what) {
        if (rows.rowCount() == 0) {
            throw DubanException.conflict(what + " " + row.id + " was changed meanwhile; reload and try again");
        }
        row.version++;
    }
}
