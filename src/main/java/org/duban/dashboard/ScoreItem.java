package org.duban.dashboard;

import java.time.LocalDate;

import org.duban.plan.TaskStatus;

/**
 * One thing a unit owes, as the scoreboard counts it: a task, or one due occurrence of a recurring task.
 * {@code due} is the deadline counted against (the original one unless the office said otherwise), null for a
 * task without one. On time: submitted by that deadline and later signed off.
 */
record ScoreItem(long taskId, LocalDate due, TaskStatus status, LocalDate submittedOn) {

    boolean signedOff() {
        return status == TaskStatus.SIGNED_OFF;
    }

    boolean onTime() {
        return signedOff() && (due == null || submittedOn != null && !submittedOn.isAfter(due));
    }

    boolean late() {
        return signedOff() && !onTime();
    }

    boolean overdue(LocalDate today) {
        return status.isOpen() && due != null && today.isAfter(due);
    }
}
