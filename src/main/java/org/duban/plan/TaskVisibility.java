package org.duban.plan;

import org.duban.access.Callers.Caller;
import org.duban.common.sql.SqlParams;

/**
 * Which plans and tasks a caller may see, as SQL conditions that go into the reads themselves: ADMIN and
 * LEADER see the plans of the regions they oversee (theirs and every region below); any account the tasks its
 * unit is responsible for (directly or through a unit set) and the plans holding them. A task out of sight is,
 * to that caller, a task that does not exist.
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
        String overseen = caller.overseesAny() ? task + ".plan_id in (select seen_plan.id from plan seen_plan where seen_plan.region_id = any ("
                + params.bind(regions(caller)) + "))" : null;
        String assigned = caller.unitId() == null ? null
                : task + ".id in (select seen.task_id from task_unit seen where seen.unit_id = " + params.bind(caller.unitId()) + ")";
        return either(overseen, assigned);
    }

    /** A condition on the plan of alias {@code plan}. */
    public static String plan(Caller caller, String plan, SqlParams params) {
        String overseen = caller.overseesAny() ? plan + ".region_id = any (" + params.bind(regions(caller)) + ")" : null;
        String assigned = caller.unitId() == null ? null
                : plan + ".id in (select seen_task.plan_id from task seen_task join task_unit seen on seen.task_id = seen_task.id"
                        + " where seen.unit_id = " + params.bind(caller.unitId()) + " and seen_task.deleted_at is null)";
        return either(overseen, assigned);
    }

    /**
     * A condition that holds for a task of a region the mutation's caller may write in, and otherwise fails the
     * statement as NOT_FOUND (out of sight) or FORBIDDEN (overseen, not governed): for the row a mutation starts from,
     * so that no later check tells a task of another region apart from a missing one. True outside mutations. It raises,
     * so it belongs where only the row found reaches it: the select list of a query that joins (a join's planner may test
     * a WHERE condition on every row of the joined table), or the WHERE of a lookup of one table by its key.
     */
    public static String writable(String task) {
        return "region_writable((select writable_plan.region_id from plan writable_plan where writable_plan.id = " + task + ".plan_id))";
    }

    /** {@link #writable} for the task of the given id column. */
    public static String writableTaskId(String taskId) {
        return "region_writable((select writable_plan.region_id from task writable_task join plan writable_plan"
                + " on writable_plan.id = writable_task.plan_id where writable_task.id = " + taskId + "))";
    }

    /** The regions an ADMIN or LEADER oversees, as the SQL client binds a bigint[]. */
    public static Long[] regions(Caller caller) {
        return caller.overseenRegions().toArray(Long[]::new);
    }

    private static String either(String overseen, String assigned) {
        if (overseen == null && assigned == null) {
            return "false";
        }
        if (overseen == null || assigned == null) {
            return overseen == null ? assigned : overseen;
        }
        return "(" + overseen + " or " + assigned + ")";
    }
}
