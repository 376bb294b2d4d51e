package org.duban.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.DubanException;
import org.duban.common.sql.Rows;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one writer of {@code task} and {@code task_assignment}, and the reads a write takes of them; every method runs in
 * the caller's transaction: editing by hand and importing a plan file (many tasks per statement), the workflow's
 * status moves, approved extensions, reminder policies. Each write of a task raises its version, so an edit holding
 * the old one answers CONFLICT.
 */
@ApplicationScoped
public class TaskRows {

    private static final String TASK = "select id, plan_id, parent_id, code, sort_path, title, description, start_date,"
            + " deadline, deadline_note, deadline_phrase, recurrence, status, deleted_at, created_at, updated_at, version from task";
    /** The columns editing and importing set, one array per column, matched by position. */
    private static final String COLUMNS = "v(id, version, parent_id, code, sort_path, title, description, start_date,"
            + " deadline, deadline_note, recurrence, status, deadline_phrase)";
    private static final String ARRAYS = "unnest($1::bigint[], $2::int[], $3::bigint[], $4::text[], $5::text[], $6::text[],"
            + " $7::text[], $8::date[], $9::date[], $10::text[], $11::text[], $12::text[], $13::text[]) as " + COLUMNS;

    public Uni<TaskRow> task(SqlClient sql, long id) {
        return sql.preparedQuery(TASK + " where id = $1").execute(Tuple.of(id)).map(rows -> Rows.first(rows, TaskRow::from));
    }

    /** The live task a mutation starts from, or null when there is none or it was deleted (see {@link TaskVisibility#writable}). */
    public Uni<TaskRow> liveTask(SqlClient sql, long id) {
        return sql.preparedQuery(TASK + " where id = $1 and deleted_at is null and " + TaskVisibility.writable("task"))
                .execute(Tuple.of(id)).map(rows -> Rows.first(rows, TaskRow::from));
    }

    /** The tasks of a plan that are not deleted. */
    public Uni<List<TaskRow>> liveTasksOfPlan(SqlClient sql, long planId) {
        return sql.preparedQuery(TASK + " where plan_id = $1 and deleted_at is null order by id").execute(Tuple.of(planId))
                .map(rows -> Rows.map(rows, TaskRow::from));
    }

    /** Whether a live task of the plan other than {@code except} has the code. */
    public Uni<Boolean> codeTaken(SqlClient sql, long planId, String code, Long except) {
        return sql.preparedQuery("select 1 from task where plan_id = $1 and code = $2 and deleted_at is null"
                + " and id is distinct from $3")
                .execute(Tuple.of(planId, code, except)).map(rows -> rows.size() > 0);
    }

