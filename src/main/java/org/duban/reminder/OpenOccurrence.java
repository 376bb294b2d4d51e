package org.duban.reminder;

import java.time.LocalDate;
import java.util.List;

/**
 * A deadline still owed (NOT_STARTED or IN_PROGRESS), with its policy and whom it concerns; for a milestone of the
 * task, its title (the milestone's date is the deadline here).
 */
public record OpenOccurrence(long taskId, LocalDate dueOn, List<Integer> daysBefore, int escalateAfterDays,
        List<Recipient> recipients, List<Long> escalationAccountIds, String milestone) {

    public OpenOccurrence(long taskId, LocalDate dueOn, List<Integer> daysBefore, int escalateAfterDays,
            List<Recipient> recipients, List<Long> escalationAccountIds) {
        this(taskId, dueOn, daysBefore, escalateAfterDays, recipients, escalationAccountIds, null);
    }
}
