package org.duban.supervision;

import java.time.LocalDate;

import org.duban.plan.Task;
import org.duban.plan.TaskStatus;
import org.duban.plan.occurrence.Schedule;
import org.duban.plan.occurrence.TaskOccurrence;
import org.duban.warning.Warning;

/**
 * A task as supervision sees it on a day: its schedule, the occurrence worked on now, how far that is done and
 * its colour. {@code assigned}: some unit is responsible (sections without units are headings, not work).
 */
public record TaskFacts(Task task, Schedule schedule, boolean assigned, LocalDate originalDeadline,
        boolean scoreAgainstNewDeadline, TaskOccurrence current, TaskProgress progress, Warning warning) {

    /** In whole points, as lists show it and the warning rule reads it. */
    public int percentComplete() {
        return progress.wholePercent();
    }

    public long taskId() {
        return task.id();
    }

    /** The status of the occurrence worked on now; the task's own when it has no occurrence (no deadline). */
    public TaskStatus currentStatus() {
        return current == null ? task.status() : current.status();
    }

    /** The deadline the scoreboard counts against: the original one unless the office said the extended one. */
    public LocalDate scoredDeadline() {
        return originalDeadline == null || scoreAgainstNewDeadline ? task.deadline() : originalDeadline;
    }
}
