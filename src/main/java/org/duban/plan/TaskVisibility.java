package org.duban.plan;

import org.duban.access.Callers.Caller;
import org.duban.common.sql.SqlParams;

/**
 * Which plans and tasks a caller may see, as SQL conditions that go into the reads themselves: ADMIN and
 * LEADER see everything; any other account the tasks its unit is responsible for (directly or through a
 * unit set) and the plans holding them. A task out of sight is, to that caller, a task that does not exist.
 */
public final class TaskVisibility {

    /** The part ('LEAD' or 'ASSIST') a unit has in a task, if any; placeholders as the client in use writes them. */
    public static String unitRoleSql(String taskParam, String unitParam) {
        return "select role from task_unit where task_id = " + taskParam + " and unit_id = " + unitParam;
    }

    private TaskVisibility() {
    }

    /** A condition on the task of alias {@code task}. */
    public static String task(Caller caller, String task, SqlParams params) {
        if (caller.seesEverything()) {
            return "true";
        }
        if (caller.unitId() == null) {
            return "false";
        }
        return task + ".id in (select seen.task_id from task_unit seen where seen.unit_id = " + params.bind(caller.unitId()) + ")";
    }

    /** A condition on the plan of alias {@code plan}. */
    public static String plan(Caller caller, String plan, SqlParams params) {
        if (caller.seesEverything()) {
            return "true";
        }
        if (caller.unitId() == null) {
            return "false";
        }
        return plan + ".id in (select seen_task.plan_id from task seen_task join task_unit seen on seen.task_id = seen_task.id"
                + " where seen.unit_id = " + params.bind(caller.unitId()) + " and seen_task.deleted_at is null)";
    }
}