    /** Inserts the tasks of one plan, each with its id set; a task's parent must have its id already. */
    public Uni<Void> insert(SqlClient sql, long planId, List<TaskRow> tasks, Instant now) {
        if (tasks.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return sql.preparedQuery("insert into task (plan_id, parent_id, code, sort_path, title, description, start_date,"
                + " deadline, deadline_note, deadline_phrase, recurrence, status, created_at, updated_at)"
                + " select $14, parent_id, code, sort_path::int[], title, description, start_date, deadline, deadline_note,"
                + " deadline_phrase, recurrence, status, $15, $15 from " + ARRAYS + " returning id, code")
                .execute(columns(tasks).addLong(planId).addValue(Rows.utc(now)))
                .invoke(rows -> {
                    Map<String, Long> ids = new HashMap<>();
                    rows.forEach(row -> ids.put(row.getString("code"), row.getLong("id")));
                    tasks.forEach(task -> {
                        task.id = ids.get(task.code);
                        task.planId = planId;
                        task.touch(now);
                    });
                })
                .replaceWithVoid();
    }

    /** Writes what editing or importing changed in the tasks (not their status); CONFLICT if one changed meanwhile. */
    public Uni<Void> update(SqlClient sql, List<TaskRow> tasks, Instant now) {
        if (tasks.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return sql.preparedQuery("update task t set parent_id = v.parent_id, code = v.code, sort_path = v.sort_path::int[],"
                + " title = v.title, description = v.description, start_date = v.start_date, deadline = v.deadline,"
                + " deadline_note = v.deadline_note, deadline_phrase = v.deadline_phrase, recurrence = v.recurrence,"
                + " updated_at = $14, version = t.version + 1"
                + " from " + ARRAYS + " where t.id = v.id and t.version = v.version")
                .execute(columns(tasks).addValue(Rows.utc(now)))
                .invoke(rows -> {
                    if (rows.rowCount() != tasks.size()) {
                        throw DubanException.conflict("A task was changed meanwhile; reload and try again");
                    }
                    tasks.forEach(task -> {
                        task.version++;
                        task.touch(now);
                    });
                })
                .replaceWithVoid();
    }

    private static Tuple columns(List<TaskRow> tasks) {
        return Tuple.from(new Object[] {
                tasks.stream().map(t -> t.id).toArray(Long[]::new),
                tasks.stream().map(t -> t.version).toArray(Integer[]::new),
                tasks.stream().map(t -> t.parentId).toArray(Long[]::new),
                tasks.stream().map(t -> t.code).toArray(String[]::new),
                tasks.stream().map(TaskRow::sortPathLiteral).toArray(String[]::new),
                tasks.stream().map(t -> t.title).toArray(String[]::new),
                tasks.stream().map(t -> t.description).toArray(String[]::new),
                tasks.stream().map(t -> t.startDate).toArray(LocalDate[]::new),
                tasks.stream().map(t -> t.deadline).toArray(LocalDate[]::new),
                tasks.stream().map(t -> t.deadlineNote).toArray(String[]::new),
                tasks.stream().map(t -> t.recurrence).toArray(String[]::new),
                tasks.stream().map(t -> Rows.name(t.status)).toArray(String[]::new),
                tasks.stream().map(t -> t.deadlinePhrase).toArray(String[]::new) });
    }

    /**
     * The sort path for a new task at {@code position} (from 1) among the children of {@code parent} (null: top
     * level); appended when {@code position} is null. Siblings from that position on move one place down, their
     * subtrees with them.
     */
    public Uni<Integer[]> placeNewTask(SqlClient sql, long planId, TaskRow parent, Integer position) {
        Integer[] prefix = parent == null ? new Integer[0] : parent.sortPath;
        int depth = prefix.length + 1;
        String siblings = "plan_id = $1 and parent_id is not distinct from $2 and deleted_at is null";
        Long parentId = parent == null ? null : parent.id;
        return sql.preparedQuery("select coalesce(max(sort_path[$3]), 0) as last from task where " + siblings)
                .execute(Tuple.of(planId, parentId, depth))
                .chain(rows -> {
                    int last = rows.iterator().next().getInteger("last");
                    if (position == null || position > last) {
                        return Uni.createFrom().item(last + 1);
                    }
                    return sql.preparedQuery("with recursive moved as (select id from task where " + siblings
                            + " and sort_path[$3] >= $4 union all select t.id from task t join moved m on t.parent_id = m.id)"
                            + " update task set sort_path[$3] = sort_path[$3] + 1 where id in (select id from moved)")
                            .execute(Tuple.of(planId, parentId, depth, position)).replaceWith(position);
                })
                .map(place -> {
                    Integer[] path = Arrays.copyOf(prefix, depth);
                    path[depth - 1] = place;
                    return path;
                });
    }

    /** Deletes softly: the task and its subtree stay on record but leave every list. */
    public Uni<Void> softDeleteSubtree(SqlClient sql, long taskId, Instant now) {
        return sql.preparedQuery("with recursive subtree as (select id from task where id = $1"
                + " union all select t.id from task t join subtree s on t.parent_id = s.id)"
                + " update task set deleted_at = $2, updated_at = $2, version = version + 1"
                + " where id in (select id from subtree) and deleted_at is null")
                .execute(Tuple.of(taskId, Rows.utc(now))).replaceWithVoid();
    }

    /** Deletes these tasks softly, each alone (a plan file that no longer lists them). */
    public Uni<Void> softDelete(SqlClient sql, List<Long> taskIds, Instant now) {
        if (taskIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return sql.preparedQuery("update task set deleted_at = $2, updated_at = $2, version = version + 1"
                + " where id = any($1) and deleted_at is null")
                .execute(Tuple.of(taskIds.toArray(new Long[0]), Rows.utc(now))).replaceWithVoid();
    }

    /**
     * Makes each task's assignments the given ones, in their order; {@code replacing} says whether the tasks may
     * have some already (a new task has none to delete).
     */
    public Uni<Void> setAssignments(SqlClient sql, Map<Long, List<TaskAssignmentRow>> byTask, boolean replacing) {
        if (byTask.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (!replacing) {
            return writeAssignments(sql, byTask, false);
        }
        // Tasks whose assignments stay as they are keep their rows: no audit entries for a re-import that changes nothing.
        return sql.preparedQuery("select task_id, unit_id, unit_set_id, role from task_assignment where task_id = any($1)"
                        + " order by task_id, ordinal")
                .execute(Tuple.of(byTask.keySet().toArray(new Long[0])))
                .chain(rows -> {
                    Map<Long, List<TaskAssignmentRow>> changed = Rows.changed(byTask, rows, "task_id", row -> Arrays.asList(
                            row.getLong("unit_id"), row.getLong("unit_set_id"), Rows.enumOf(row, "role", AssignmentRole.class)),
                            TaskAssignmentRow::content);
                    return changed.isEmpty() ? Uni.createFrom().voidItem() : writeAssignments(sql, changed, true);
                });
    }

    private Uni<Void> writeAssignments(SqlClient sql, Map<Long, List<TaskAssignmentRow>> byTask, boolean replacing) {
        List<Long> taskIds = new ArrayList<>();
        List<Integer> ordinals = new ArrayList<>();
        List<Long> unitIds = new ArrayList<>();
        List<Long> setIds = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        byTask.forEach((taskId, assignments) -> {
            for (int i = 0; i < assignments.size(); i++) {
                TaskAssignmentRow assignment = assignments.get(i);
                taskIds.add(taskId);
                ordinals.add(i + 1);
                unitIds.add(assignment.unitId);
                setIds.add(assignment.unitSetId);
                roles.add(Rows.name(assignment.role));
            }
        });
        Uni<Void> delete = !replacing ? Uni.createFrom().voidItem() : sql
                .preparedQuery("delete from task_assignment where task_id = any($1)")
                .execute(Tuple.of(byTask.keySet().toArray(new Long[0]))).replaceWithVoid();
        return delete.chain(() -> taskIds.isEmpty() ? Uni.createFrom().voidItem() : sql
                .preparedQuery("insert into task_assignment (task_id, ordinal, unit_id, unit_set_id, role)"
                        + " select * from unnest($1::bigint[], $2::int[], $3::bigint[], $4::bigint[], $5::text[])")
                .execute(Tuple.of(taskIds.toArray(new Long[0]), ordinals.toArray(new Integer[0]), unitIds.toArray(new Long[0]),
                        setIds.toArray(new Long[0]), roles.toArray(new String[0])))
                .replaceWithVoid());
    }

    /**
     * Hands a unit's direct assignment to another unit, with its role and place (a task returned as not the unit's own,
     * 退回 then 改派); false when the unit holds none directly (it is responsible through a set).
     */
    public Uni<Boolean> reassignUnit(SqlClient sql, long taskId, long fromUnitId, long toUnitId) {
        return sql.preparedQuery("update task_assignment set unit_id = $3 where task_id = $1 and unit_id = $2")
                .execute(Tuple.of(taskId, fromUnitId, toUnitId)).map(rows -> rows.rowCount() > 0);
    }

    /** A non-recurring task's status (a recurring one's occurrences have their own). */
    public Uni<Void> setStatus(SqlClient sql, long taskId, TaskStatus status, Instant now) {
        return sql.preparedQuery("update task set status = $2, updated_at = $3, version = version + 1 where id = $1")
                .execute(Tuple.of(taskId, status.name(), Rows.utc(now))).replaceWithVoid();
    }

    /** The task carries out {@code higherTaskId} of the higher plan (null: none). */
    public Uni<Void> setAnswers(SqlClient sql, long taskId, Long higherTaskId) {
        return sql.preparedQuery("update task set answers_task_id = $2 where id = $1").execute(Tuple.of(taskId, higherTaskId))
                .replaceWithVoid();
    }

    /** The plan's tasks that carry out a task of any plan but {@code higherPlanId} (null: of every plan) no longer do. */
    public Uni<Void> unlinkAnswersOutside(SqlClient sql, long planId, Long higherPlanId) {
        return sql.preparedQuery("update task t set answers_task_id = null where t.plan_id = $1 and t.answers_task_id is not null"
                + " and ($2::bigint is null or t.answers_task_id not in (select h.id from task h where h.plan_id = $2))")
                .execute(Tuple.of(planId, higherPlanId)).replaceWithVoid();
    }

    /**
     * The plan's tasks carry out exactly the tasks of {@code higherPlanId} given by code (task id → code); the others
     * none. Returns the ids of the tasks whose code named no live task of the higher plan (they are left unlinked).
     */
    public Uni<List<Long>> setAnswersByCode(SqlClient sql, long planId, Long higherPlanId, Map<Long, String> codes) {
        Long[] taskIds = codes.keySet().toArray(Long[]::new);
        String[] wanted = codes.values().toArray(String[]::new);
        return sql.preparedQuery("with wanted as (select * from unnest($2::bigint[], $3::text[]) as w(task_id, code)),"
                + " linked as (select w.task_id, h.id as higher_id from wanted w"
                + "   join task h on h.plan_id = $4 and h.code = w.code and h.deleted_at is null),"
                + " changed as (update task t set answers_task_id = l.higher_id from (select t2.id, l2.higher_id from task t2"
                + "   left join linked l2 on l2.task_id = t2.id where t2.plan_id = $1) l"
                + "   where t.id = l.id and t.answers_task_id is distinct from l.higher_id returning t.id)"
                + " select w.task_id from wanted w where not exists (select 1 from linked l where l.task_id = w.task_id)")
                .execute(Tuple.of(planId, taskIds, wanted, higherPlanId))
                .map(rows -> {
                    List<Long> missing = new ArrayList<>();
                    rows.forEach(row -> missing.add(row.getLong("task_id")));
                    return missing;
                });
    }

    /** The task of the plan that {@code planId} answers with that code, if any. */
    public Uni<Long> higherTask(SqlClient sql, long planId, String code) {
        return sql.preparedQuery("select h.id from plan mine join task h on h.plan_id = mine.answers_plan_id"
                + " where mine.id = $1 and h.code = $2 and h.deleted_at is null")
                .execute(Tuple.of(planId, code))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong("id"));
    }

    /** Something of the task's changed (its checklist, its measures, its assignments): its version moves on. */
    public Uni<Void> touch(SqlClient sql, long taskId, Instant now) {
        return sql.preparedQuery("update task set updated_at = $2, version = version + 1 where id = $1")
                .execute(Tuple.of(taskId, Rows.utc(now))).replaceWithVoid();
    }

    /** An approved extension: the deadline moves, the first one stays as {@code original_deadline}. */
    public Uni<Void> extendDeadline(SqlClient sql, long taskId, LocalDate deadline, boolean scoreAgainstNew, Instant now) {
        return sql.preparedQuery("update task set original_deadline = coalesce(original_deadline, deadline),"
                + " deadline = $2, score_against_new_deadline = $3, updated_at = $4, version = version + 1 where id = $1")
                .execute(Tuple.of(taskId, deadline, scoreAgainstNew, Rows.utc(now))).replaceWithVoid();
    }

    /** The task's own reminder policy (null days: its plan's applies), with the overdue cadence (urge after, daily, every,
     * digest above; nulls: as the plan or the defaults say); false when there is no such live task. */
    public Uni<Boolean> setReminderPolicy(SqlClient sql, long taskId, Integer[] daysBefore, Integer escalateAfterDays,
            Integer[] overdueCadence, Instant now) {
        return sql.preparedQuery("update task set reminder_days_before = $2, escalate_after_days = $3, updated_at = $4, urge_after_days = $5,"
                + " overdue_daily_days = $6, overdue_every_days = $7, digest_above = $8,"
                + " version = version + 1 where id = $1 and deleted_at is null")
                .execute(Tuple.from(new Object[] { taskId, daysBefore, escalateAfterDays, Rows.utc(now), overdueCadence[0],
                        overdueCadence[1], overdueCadence[2], overdueCadence[3] }))
                .map(rows -> rows.rowCount() > 0);
    }
}
