package org.duban.common.sql;

/** A substring search with ILIKE: Chinese has no spaces to split words on, so no word-based search. */
public final class Like {

    private Like() {
    }

    /** The pattern matching {@code text} anywhere, its %, _ and \ taken literally. */
    public static String containing(String text) {
        return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
