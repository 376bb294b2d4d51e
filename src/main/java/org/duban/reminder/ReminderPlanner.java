package org.duban.reminder;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.calendar.CalendarStore;
import org.duban.calendar.WorkingCalendar;
import org.duban.common.ChinaTime;
import org.duban.common.WorkerThreads;
import org.duban.plan.occurrence.Schedule;
import org.duban.plan.occurrence.TaskOccurrence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Which reminders fall on which days: the open occurrences, their units resolved on the day, the escalation
 * recipients and the calendar, read in four statements, then {@link ReminderRules}. The scheduler and the
 * preview both come here.
 */
@ApplicationScoped
public class ReminderPlanner {

    /** Calendar days ahead of a window that a before-deadline reminder can reach from (60 working days and holidays). */
    private static final int LOOKAHEAD_DAYS = 120;

    private final CalendarStore calendars;
    private final ReminderSettings settings;
    private final LocalTime timeOfDay;

    ReminderPlanner(CalendarStore calendars, ReminderSettings settings) {
        this.calendars = calendars;
        this.settings = settings;
        this.timeOfDay = LocalTime.parse(settings.timeOfDay());
    }

    /** Which tasks to plan for: all of them (the scheduler), or a plan's or a task's (a preview). */
    public record Scope(Long planId, Long taskId) {

        public static final Scope ALL = new Scope(null, null);
    }

    /** The reminders of the days from {@code from} to {@code to}, both included. */
    public Uni<List<DueReminder>> remindersBetween(SqlClient sql, LocalDate from, LocalDate to) {
        return remindersBetween(sql, from, to, Scope.ALL);
    }

    /**
     * Reads on the event loop, plans on a worker thread: walking every open occurrence of a province through the
     * calendar takes seconds, and requests on the same event loop would wait for it.
     */
    public Uni<List<DueReminder>> remindersBetween(SqlClient sql, LocalDate from, LocalDate to, Scope scope) {
        LocalDate dueUpTo = to.plusDays(LOOKAHEAD_DAYS);
        return calendars.load(sql).chain(calendar -> openTasks(sql, dueUpTo, scope)
                .chain(open -> WorkerThreads.run(() -> {
                    ReminderRules rules = new ReminderRules(calendar, timeOfDay, ChinaTime.ZONE);
                    List<DueReminder> result = new ArrayList<>();
                    occurrences(open, dueUpTo).forEach(o -> result.addAll(rules.remindersBetween(o, from, to)));
                    return result;
                })));
    }

    public Uni<WorkingCalendar> calendar(SqlClient sql) {
        return calendars.load(sql);
    }

    /**
     * The rows of the tasks with open work up to {@code dueUpTo}, with their recipients and escalation accounts, as
     * read: turning them into occurrences is the worker thread's part.
     */
    private record OpenTasks(List<Row> tasks, RowSet<Row> recipients, RowSet<Row> escalations) {
    }

    private Uni<OpenTasks> openTasks(SqlClient sql, LocalDate dueUpTo, Scope scope) {
        return sql.preparedQuery("select " + Schedule.COLUMNS + ", t.plan_id, t.reminder_days_before as task_days,"
                + " p.reminder_days_before as plan_days, coalesce(t.escalate_after_days, p.escalate_after_days) as escalate_after"
                + Schedule.FROM
                + " where t.deleted_at is null and (t.recurrence is not null"
                + " or (t.deadline <= $1 and is_open(t.status)))"
                + " and ($2::bigint is null or t.plan_id = $2) and ($3::bigint is null or t.id = $3)")
                .execute(Tuple.of(dueUpTo, scope.planId(), scope.taskId()))
                .chain(rows -> {
                    List<Row> tasks = new ArrayList<>();
                    rows.forEach(tasks::add);
                    Long[] taskIds = tasks.stream().map(r -> r.getLong("id")).toArray(Long[]::new);
                    Long[] planIds = tasks.stream().map(r -> r.getLong("plan_id")).distinct().toArray(Long[]::new);
                    if (taskIds.length == 0) {
                        return Uni.createFrom().item(new OpenTasks(List.of(), null, null));
                    }
                    return recipients(sql, taskIds).chain(recipients -> escalations(sql, planIds)
                            .map(escalations -> new OpenTasks(tasks, recipients, escalations)));
                });
    }

