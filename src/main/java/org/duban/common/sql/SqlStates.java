package org.duban.common.sql;

import io.vertx.pgclient.PgException;

/** PostgreSQL error classes the service reacts to, found anywhere in a failure's causes. */
public final class SqlStates {

    public static final String UNIQUE_VIOLATION = "23505";

    private SqlStates() {
    }

    public static boolean isUniqueViolation(Throwable failure) {
        return has(failure, UNIQUE_VIOLATION);
    }

    public static boolean has(Throwable failure, String sqlState) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && sqlState.equals(pg.getSqlState())) {
                return true;
            }
            // Hibernate Reactive reports the same error as a JDBC-style SQLException.
            if (t instanceof java.sql.SQLException sql && sqlState.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
