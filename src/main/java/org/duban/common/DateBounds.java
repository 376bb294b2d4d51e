package org.duban.common;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.List;

/**
 * The dates Duban takes: 1900 to 2200. Anything outside is a typing slip or an attack, and a recurrence walked to
 * year 999999999 would hold a thread for good; so every date that comes in (arguments, input records, plan files,
 * occurrence ids, recurrence rules) is checked here, and what is computed from them stays bounded.
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

    /** Checks every date of an input record, nested records and lists of them included, naming its path. */
    public static void checkRecord(String path, Object value) {
        if (value instanceof LocalDate date) {
            check(path, date);
        } else if (value instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                checkRecord(path + "[" + i + "]", items.get(i));
            }
        } else if (value != null && value.getClass().isRecord() && value.getClass().getRecordComponents() != null) {
            // Null where a native image keeps no record metadata for the type: then the database's own checks remain.
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    checkRecord(path + "." + component.getName(), component.getAccessor().invoke(value));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + path + "." + component.getName(), e);
                }
            }
        }
    }
}
