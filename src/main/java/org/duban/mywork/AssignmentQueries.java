package org.duban.mywork;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.calendar.CalendarStore;
import org.duban.calendar.WorkingCalendar;
import org.duban.common.ChinaTime;
import org.duban.common.page.Cursor;
import org.duban.common.page.PageInfo;
import org.duban.common.page.PageRequest;
import org.duban.common.sql.SqlParams;
import org.duban.plan.AssignmentRole;
import org.duban.plan.Task;
import org.duban.plan.TaskStatus;
import org.duban.plan.occurrence.OccurrenceId;
import org.duban.plan.occurrence.OccurrenceQueries;
import org.duban.plan.occurrence.TaskOccurrence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A unit's assignments, overdue first, then by due date (none last), then by task: one statement, the schedules of
 * the recurring ones, and a count when the total is asked for. Tasks with a deadline are paged in PostgreSQL, sorted
 * there for a unit with few and walked along the deadline indexes for one with many ({@link #statement}), so a bureau
 * responsible for a tenth of all tasks is not read whole at every request. The due date of a recurring task is that of
 * its current occurrence, which only its rule can tell: the unit's recurring tasks (a few monthly reports) are read
 * whole and merged into the page here.
 */
@ApplicationScoped
public class AssignmentQueries {

    private static final String KIND = "assignment";
    private static final String DUE_KEY = "coalesce(t.deadline, 'infinity'::date)";

    private final Pool pool;
    private final CalendarStore calendars;
    private final OccurrenceQueries occurrences;
    private final Clock clock;
    /** How many of a unit's tasks are read whole at most (see {@link #statement}); null: as the task table's size says. */
    private volatile Integer readWholeUpTo;

    AssignmentQueries(Pool pool, CalendarStore calendars, OccurrenceQueries occurrences, Clock clock) {
        this.pool = pool;
        this.calendars = calendars;
        this.occurrences = occurrences;
        this.clock = clock;
    }

    private record Responsibility(Task task, AssignmentRole role) {
    }

    /** Tests walk a dozen tasks along the deadline indexes as a bureau's thousands would be. */
    void readWholeUpTo(Integer rows) {
        this.readWholeUpTo = rows;
    }

    /**
     * Where a page continues: the parts of {@link Assignment#sortKey()} of the last assignment seen; {@code due} is
     * LocalDate.MAX, which the client binds as PostgreSQL's 'infinity', for none.
     */
    private record After(String sortKey, boolean overdue, LocalDate due, long taskId) {

        static After of(String cursor) {
            String sortKey = Cursor.decode(cursor, KIND, 1).get(0);
            String[] parts = sortKey.split("\\|", -1);
            if (parts.length != 3 || !(parts[0].equals("0") || parts[0].equals("1"))) {
                throw Cursor.invalid();
            }
            boolean overdue = parts[0].equals("0");
            LocalDate due;
            try {
                due = parts[1].equals("infinity") ? LocalDate.MAX : LocalDate.parse(parts[1]);
            } catch (DateTimeParseException e) {
                throw Cursor.invalid();
            }
            if (overdue && due.equals(LocalDate.MAX)) {
                throw Cursor.invalid();
            }
            return new After(sortKey, overdue, due, Cursor.id(parts[2]));
        }
    }

    public Uni<AssignmentConnection> page(long unitId, List<TaskStatus> statuses, PageRequest page) {
        LocalDate today = ChinaTime.today(clock);
        After after = page.after() == null ? null : After.of(page.after());
        SqlParams params = new SqlParams();
        String sql = statement(unitId, statuses, today, after, page, params);
        return calendars.current().chain(calendar -> pool.preparedQuery(sql).execute(params.tuple())
                .chain(rows -> datedCount(unitId, statuses, page)
                        .chain(datedTotal -> connection(rows, datedTotal, statuses, today, after, page, calendar))));
    }

    /** The unit's live tasks with a deadline or none, in the statuses asked for; 0 when the total was not asked for. */
    private Uni<Integer> datedCount(long unitId, List<TaskStatus> statuses, PageRequest page) {
        if (!page.counted()) {
            return Uni.createFrom().item(0);
        }
        return pool.preparedQuery("select count(*)::int from task t join task_unit tu on tu.task_id = t.id and tu.unit_id = $1"
                + " where t.deleted_at is null and t.recurrence is null and ($2::text[] is null or t.status = any($2))")
                .execute(Tuple.of(unitId, names(statuses)))
                .map(rows -> rows.iterator().next().getInteger(0));
    }

    /** The statuses asked for as the task table writes them; null for all. */
    private static String[] names(List<TaskStatus> statuses) {
        return statuses == null || statuses.isEmpty() ? null : statuses.stream().map(Enum::name).toArray(String[]::new);
    }

    /**
     * The unit's recurring tasks, and the first page + 1 of its dated ones after the cursor. Which way the dated ones
     * are found depends on how many the unit has, and a prepared statement keeps one plan for all units (PostgreSQL's
     * plan for an average unit read a bureau's 3,000 assignments twice per request), so the statement holds both ways
     * and takes one at run time. A unit with up to about the square root of page size times
     * tasks (200 at least; 4,600 at 1,000,000 tasks) has them read whole and sorted, at most that many rows; a unit with
     * more has its overdue tasks and the rest each walked along a deadline index, probing its assignments, until a page
     * is found (about page size times tasks over the unit's, fewer than the unit's), and its recurring ones found among
     * all recurring tasks. The branches name tasks only; their columns are joined once, for the page. Vert.x prepares
     * and keeps a statement only under 2,048 characters, and one it does not keep is parsed and planned at every
     * execution (AssignmentsTest holds this one under).
     */
    private String statement(long unitId, List<TaskStatus> statuses, LocalDate today, After after, PageRequest page,
            SqlParams params) {
        String unit = params.bind(unitId);
        String day = params.bind(today);
        // Written, not bound: for a bound limit PostgreSQL's plan for all values expects a tenth of the rows, estimates
        // the walks at a whole table's cost and compiles the statement (JIT, 29 ms) at every execution.
        int rows = page.first() + 1;
        String[] names = names(statuses);
        String dated = " where recurrence is null" + (names == null ? "" : " and status = any(" + params.bind(names) + "::text[])");
        String recurring = " where recurrence is not null";
        String overdueNow = "is_open(status) and deadline < " + day;
        String rank = "case when " + overdueNow + " then 0 else 1 end";
        String afterDue = after == null ? null : params.bind(after.due());
        String afterTask = after == null ? null : params.bind(after.taskId());

        List<String> parts = new ArrayList<>();
        parts.add("select null::int as overdue_rank, id from whole" + recurring);
        parts.add("select k, id from whole" + dated
                + (after == null ? "" : " and (k, due, id) > (" + params.bind(after.overdue() ? 0 : 1) + ", " + afterDue + ", "
                        + afterTask + ")")
                + " order by k, due, id limit " + rows);
        parts.add("select null, id from walked" + recurring);
        if (after == null || after.overdue()) {
            parts.add("select 0, id from walked" + dated + " and " + overdueNow
                    + (after == null ? "" : " and (deadline, id) > (" + afterDue + ", " + afterTask + ")")
                    + " order by deadline, id limit " + rows);
        }
        parts.add("select 1, id from walked" + dated + " and (deadline is null or deadline >= " + day + " or not is_open(status))"
                + (after == null || after.overdue() ? "" : " and (due, id) > (" + afterDue + ", " + afterTask + ")")
                + " order by due, id limit " + rows);

        return "with cap as (select coalesce(" + params.bind(readWholeUpTo) + "::int, greatest(200, sqrt(abs(reltuples) * "
                + rows + "))::int) as n from pg_class where oid = 'task'::regclass),"
                + " mine as materialized (select task_id from task_unit where unit_id = " + unit + " limit (select n from cap) + 1),"
                + " few as (select count(*) <= (select n from cap) as yes from mine),"
                + " whole as not materialized (select t.*, " + rank + " as k, " + DUE_KEY + " as due from mine join task t"
                + " on t.id = task_id where deleted_at is null and (select yes from few)),"
                // A scalar subquery: PostgreSQL cannot make it a join driven by the unit's assignments.
                + " walked as not materialized (select t.*, " + DUE_KEY + " as due from task t where deleted_at is null"
                + " and not (select yes from few) and (select true from task_unit u where u.task_id = t.id and u.unit_id = " + unit
                + ")) select page.overdue_rank, (select role from task_unit where task_id = t.id and unit_id = " + unit + ") as role, "
                + Task.COLUMNS + " from ("
                + parts.stream().map(part -> "(" + part + ")").collect(Collectors.joining(" union all "))
                + ") page join task t on t.id = page.id join plan p on p.id = t.plan_id";
    }

    private Uni<AssignmentConnection> connection(RowSet<Row> rows, int datedTotal, List<TaskStatus> statuses, LocalDate today,
            After after, PageRequest page, WorkingCalendar calendar) {
        List<Responsibility> recurring = new ArrayList<>();
        List<Assignment> dated = new ArrayList<>();
        for (Row row : rows) {
            Responsibility responsibility = new Responsibility(Task.from(row, today), AssignmentRole.valueOf(row.getString("role")));
            if (row.getValue("overdue_rank") == null) {
                recurring.add(responsibility);
            } else {
                dated.add(assignment(responsibility, null, today, calendar));
            }
        }
        return currentOccurrences(recurring, today).map(current -> {
            List<Assignment> recurringShown = recurring.stream()
                    .map(r -> assignment(r, current.get(r.task().id()), today, calendar))
                    .filter(a -> statuses == null || statuses.isEmpty() || statuses.contains(a.status()))
                    .toList();
            List<Assignment> candidates = Stream.concat(dated.stream(),
                            recurringShown.stream().filter(a -> after == null || a.sortKey().compareTo(after.sortKey()) > 0))
                    .sorted(Comparator.comparing(Assignment::sortKey))
                    .toList();
            List<AssignmentConnection.AssignmentEdge> edges = candidates.subList(0, Math.min(page.first(), candidates.size()))
                    .stream().map(a -> new AssignmentConnection.AssignmentEdge(Cursor.encode(KIND, a.sortKey()), a)).toList();
            return new AssignmentConnection(page.counted() ? datedTotal + recurringShown.size() : 0, edges,
                    new PageInfo(candidates.size() > edges.size(), after != null,
                            edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
        });
    }

    /** The current occurrence of every recurring task, from its schedule (one statement). */
    private Uni<Map<Long, TaskOccurrence>> currentOccurrences(List<Responsibility> recurring, LocalDate today) {
        if (recurring.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Long[] ids = recurring.stream().map(r -> r.task().id()).toArray(Long[]::new);
        return occurrences.schedules(ids).map(schedules -> schedules.stream()
                .map(schedule -> schedule.current(today)).filter(Objects::nonNull)
                .collect(Collectors.toMap(TaskOccurrence::taskId, Function.identity())));
    }

    private static Assignment assignment(Responsibility responsibility, TaskOccurrence recurringOccurrence, LocalDate today,
            WorkingCalendar calendar) {
        Task task = responsibility.task();
        LocalDate dueOn = recurringOccurrence != null ? recurringOccurrence.dueOn() : task.recurrence() == null ? task.deadline() : null;
        TaskStatus status = recurringOccurrence != null ? recurringOccurrence.status() : task.status();
        String occurrenceId = recurringOccurrence != null ? recurringOccurrence.id()
                : dueOn == null ? null : new OccurrenceId(task.id(), dueOn).toString();
        boolean overdue = dueOn != null && today.isAfter(dueOn) && status.isOpen();
        Integer left = null;
        if (dueOn != null) {
            left = dueOn.isBefore(today) ? -calendar.workingDaysBetween(dueOn, today) : calendar.workingDaysBetween(today, dueOn);
        }
        return new Assignment(task, responsibility.role(), dueOn, occurrenceId, status, left, overdue);
    }
}
