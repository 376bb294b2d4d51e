package org.duban.common.sql;

import io.vertx.pgclient.PgException;

/** PostgreSQL error classes the service reacts to, found anywhere in a failure's causes. */
public final class SqlStates {

    public static final String UNIQUE_VIOLATION = "23505";
    /** V18's region guard: a row of a region the caller oversees but does not govern. */
    public static final String REGION_NOT_GOVERNED = "DB403";
    /** V18's region guard: a row of a region out of the caller's sight. */
    public static final String REGION_OUT_OF_SCOPE = "DB404";

    private SqlStates() {
    }

    public static boolean isUniqueViolation(Throwable failure) {
        return has(failure, UNIQUE_VIOLATION);
    }

    public static boolean has(Throwable failure, String sqlState) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (sqlState.equals(of(t))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The SQL state this throwable itself carries, or null: the SQL client's {@link PgException}, or a JDBC
     * {@link java.sql.SQLException} (Flyway's, at start).
     */
    public static String of(Throwable t) {
        if (t instanceof PgException pg) {
            return pg.getSqlState();
        }
        if (t instanceof java.sql.SQLException sql) {
            return sql.getSQLState();
        }
        return null;
    }
}
