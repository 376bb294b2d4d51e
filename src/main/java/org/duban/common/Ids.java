package org.duban.common;

/** GraphQL IDs are opaque strings; ours carry a row id, and anything else names nothing. */
public final class Ids {

    private Ids() {
    }

    /** Ours are written in decimal digits and nothing else: " 1", "+1" or "01" names nothing. */
    private static final java.util.regex.Pattern ROW_ID = java.util.regex.Pattern.compile("[1-9][0-9]{0,18}");

    public static long parse(String id, String what) {
        if (id != null && ROW_ID.matcher(id).matches()) {
            try {
                return Long.parseLong(id);
            } catch (NumberFormatException beyondLong) {
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
