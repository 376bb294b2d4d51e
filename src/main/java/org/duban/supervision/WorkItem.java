package org.duban.supervision;

import java.time.LocalDate;

import org.duban.plan.TaskStatus;

/**
 * One occurrence of a task, read under the task's row lock: a recurring task's occurrence, or a
 * non-recurring task itself, whose status is the task's.
 */
record WorkItem(long taskId, boolean recurring, LocalDate dueOn, TaskStatus status) {

    /** The occurrence's key in reports and status changes: its due date when the task recurs, else null. */
    LocalDate occurrenceDue() {
        return recurring ? dueOn : null;
    }
}
