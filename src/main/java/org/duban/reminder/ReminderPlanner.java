package org.duban.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.calendar.CalendarStore;
import org.duban.calendar.WorkingCalendar;
import org.duban.common.ChinaTime;
import org.duban.common.WorkerThreads;
import org.duban.plan.TaskStatus;
import org.duban.plan.occurrence.Schedule;
import org.duban.plan.occurrence.TaskOccurrence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Which reminders fall on which days: the open occurrences, their units resolved on the day, the escalation
 * recipients and the calendar, then {@link ReminderRules}. The preview asks for a window ({@link #remindersBetween});
 * the scheduler claims the tasks whose next reminder day has come, a chunk at a time ({@link #claimDue}).
 */
@ApplicationScoped
public class ReminderPlanner {

    /** Calendar days ahead of a window that a before-deadline reminder can reach from (60 working days and holidays). */
    private static final int LOOKAHEAD_DAYS = 120;
    /** The next reminder day of a task that owes nothing: none until a change marks it for planning again. */
    private static final LocalDate NEVER = LocalDate.of(9999, 12, 31);
    private static final String SELECT = "select " + Schedule.COLUMNS + ", t.plan_id, t.reminder_days_before as task_days,"
            + " p.reminder_days_before as plan_days, coalesce(t.escalate_after_days, p.escalate_after_days) as escalate_after,"
            + " coalesce(t.urge_after_days, p.urge_after_days) as urge_after, coalesce(t.overdue_daily_days, p.overdue_daily_days) as daily,"
            + " coalesce(t.overdue_every_days, p.overdue_every_days) as every, coalesce(t.digest_above, p.digest_above) as digest_above";

    private final CalendarStore calendars;
    private final ReminderSettings settings;
    private final LocalTime timeOfDay;

    ReminderPlanner(CalendarStore calendars, ReminderSettings settings) {
        this.calendars = calendars;
        this.settings = settings;
        this.timeOfDay = LocalTime.parse(settings.timeOfDay());
    }

    /**
     * Which tasks to plan for: all of them (the scheduler), or a plan's or a task's (a preview), among the plans of
     * some regions (the previewing caller's; null: every region).
     */
    public record Scope(Long planId, Long taskId, Long[] regions) {

        public static final Scope ALL = new Scope(null, null, null);
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

    /**
     * What one chunk of a scheduler run plans: the reminders of the tasks it claimed, and for each claimed task the
     * day it next needs planning, to be stored with {@link #advance} in the chunk's transaction.
     */
    public record DuePlan(List<DueReminder> reminders, Long[] taskIds, LocalDate[] nextDays) {

        static final DuePlan NOTHING = new DuePlan(List.of(), new Long[0], new LocalDate[0]);

        public int tasksPlanned() {
            return taskIds.length;
        }
    }

    /**
     * Readies the index of next reminder days ({@code reminder_due}, V7) for a run on {@code today}: other settings
     * than those the stored days were worked out with, or days worked out on a later day than today (a clock set back,
     * as tests and demos do), have the tasks concerned planned again.
     */
    public Uni<Void> prepareRun(SqlClient sql, LocalDate today) {
        String basis = "days-before=" + settings.daysBefore() + ";escalate-after=" + settings.escalateAfterDays() + ";at="
                + settings.timeOfDay() + ";lookahead=" + LOOKAHEAD_DAYS + ";cadence=" + defaultCadence();
        return sql.preparedQuery("with stored as (insert into reminder_planning_basis (basis) values ($1) on conflict (single)"
                + " do update set basis = excluded.basis where reminder_planning_basis.basis <> excluded.basis"
                + " returning xmax <> 0 as changed)"
                + " update reminder_due set next_on = date '1900-01-01' where exists (select 1 from stored where changed)")
                .execute(Tuple.of(basis))
                .chain(() -> sql.preparedQuery("update reminder_due d set next_on = date '1900-01-01' from task t"
                        + " where d.planned_on > $1 and t.id = d.task_id and t.deleted_at is null")
                        .execute(Tuple.of(today)))
                .replaceWithVoid();
    }

    /**
     * Claims up to {@code size} of the tasks whose next reminder day has come, in the transaction {@code tx}, and plans
     * their reminders from {@code from} to {@code now}. The claim locks their rows of {@code reminder_due} and skips
     * rows another instance holds, so instances running at once share the work; a task changed meanwhile waits for the
     * chunk to commit and then marks itself for the next run.
     */
    public Uni<DuePlan> claimDue(SqlConnection tx, WorkingCalendar calendar, LocalDate from, Instant now, int size) {
        LocalDate today = now.atZone(ChinaTime.ZONE).toLocalDate();
        LocalDate dueUpTo = today.plusDays(LOOKAHEAD_DAYS);
        // A day's reminders fall due at the time of day; before it, the tasks of that day wait for a later run.
        LocalDate lastDueDay = timeOfDayHasCome(now) ? today : today.minusDays(1);
        return tx.preparedQuery("select task_id from reminder_due where next_on <= $1 order by next_on limit $2"
                + " for update skip locked")
                .execute(Tuple.of(lastDueDay, size))
                .chain(claimed -> {
                    Long[] ids = new Long[claimed.size()];
                    int i = 0;
                    for (Row row : claimed) {
                        ids[i++] = row.getLong(0);
                    }
                    if (ids.length == 0) {
                        return Uni.createFrom().item(DuePlan.NOTHING);
                    }
                    Uni<OpenTasks> open = withRecipients(tx, tx.preparedQuery(SELECT + Schedule.FROM
                            + " where t.id = any($1) and t.deleted_at is null").execute(Tuple.of((Object) ids)));
                    return open.chain(tasks -> overdueItems(tx, tasks, today).chain(overdue -> WorkerThreads.run(() -> planDue(
                            new ReminderRules(calendar, timeOfDay, ChinaTime.ZONE), ids, tasks, overdue, from, today, dueUpTo, now))));
                });
    }

    private DuePlan planDue(ReminderRules rules, Long[] claimed, OpenTasks open, Map<Long, Integer> overdueItems,
            LocalDate from, LocalDate today, LocalDate dueUpTo, Instant now) {
        Map<Long, LocalDate> nextDays = new HashMap<>();
        List<DueReminder> reminders = new ArrayList<>();
        Recipients recipients = new Recipients(open);
        for (Row row : open.tasks()) {
            Schedule schedule = Schedule.from(row);
            LocalDate next = null;
            for (OpenOccurrence occurrence : openOccurrences(row, schedule, dueUpTo, recipients)) {
                for (DueReminder reminder : rules.remindersBetween(occurrence, from, today)) {
                    if (schedule.recurs() || reminder.milestone() != null || !inDigest(reminder, occurrence.cadence(), overdueItems)) {
                        reminders.add(reminder);
                    }
                }
                LocalDate day = rules.nextReminderDay(occurrence, now);
                next = next == null || day.isBefore(next) ? day : next;
            }
            LocalDate laterMilestone = recipients.laterMilestone(row, dueUpTo);
            if (next == null) {
                // Nothing owed within the lookahead: a later deadline gives no reminder before it comes within reach.
                // A rule may recur beyond the year listed: look again when the lookahead has moved on.
                List<TaskOccurrence> later = schedule.between(dueUpTo.plusDays(1), null, today, 1);
                next = !later.isEmpty() ? later.get(0).dueOn().minusDays(LOOKAHEAD_DAYS)
                        : row.getString("recurrence") != null ? dueUpTo : NEVER;
            }
            if (laterMilestone != null && laterMilestone.minusDays(LOOKAHEAD_DAYS).isBefore(next)) {
                next = laterMilestone.minusDays(LOOKAHEAD_DAYS);
            }
            nextDays.put(schedule.taskId(), next);
        }
        // A claimed task not read was deleted after it was marked: it owes nothing any more.
        LocalDate[] days = Arrays.stream(claimed).map(id -> nextDays.getOrDefault(id, NEVER)).toArray(LocalDate[]::new);
        return new DuePlan(reminders, claimed, days);
    }

    /**
     * An overdue reminder of a deadline (not a milestone's, not a recurring task's) to a unit with more overdue items than
     * the task's policy allows goes in the unit's weekly digest ({@link OverdueDigest}) instead: one message listing
     * them all, not one each.
     */
    private static boolean inDigest(DueReminder reminder, OverdueCadence cadence, Map<Long, Integer> overdueItems) {
        return reminder.kind() == ReminderKind.OVERDUE && reminder.recipient().kind() == Recipient.Kind.UNIT
                && overdueItems.getOrDefault(reminder.recipient().id(), 0) > cadence.digestAbove();
    }

    /**
     * How many overdue items ({@link OverdueDigest#items}) each unit of the claimed tasks has today; read only when
     * the chunk holds overdue work, by the units' index.
     */
    private Uni<Map<Long, Integer>> overdueItems(SqlClient sql, OpenTasks open, LocalDate today) {
        boolean overdue = open.tasks().stream().anyMatch(row -> row.getLocalDate("deadline") != null
                && row.getLocalDate("deadline").isBefore(today) && TaskStatus.valueOf(row.getString("status")).isOpen());
        if (!overdue) {
            return Uni.createFrom().item(Map.of());
        }
        Set<Long> units = new HashSet<>();
        open.recipients().forEach(row -> {
            if (row.getLong("unit_id") != null) {
                units.add(row.getLong("unit_id"));
            }
        });
        return sql.preparedQuery("select tu.unit_id, count(*)::int as items from task_unit tu join task t on t.id = tu.task_id"
                + " where tu.unit_id = any($1) and " + OverdueDigest.items("$2") + " group by tu.unit_id")
                .execute(Tuple.of(units.toArray(new Long[0]), today))
                .map(rows -> {
                    Map<Long, Integer> items = new HashMap<>();
                    rows.forEach(row -> items.put(row.getLong("unit_id"), row.getInteger("items")));
                    return items;
                });
    }

    /** Whether the day's reminders (and the notices that come with them) are due at {@code now}: the time of day has come in China. */
    public boolean timeOfDayHasCome(Instant now) {
        LocalDate today = now.atZone(ChinaTime.ZONE).toLocalDate();
        return !today.atTime(timeOfDay).atZone(ChinaTime.ZONE).toInstant().isAfter(now);
    }

    /** Stores the days a chunk worked out onto the rows it claimed. */
    public Uni<Void> advance(SqlConnection tx, DuePlan plan, LocalDate today) {
        if (plan.tasksPlanned() == 0) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("update reminder_due d set next_on = x.next, planned_on = $3"
                + " from unnest($1::bigint[], $2::date[]) as x(task_id, next) where d.task_id = x.task_id")
                .execute(Tuple.of(plan.taskIds(), plan.nextDays(), today))
                .replaceWithVoid();
    }

    public Uni<WorkingCalendar> calendar(SqlClient sql) {
        return calendars.load(sql);
    }

    /**
     * The rows of the tasks with open work up to {@code dueUpTo}, with their recipients and escalation accounts, as
     * read: turning them into occurrences is the worker thread's part.
     */
    private record OpenTasks(List<Row> tasks, RowSet<Row> recipients, RowSet<Row> escalations, RowSet<Row> milestones) {
    }

    private Uni<OpenTasks> openTasks(SqlClient sql, LocalDate dueUpTo, Scope scope) {
        return withRecipients(sql, sql.preparedQuery(SELECT + Schedule.FROM
                + " where t.deleted_at is null and (t.recurrence is not null or (is_open(t.status) and (t.deadline <= $1"
                + " or exists (select 1 from task_milestone m where m.task_id = t.id and m.due_on <= $1))))"
                + " and ($2::bigint is null or t.plan_id = $2) and ($3::bigint is null or t.id = $3)"
                + " and ($4::bigint[] is null or t.plan_id in (select p.id from plan p where p.region_id = any ($4)))")
                .execute(Tuple.of(dueUpTo, scope.planId(), scope.taskId(), scope.regions())));
    }

    private Uni<OpenTasks> withRecipients(SqlClient sql, Uni<RowSet<Row>> read) {
        return read.chain(rows -> {
            List<Row> tasks = new ArrayList<>();
            rows.forEach(tasks::add);
            Long[] taskIds = tasks.stream().map(r -> r.getLong("id")).toArray(Long[]::new);
            Long[] planIds = tasks.stream().map(r -> r.getLong("plan_id")).distinct().toArray(Long[]::new);
            if (taskIds.length == 0) {
                return Uni.createFrom().item(new OpenTasks(List.of(), null, null, null));
            }
            return recipients(sql, taskIds).chain(recipients -> escalations(sql, planIds)
                    .chain(escalations -> unmetMilestones(sql, taskIds)
                            .map(milestones -> new OpenTasks(tasks, recipients, escalations, milestones))));
        });
    }

    /** The recipients and escalation accounts read, by task and by plan, and the tasks' milestones not yet met. */
    private static final class Recipients {
        final Map<Long, List<Recipient>> byTask;
        final Map<Long, List<Long>> escalationsByPlan;
        final Map<Long, List<UnmetMilestone>> milestonesByTask;

        Recipients(OpenTasks open) {
            byTask = open.tasks().isEmpty() ? Map.of() : recipientsByTask(open.recipients());
            escalationsByPlan = open.tasks().isEmpty() ? Map.of() : escalationsByPlan(open.escalations());
            milestonesByTask = open.tasks().isEmpty() ? Map.of() : milestonesByTask(open.milestones());
        }

        /** The first unmet milestone of an open task beyond the lookahead: it needs planning when it comes within reach. */
        LocalDate laterMilestone(Row task, LocalDate dueUpTo) {
            if (!TaskStatus.valueOf(task.getString("status")).isOpen()) {
                return null;
            }
            return milestonesByTask.getOrDefault(task.getLong("id"), List.of()).stream().map(UnmetMilestone::dueOn)
                    .filter(day -> day.isAfter(dueUpTo)).min(LocalDate::compareTo).orElse(null);
        }
    }

    private record UnmetMilestone(LocalDate dueOn, String title) {
    }

    private List<OpenOccurrence> occurrences(OpenTasks open, LocalDate dueUpTo) {
        List<OpenOccurrence> result = new ArrayList<>();
        Recipients recipients = new Recipients(open);
        for (Row row : open.tasks()) {
            result.addAll(openOccurrences(row, Schedule.from(row), dueUpTo, recipients));
        }
        return result;
    }

    /** The task's occurrences still owed up to {@code dueUpTo}, with its policy and whom they concern. */
    private List<OpenOccurrence> openOccurrences(Row row, Schedule schedule, LocalDate dueUpTo, Recipients recipients) {
        List<OpenOccurrence> result = new ArrayList<>();
        long planId = row.getLong("plan_id");
        List<Integer> daysBefore = daysBefore(row);
        Integer escalateAfter = row.getInteger("escalate_after");
        int escalate = escalateAfter != null ? escalateAfter : settings.escalateAfterDays();
        OverdueCadence cadence = cadence(row);
        List<Recipient> units = recipients.byTask.getOrDefault(schedule.taskId(), List.of());
        List<Long> escalations = recipients.escalationsByPlan.getOrDefault(planId, List.of());
        for (TaskOccurrence occurrence : schedule.between(null, dueUpTo, dueUpTo, Integer.MAX_VALUE)) {
            if (occurrence.status().isOpen()) {
                result.add(new OpenOccurrence(schedule.taskId(), occurrence.dueOn(), daysBefore, escalate, cadence, units,
                        escalations));
            }
        }
        // A milestone is owed while the task is open and it is not met, by the task's policy; one on the deadline is
        // reminded as the deadline, once.
        if (!schedule.recurs() && TaskStatus.valueOf(row.getString("status")).isOpen()) {
            for (UnmetMilestone milestone : recipients.milestonesByTask.getOrDefault(schedule.taskId(), List.of())) {
                if (!milestone.dueOn().isAfter(dueUpTo) && !milestone.dueOn().equals(schedule.deadline())) {
                    result.add(new OpenOccurrence(schedule.taskId(), milestone.dueOn(), daysBefore, escalate, cadence, units,
                            escalations, milestone.title()));
                }
            }
        }
        return result;
    }

    /**
     * Working days left when today is a reminder day of something due on {@code due} by the default policy (the working
     * days before, the day or the last working day before it, then the overdue cadence): 0 on the day, negative when
     * overdue; null when today is no reminder day. For answers the units owe (instructions, supervision notices).
     */
    public Integer defaultReminderDay(WorkingCalendar calendar, LocalDate due, LocalDate today) {
        if (today.isAfter(due)) {
            int overdue = calendar.workingDaysBetween(due, today);
            return calendar.isWorkingDay(today) && defaultCadence().remindsOn(overdue) ? -overdue : null;
        }
        if (today.equals(calendar.workingDayOnOrBefore(due))) {
            return 0;
        }
        for (int n : settings.daysBefore()) {
            if (today.equals(calendar.minusWorkingDays(due, n))) {
                return n;
            }
        }
        return null;
    }

    /** The cadence of overdue reminders the row's task follows: its own, its plan's, the defaults, field by field. */
    public OverdueCadence cadence(Row row) {
        OverdueCadence defaults = defaultCadence();
        Integer urge = row.getInteger("urge_after");
        Integer daily = row.getInteger("daily");
        Integer every = row.getInteger("every");
        Integer digest = row.getInteger("digest_above");
        return new OverdueCadence(urge != null ? urge : defaults.urgeAfterDays(), daily != null ? daily : defaults.dailyDays(),
                every != null ? every : defaults.everyDays(), digest != null ? digest : defaults.digestAbove());
    }

    public OverdueCadence defaultCadence() {
        return new OverdueCadence(settings.urgeAfterDays().orElse(null), settings.overdueDailyDays(), settings.overdueEveryDays(),
                settings.digestAbove());
    }

    private List<Integer> daysBefore(Row row) {
        Integer[] task = row.getArrayOfIntegers("task_days");
        Integer[] plan = row.getArrayOfIntegers("plan_days");
        return task != null ? Arrays.asList(task) : plan != null ? Arrays.asList(plan) : settings.daysBefore();
    }

    /** The milestones not met, of any date: V14's task_milestone_state tells from the land and the ticks. */
    private Uni<RowSet<Row>> unmetMilestones(SqlClient sql, Long[] taskIds) {
        return sql.preparedQuery("select task_id, due_on, title from task_milestone_state where task_id = any($1) and not met"
                + " order by task_id, due_on, ordinal")
                .execute(Tuple.of((Object) taskIds));
    }

    private static Map<Long, List<UnmetMilestone>> milestonesByTask(RowSet<Row> rows) {
        Map<Long, List<UnmetMilestone>> byTask = new HashMap<>();
        for (Row row : rows) {
            byTask.computeIfAbsent(row.getLong("task_id"), k -> new ArrayList<>())
                    .add(new UnmetMilestone(row.getLocalDate("due_on"), row.getString("title")));
        }
        return byTask;
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
     * accounts governing its region where none is linked.
     */
    private Uni<RowSet<Row>> escalations(SqlClient sql, Long[] planIds) {
        return sql.preparedQuery("select p.id as plan_id, coalesce(linked.ids, admins.ids) as account_ids from plan p"
                + " left join lateral (select array_agg(distinct x.account_id order by x.account_id) as ids from ("
                + "   select gm.account_id from plan_leading_group pl join leading_group_member gm on gm.group_id = pl.group_id"
                + "   where pl.plan_id = p.id and gm.role = 'LEADER' and gm.account_id is not null"
                + "   union select g.office_director_account_id from plan_leading_group pl join leading_group g on g.id = pl.group_id"
                + "   where pl.plan_id = p.id and g.office_director_account_id is not null) x"
                + "   join account a on a.id = x.account_id and a.enabled) linked on true"
                + " cross join lateral (select array_agg(a.id order by a.id) as ids from account_region g"
                + "   join account a on a.id = g.account_id where g.region_id = p.region_id and a.enabled and 'ADMIN' = any(a.roles)) admins"
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
