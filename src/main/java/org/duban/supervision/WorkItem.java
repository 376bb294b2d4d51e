package org.duban.supervision;

import java.time.LocalDate;

import org.duban.plan.TaskStatus;
import org.duban.plan.occurrence.OccurrenceId;

/**
 * One occurrence of a task, read under the task's row lock: a recurring task's occurrence, or a
 * non-recurring task itself, whose status is the task's.
 */
record WorkItem(long taskId, long planId, boolean recurring, LocalDate dueOn, TaskStatus status) {

    /** The occurrence's key in reports and status changes: its due date when the task recurs, else null. */
    LocalDate occurrenceDue() {
        return recurring ? dueOn : null;
    }

    /** Null for a non-recurring task without a deadline, which has no occurrence id. */
    String occurrenceId() {
        return dueOn == null ? null : new OccurrenceId(taskId, dueOn).toString();
    }
}
