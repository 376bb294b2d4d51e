package org.duban.reminder;

import java.time.LocalDate;
import java.util.List;

/**
 * A deadline still owed (NOT_STARTED or IN_PROGRESS), with its policy (the days before, escalation, the overdue
 * cadence) and whom it concerns; for a milestone of the
 * task, its title (the milestone's date is the deadline here).
 */
public record OpenOccurrence(long taskId, LocalDate dueOn, List<Integer> daysBefore, int escalateAfterDays,
        OverdueCadence cadence, List<Recipient> recipients, List<Long> escalationAccountIds, String milestone) {

    public OpenOccurrence(long taskId, LocalDate dueOn, List<Integer> daysBefore, int escalateAfterDays,
            OverdueCadence cadence, List<Recipient> recipients, List<Long> escalationAccountIds) {
        this(taskId, dueOn, daysBefore, escalateAfterDays, cadence, recipients, escalationAccountIds, null);
    }
}
