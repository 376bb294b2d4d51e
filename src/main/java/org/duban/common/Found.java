package org.duban.common;

import java.util.List;

public final class Found {

    private Found() {
    }

    /** The single row a by-id read found; NOT_FOUND when there is none. */
    public static <T> T one(List<T> rows, String what, Object id) {
        if (rows.isEmpty()) {
            throw DubanException.notFound(what, id);
        }
        return rows.get(0);
    }
}
