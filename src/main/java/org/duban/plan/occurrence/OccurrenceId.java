package org.duban.plan.occurrence;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.duban.common.DateBounds;
import org.duban.common.DubanException;

/**
 * An occurrence is named by its task and its deadline ({@code 42@2022-10-31}), so that it has an id before
 * anything about it is stored, and a non-recurring task's single occurrence has one too.
 */
public record OccurrenceId(long taskId, LocalDate dueOn) {

    public static OccurrenceId parse(String id, String field) {
        int at = id == null ? -1 : id.indexOf('@');
        if (at > 0) {
            try {
                LocalDate dueOn = LocalDate.parse(id.substring(at + 1));
                if (DateBounds.contains(dueOn)) {
                    return new OccurrenceId(Long.parseLong(id.substring(0, at)), dueOn);
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                // reported below
            }
        }
        throw DubanException.validation(field, "not an occurrence id: " + id);
    }

    @Override
    public String toString() {
        return taskId + "@" + dueOn;
    }
}
