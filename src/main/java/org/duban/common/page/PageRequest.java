package org.duban.common.page;

import org.duban.common.DubanException;

/**
 * A validated {@code first}/{@code after} pair, and whether the client asked for the total: counting every match
 * costs in proportion to the table, so a page whose {@code totalCount} is not selected does not count.
 */
public record PageRequest(int first, String after, boolean counted) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** Validates a "newest N" argument such as task.history(last) against the same bounds as a page. */
    public static int requireLast(int last) {
        if (last < 0 || last > MAX_SIZE) {
            throw DubanException.validation("last", "must be between 0 and " + MAX_SIZE + ", was " + last);
        }
        return last;
    }

    public static PageRequest of(Integer first, String after) {
        int size = first == null ? DEFAULT_SIZE : first;
        if (size < 0 || size > MAX_SIZE) {
            throw DubanException.validation("first", "must be between 0 and " + MAX_SIZE + ", was " + size);
        }
        return new PageRequest(size, after == null || after.isEmpty() ? null : after, true);
    }

    /** The same page, counted only if {@code counted}. */
    public PageRequest counting(boolean counted) {
        return new PageRequest(first, after, counted);
    }
}
