package org.duban.mywork;

import java.time.Clock;
import java.time.LocalDate;
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
import org.duban.common.page.KeysetPage;
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

/**
 * A unit's assignments, overdue first, then by due date (none last), then by task: one statement, then the schedules
 * of the recurring ones. A task with a deadline is paged in PostgreSQL, overdue ones and the rest each along a
 * deadline index, so a unit responsible for fifteen thousand tasks gets its page as fast as one with twenty. The due
 * date of a recurring task is that of its current occurrence, which only its rule can tell: the unit's recurring
 * tasks (a few monthly reports) are read whole and merged into the page here.
 */
@ApplicationScoped
public class AssignmentQueries {

    private static final String KIND = "assignment";
    private static final String DUE_KEY = "coalesce(t.deadline, 'infinity'::date)";

    private final Pool pool;
    private final CalendarStore calendars;
    private final OccurrenceQueries occurrences;
    private final Clock clock;

    AssignmentQueries(Pool pool, CalendarStore calendars, OccurrenceQueries occurrences, Clock clock) {
        this.pool = pool;
        this.calendars = calendars;
        this.occurrences = occurrences;
        this.clock = clock;
    }

    private record Responsibility(Task task, AssignmentRole role) {
    }

    /** Where a page continues: the parts of {@link Assignment#sortKey()} of the last assignment seen. */
    private record After(String sortKey, boolean overdue, String due, long taskId) {

        static After of(String cursor) {
            String sortKey = Cursor.decode(cursor, KIND, 1).get(0);
            String[] parts = sortKey.split("\\|", -1);
            if (parts.length != 3 || !(parts[0].equals("0") || parts[0].equals("1"))) {
                throw Cursor.invalid();
            }
            boolean overdue = parts[0].equals("0");
            String due = (String) KeysetPage.DATE_OR_INFINITY.decode(parts[1]);
            if (overdue && due.equals("infinity")) {
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
                .chain(rows -> connection(rows, statuses, today, after, page, calendar)));
    }

    /**
     * The unit's recurring tasks, and the first page + 1 of its overdue tasks and of the others (each in the order of
     * an index on the deadline, which the planner walks for a unit with many tasks), counted when asked.
     */
    private static String statement(long unitId, List<TaskStatus> statuses, LocalDate today, After after, PageRequest page,
            SqlParams params) {
        String mine = " join task_unit tu on tu.task_id = t.id and tu.unit_id = " + params.bind(unitId);
        String from = " from task t join plan p on p.id = t.plan_id" + mine;
        String columns = "tu.role, " + Task.COLUMNS;
        String dated = " where t.deleted_at is null and t.recurrence is null" + (statuses == null || statuses.isEmpty() ? ""
                : " and t.status = any(" + params.bind(statuses.stream().map(Enum::name).toArray(String[]::new)) + "::text[])");
        String day = params.bind(today);
        String limit = params.bind(page.first() + 1);
        List<String> parts = new ArrayList<>();
        parts.add("select null::int as overdue_rank, " + columns + from + " where t.deleted_at is null and t.recurrence is not null");
        if (after == null || after.overdue()) {
            parts.add("select 0, " + columns + from + dated + " and is_open(t.status) and t.deadline < " + day
                    + (after == null ? "" : " and (t.deadline, t.id) > (" + params.bind(after.due()) + "::text::date, "
                            + params.bind(after.taskId()) + ")")
                    + " order by t.deadline, t.id limit " + limit);
        }
        parts.add("select 1, " + columns + from + dated + " and (t.deadline is null or t.deadline >= " + day
                + " or not is_open(t.status))"
                + (after == null || after.overdue() ? "" : " and (" + DUE_KEY + ", t.id) > (" + params.bind(after.due())
                        + "::text::date, " + params.bind(after.taskId()) + ")")
                + " order by " + DUE_KEY + ", t.id limit " + limit);
        String total = page.counted() ? "select count(*)::int as total_count from task t" + mine + dated
                : "select null::int as total_count";
        return "with total as (" + total + ") select total.total_count, page.* from total left join lateral ("
                + parts.stream().map(part -> "(" + part + ")").collect(Collectors.joining(" union all ")) + ") page on true";
    }

    private Uni<AssignmentConnection> connection(RowSet<Row> rows, List<TaskStatus> statuses, LocalDate today, After after,
            PageRequest page, WorkingCalendar calendar) {
        int datedTotal = 0;
        List<Responsibility> recurring = new ArrayList<>();
        List<Assignment> dated = new ArrayList<>();
        for (Row row : rows) {
            Integer counted = row.getInteger("total_count");
            datedTotal = counted == null ? 0 : counted;
            if (row.getValue("id") == null) {
                continue;
            }
            Responsibility responsibility = new Responsibility(Task.from(row, today), AssignmentRole.valueOf(row.getString("role")));
            if (row.getValue("overdue_rank") == null) {
                recurring.add(responsibility);
            } else {
                dated.add(assignment(responsibility, null, today, calendar));
            }
        }
        int total = datedTotal;
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
            return new AssignmentConnection(page.counted() ? total + recurringShown.size() : 0, edges,
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
