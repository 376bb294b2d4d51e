package org.duban.common;

/** GraphQL IDs are opaque strings; ours carry a row id, and anything else names nothing. */
public final class Ids {

    private Ids() {
    }

    public static long parse(String id, String what) {
        if (id != null) {
            try {
                long value = Long.parseLong(id.trim());
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // falls through: an id that cannot exist is simply not found
            }
        }
        throw DubanException.notFound(what, id);
    }

    /** For an optional reference inside an input: a malformed one is reported against its field. */
    public static Long parseOptional(String id, String what) {
        return id == null || id.isBlank() ? null : parse(id, what);
    }
}
