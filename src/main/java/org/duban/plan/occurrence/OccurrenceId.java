package org.duban.plan.occurrence;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.duban.common.DateBounds;
import org.duban.common.DubanException;
import org.duban.common.IdKind;
import org.duban.common.Ids;

/**
 * An occurrence is named by its task's global id and its deadline ({@code 3kq…Zw@2022-10-31}), so that it has an
 * id before anything about it is stored, and a non-recurring task's single occurrence has one too. A bare task row
 * id before the {@code @} is still read, as everywhere ids are (deprecated).
 */
public record OccurrenceId(long taskId, LocalDate dueOn) {

    public static OccurrenceId parse(String id, String field) {
        int at = id == null ? -1 : id.indexOf('@');
        if (at > 0) {
            try {
                LocalDate dueOn = LocalDate.parse(id.substring(at + 1));
                if (DateBounds.contains(dueOn)) {
                    return new OccurrenceId(Ids.parse(id.substring(0, at), IdKind.TASK), dueOn);
                }
            } catch (DubanException | DateTimeParseException e) {
                // reported below
            }
        }
        throw DubanException.validation(field, "not an occurrence id: " + id);
    }

    @Override
    public String toString() {
        return Ids.of(IdKind.TASK, taskId) + "@" + dueOn;
    }
}
