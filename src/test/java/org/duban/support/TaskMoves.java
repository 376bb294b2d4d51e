package org.duban.support;

import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

/** Walks tasks through the workflow as the office, for tests about what follows a move rather than the move. */
public final class TaskMoves {

    private TaskMoves() {
    }

    /** Starts, submits and signs off a NOT_STARTED task, overriding whatever would block the sign-off. */
    public static void signOff(String taskId) {
        ok(run("admin", "change-task-status", "id", taskId, "status", "IN_PROGRESS"));
        ok(run("admin", "change-task-status", "id", taskId, "status", "SUBMITTED"));
        ok(run("admin", "sign-off-task", "taskId", taskId, "overrideReason", "测试：只看销号之后"));
    }

    /** The same for one occurrence of a recurring task. */
    public static void signOffOccurrence(String occurrenceId) {
        ok(run("admin", "change-occurrence-status", "occurrenceId", occurrenceId, "status", "IN_PROGRESS"));
        ok(run("admin", "change-occurrence-status", "occurrenceId", occurrenceId, "status", "SUBMITTED"));
        String taskId = occurrenceId.substring(0, occurrenceId.indexOf('@'));
        ok(run("admin", "sign-off-task", "taskId", taskId, "occurrenceId", occurrenceId, "overrideReason", "测试：只看销号之后"));
    }
}
