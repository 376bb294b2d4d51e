package org.duban.plan;

import java.util.EnumSet;
import java.util.Set;

import org.duban.common.DubanException;
import org.eclipse.microprofile.graphql.Description;

public enum TaskStatus {
    @Description("Nothing reported yet")
    NOT_STARTED,
    @Description("Work under way (the first progress report moves a task here)")
    IN_PROGRESS,
    @Description("The lead unit submitted it for sign-off")
    SUBMITTED,
    @Description("Suspended (中止) by the office, with a reason")
    SUSPENDED,
    @Description("Signed off (销号): accepted as rectified")
    SIGNED_OFF;

    /** Still owed by the units: such a task is overdue once its deadline has passed. */
    public boolean isOpen() {
        return this == NOT_STARTED || this == IN_PROGRESS;
    }

    public Set<TaskStatus> next() {
        return switch (this) {
            case NOT_STARTED -> EnumSet.of(IN_PROGRESS, SUSPENDED);
            case IN_PROGRESS -> EnumSet.of(SUBMITTED, SUSPENDED);
            case SUBMITTED -> EnumSet.of(SIGNED_OFF, IN_PROGRESS, SUSPENDED);
            case SUSPENDED -> EnumSet.of(IN_PROGRESS);
            case SIGNED_OFF -> EnumSet.of(IN_PROGRESS);
        };
    }

    /** Suspending, rejecting a submission and reopening are on record with a reason. */
    public boolean needsReasonToMoveTo(TaskStatus to) {
        return to == SUSPENDED || (to == IN_PROGRESS && this != NOT_STARTED);
    }

    /** INVALID_TRANSITION for a move the rules forbid, VALIDATION on {@code reason} for one that needs a reason. */
    public void requireMoveTo(TaskStatus to, String reason, String what) {
        if (!next().contains(to)) {
            throw DubanException.invalidTransition(what + " cannot move from " + this + " to " + to + "; from " + this
                    + " it may move to " + next());
        }
        if (needsReasonToMoveTo(to) && (reason == null || reason.isBlank())) {
            throw DubanException.validation("reason", "moving from " + this + " to " + to + " needs a reason");
        }
    }
}
