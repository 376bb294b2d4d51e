package org.duban.common.sql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.duban.common.DubanException;
import org.duban.common.TrackedRow;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

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

    /**
     * The owners (tasks, plans) among {@code wanted} whose child rows would change: {@code held} are the rows they have,
     * in their order, keyed by {@code ownerColumn}; a child's content is what a write would set. A writer that replaces
     * only these leaves the others' rows, and their audit trail, alone.
     */
    public static <T> Map<Long, List<T>> changed(Map<Long, List<T>> wanted, RowSet<Row> held, String ownerColumn,
            Function<Row, List<Object>> heldContent, Function<T, List<Object>> wantedContent) {
        Map<Long, List<List<Object>>> current = new HashMap<>();
        for (Row row : held) {
            current.computeIfAbsent(row.getLong(ownerColumn), owner -> new ArrayList<>()).add(heldContent.apply(row));
        }
        Map<Long, List<T>> result = new LinkedHashMap<>();
        wanted.forEach((owner, children) -> {
            if (!children.stream().map(wantedContent).toList().equals(current.getOrDefault(owner, List.of()))) {
                result.put(owner, children);
            }
        });
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

    /** Runs an {@code insert ... returning id} of one row; its id. */
    public static Uni<Long> insert(SqlClient sql, String statement, Object... values) {
        return sql.preparedQuery(statement).execute(Tuple.from(values)).map(Rows::id);
    }

    /**
     * Runs an update of a row read in this transaction, guarded by the version read: {@code $1} is the row's id,
     * {@code $2} that version ({@code where id = $1 and version = $2}), then the values. The row's version moves on
     * with the database's, or CONFLICT when another transaction changed the row since it was read.
     */
    public static Uni<Void> update(SqlClient sql, String statement, TrackedRow row, String what, Object... values) {
        Object[] all = new Object[values.length + 2];
        all[0] = row.id;
        all[1] = row.version;
        System.arraycopy(values, 0, all, 2, values.length);
        return sql.preparedQuery(statement).execute(Tuple.from(all)).invoke(rows -> {
            if (rows.rowCount() == 0) {
                throw DubanException.conflict(what + " " + row.id + " was changed meanwhile; reload and try again");
            }
            row.version++;
        }).replaceWithVoid();
    }
}
