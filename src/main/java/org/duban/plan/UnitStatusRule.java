package org.duban.plan;

import org.duban.common.DubanException;
import org.duban.common.ErrorCode;
import org.duban.security.Callers.Caller;
import org.duban.security.Roles;

/**
 * The status moves a responsible unit makes itself: any of them starts the work, the lead unit submits it
 * for sign-off. Everything else (sign-off, rejection, suspension, reopening) is the office's.
 */
public final class UnitStatusRule {

    private UnitStatusRule() {
    }

    /**
     * FORBIDDEN for a move (one the rules allow) that the caller's role may not make. {@code role} is the
     * caller's unit's part in the task, null for the office.
     */
    public static void require(TaskStatus from, TaskStatus to, AssignmentRole role, Caller caller) {
        if (caller.is(Roles.ADMIN)) {
            return;
        }
        boolean starts = from == TaskStatus.NOT_STARTED && to == TaskStatus.IN_PROGRESS;
        boolean submits = from == TaskStatus.IN_PROGRESS && to == TaskStatus.SUBMITTED && role == AssignmentRole.LEAD;
        if (!starts && !submits) {
            throw new DubanException(ErrorCode.FORBIDDEN, "A responsible unit starts a task, and its lead unit submits it;"
                    + " moving it from " + from + " to " + to + " is for the supervising office", null);
        }
    }
}