    private List<OpenOccurrence> occurrences(OpenTasks open, LocalDate dueUpTo) {
        List<OpenOccurrence> result = new ArrayList<>();
        if (open.tasks().isEmpty()) {
            return result;
        }
        Map<Long, List<Recipient>> recipients = recipientsByTask(open.recipients());
        Map<Long, List<Long>> escalations = escalationsByPlan(open.escalations());
        for (Row row : open.tasks()) {
            Schedule schedule = Schedule.from(row);
            long planId = row.getLong("plan_id");
            List<Integer> daysBefore = daysBefore(row);
            Integer escalateAfter = row.getInteger("escalate_after");
            int escalate = escalateAfter != null ? escalateAfter : settings.escalateAfterDays();
            for (TaskOccurrence occurrence : schedule.between(null, dueUpTo, dueUpTo, Integer.MAX_VALUE)) {
                if (occurrence.status().isOpen()) {
                    result.add(new OpenOccurrence(schedule.taskId(), occurrence.dueOn(), daysBefore, escalate,
                            recipients.getOrDefault(schedule.taskId(), List.of()), escalations.getOrDefault(planId, List.of())));
                }
            }
        }
        return result;
    }

    private List<Integer> daysBefore(Row row) {
        Integer[] task = row.getArrayOfIntegers("task_days");
        Integer[] plan = row.getArrayOfIntegers("plan_days");
        return task != null ? Arrays.asList(task) : plan != null ? Arrays.asList(plan) : settings.daysBefore();
    }

    /** The units responsible on the day, and assigned sets that have no member: they must not vanish silently. */
    private Uni<RowSet<Row>> recipients(SqlClient sql, Long[] taskIds) {
        return sql.preparedQuery("select tu.task_id, tu.unit_id, null::bigint as set_id from task_unit tu where tu.task_id = any($1)"
                + " union all select a.task_id, null, a.unit_set_id from task_assignment a"
                + " where a.task_id = any($1) and a.unit_set_id is not null"
                + " and not exists (select 1 from unit_set_unit su where su.set_id = a.unit_set_id)")
                .execute(Tuple.of((Object) taskIds));
    }

    private static Map<Long, List<Recipient>> recipientsByTask(RowSet<Row> rows) {
        Map<Long, List<Recipient>> byTask = new HashMap<>();
        for (Row row : rows) {
            Long unit = row.getLong("unit_id");
            Recipient recipient = unit != null ? new Recipient(Recipient.Kind.UNIT, unit)
                    : new Recipient(Recipient.Kind.SET, row.getLong("set_id"));
            byTask.computeIfAbsent(row.getLong("task_id"), k -> new ArrayList<>()).add(recipient);
        }
        return byTask;
    }

    /**
     * Per plan, the accounts linked to its leading groups' leaders and office directors, or the enabled ADMIN
     * accounts where none is linked.
     */
    private Uni<RowSet<Row>> escalations(SqlClient sql, Long[] planIds) {
        return sql.preparedQuery("select p.id as plan_id, coalesce(linked.ids, admins.ids) as account_ids from plan p"
                + " left join lateral (select array_agg(distinct x.account_id order by x.account_id) as ids from ("
                + "   select gm.account_id from plan_leading_group pl join leading_group_member gm on gm.group_id = pl.group_id"
                + "   where pl.plan_id = p.id and gm.role = 'LEADER' and gm.account_id is not null"
                + "   union select g.office_director_account_id from plan_leading_group pl join leading_group g on g.id = pl.group_id"
                + "   where pl.plan_id = p.id and g.office_director_account_id is not null) x"
                + "   join account a on a.id = x.account_id and a.enabled) linked on true"
                + " cross join lateral (select array_agg(a.id order by a.id) as ids from account a"
                + "   where a.enabled and 'ADMIN' = any(a.roles)) admins"
                + " where p.id = any($1)")
                .execute(Tuple.of((Object) planIds));
    }

    private static Map<Long, List<Long>> escalationsByPlan(RowSet<Row> rows) {
        Map<Long, List<Long>> byPlan = new HashMap<>();
        for (Row row : rows) {
            Long[] ids = row.getArrayOfLongs("account_ids");
            byPlan.put(row.getLong("plan_id"), ids == null ? List.of() : Arrays.asList(ids));
        }
        return byPlan;
    }
}
