package org.duban.common.page;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.duban.common.sql.SqlParams;

import io.vertx.mutiny.sqlclient.Row;

/**
 * How every paged list reads: in one statement, the total of the rows that match and the page after the cursor,
 * in an order whose columns an index can follow, and whose last row's values are the next cursor. A list names
 * its order once ({@link #ascending} or {@link #descending}, each key with how it travels in a cursor); the
 * statement, the keyset condition, the cursors and the {@link Slice} follow from it.
 */
public final class KeysetPage {

    /**
     * One column of the order: {@code expression} in the list's FROM, selected as {@code column}, its value
     * carried in the cursor as {@code codec} says.
     */
    public record Key(String expression, String column, Codec codec) {
    }

    /** A key's value between a row, a cursor part and a statement parameter. */
    public interface Codec {

        String encode(Row row, String column);

        /** The parameter for a cursor part; {@link Cursor#invalid()} when it is not one this codec wrote. */
        Object decode(String part);

        /** The SQL cast that makes the parameter compare like the column ("" for none). */
        default String cast() {
            return "";
        }
    }

    public static final Codec LONG = new Codec() {
        public String encode(Row row, String column) {
            return String.valueOf(row.getLong(column));
        }

        public Object decode(String part) {
            return Cursor.id(part);
        }
    };

    public static final Codec TEXT = new Codec() {
        public String encode(Row row, String column) {
            return row.getString(column);
        }

        public Object decode(String part) {
            return part;
        }
    };

    public static final Codec TIMESTAMP = new Codec() {
        public String encode(Row row, String column) {
            return row.getOffsetDateTime(column).toString();
        }

        public Object decode(String part) {
            try {
                return OffsetDateTime.parse(part);
            } catch (DateTimeParseException e) {
                throw Cursor.invalid();
            }
        }
    };

    public static final Codec UUID_KEY = new Codec() {
        public String encode(Row row, String column) {
            return row.getUUID(column).toString();
        }

        public Object decode(String part) {
            try {
                return UUID.fromString(part);
            } catch (IllegalArgumentException e) {
                throw Cursor.invalid();
            }
        }
    };

    /** A date where PostgreSQL's 'infinity' stands for "none, after every date" (a task without a deadline). */
    public static final Codec DATE_OR_INFINITY = new Codec() {
        public String encode(Row row, String column) {
            LocalDate date = row.getLocalDate(column);
            return date.equals(LocalDate.MAX) ? "infinity" : date.toString();
        }

        public Object decode(String part) {
            if (!part.equals("infinity")) {
                try {
                    LocalDate.parse(part);
                } catch (DateTimeParseException e) {
                    throw Cursor.invalid();
                }
            }
            return part;
        }

        public String cast() {
            return "::text::date";
        }
    };

    /** A task's position among its siblings from the root down ({@code sort_path}), written 1.3.2. */
    public static final Codec PATH = new Codec() {
        public String encode(Row row, String column) {
            return List.of(row.getArrayOfIntegers(column)).stream().map(String::valueOf).collect(Collectors.joining("."));
        }

        public Object decode(String part) {
            try {
                String[] steps = part.split("\\.");
                Integer[] path = new Integer[steps.length];
                for (int i = 0; i < steps.length; i++) {
                    path[i] = Integer.parseInt(steps[i]);
                }
                return path;
            } catch (NumberFormatException e) {
                throw Cursor.invalid();
            }
        }

        public String cast() {
            return "::int[]";
        }
    };

    private final String kind;
    private final boolean descending;
    private final List<Key> keys;

    private KeysetPage(String kind, boolean descending, List<Key> keys) {
        this.kind = kind;
        this.descending = descending;
        this.keys = keys;
    }

    /** A list in rising order of its keys; {@code kind} tells its cursors from other lists'. */
    public static KeysetPage ascending(String kind, Key... keys) {
        return new KeysetPage(kind, false, List.of(keys));
    }

    public static KeysetPage descending(String kind, Key... keys) {
        return new KeysetPage(kind, true, List.of(keys));
    }

    /**
     * The statement for one page: {@code columns} (which select every key's column) of {@code from} (which starts
     * with " from") where {@code conditions}, counted (when the page asks for it) and paged, with a row of nulls but
     * the total when the page is empty, as {@link #slice} reads it.
     */
    public String sql(String columns, String from, String conditions, PageRequest page, SqlParams params) {
        return sql(columns, from, "", conditions, page, params);
    }

    /** The same, with {@code joins} that the page's columns need and the count does not: joined for the page only. */
    public String sql(String columns, String from, String joins, String conditions, PageRequest page, SqlParams params) {
        String total = page.counted() ? "select count(*)::int as total_count" + from + " where " + conditions
                : "select null::int as total_count";
        return "with total as (" + total + ")"
                + " select total.total_count, page.* from total left join lateral (select " + columns + from + joins
                + " where " + conditions + after(page, params) + " order by " + orderBy(null)
                + " limit " + params.bind(page.first() + 1) + ") page on true order by " + orderBy("page");
    }

    /** " and (keys) > (cursor)" (or <, descending), or "" on the first page. */
    public String after(PageRequest page, SqlParams params) {
        if (page.after() == null) {
            return "";
        }
        List<String> parts = Cursor.decode(page.after(), kind, keys.size());
        List<String> expressions = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Key key = keys.get(i);
            expressions.add(key.expression());
            values.add(params.bind(key.codec().decode(parts.get(i))) + key.codec().cast());
        }
        return " and (" + String.join(", ", expressions) + ") " + (descending ? "<" : ">") + " (" + String.join(", ", values) + ")";
    }

    /** The order by the keys' expressions, or by their columns of {@code alias} (the page's rows). */
    public String orderBy(String alias) {
        return keys.stream().map(key -> (alias == null ? key.expression() : alias + "." + key.column()) + (descending ? " desc" : ""))
                .collect(Collectors.joining(", "));
    }

    public String cursor(Row row) {
        return Cursor.encode(kind, keys.stream().map(key -> key.codec().encode(row, key.column())).toArray(String[]::new));
    }

    public <N> Slice<N> slice(Iterable<Row> rows, PageRequest page, Function<Row, N> node) {
        return Slice.of(rows, page, node, this::cursor);
    }
}
