package org.duban.common;

import java.time.LocalDate;

/**
 * The dates Duban takes: 1900 to 2200. Anything outside is a typing slip or an attack, and a recurrence walked to
 * year 999999999 would hold a thread for good; so every date that comes in (arguments, input records, plan files,
 * occurrence ids, recurrence rules) is checked here ({@link InputChecks} for input records), and what is computed
 * from them stays bounded.
 */
public final class DateBounds {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2200, 12, 31);

    private DateBounds() {
    }

    public static boolean contains(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    /** The date, or VALIDATION on {@code field} when it lies outside the bounds; null passes. */
    public static LocalDate check(String field, LocalDate date) {
        if (date != null && !contains(date)) {
            throw DubanException.validation(field, "a date from " + EARLIEST + " to " + LATEST + ", was " + date);
        }
        return date;
    }
}
