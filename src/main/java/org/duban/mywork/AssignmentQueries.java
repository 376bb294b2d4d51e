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
 * the recurring ones, and a count when the total is asked for. Tasks with a deadline are paged in PostgreSQL along the
 * unit's own indexes of {@code task_unit}, which carries the due date and status of each task (V32), so a page costs
 * the same for a unit of twenty tasks and for a bureau responsible for a tenth of all tasks. The due date of a
 * recurring task is that of its current occurrence, which only its rule can tell: the unit's recurring tasks (a few
 * monthly reports) are read whole and merged into the page here.
 */
@ApplicationScoped
public class AssignmentQueries {

    private static final String KIND = "assignment";

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

    /**
     * The unit's live tasks with a deadline or none, in the statuses asked for; 0 when the total was not asked for.
     * Counted open and settled apart, each from its index alone (task_unit_open_by_due, task_unit_settled_by_due).
     */
    private Uni<Integer> datedCount(long unitId, List<TaskStatus> statuses, PageRequest page) {
        if (!page.counted()) {
            return Uni.createFrom().item(0);
        }
        String mine = "select count(*) from task_unit where unit_id = $1 and task_live and not task_recurring"
                + " and ($2::text[] is null or task_status = any($2)) and ";
        return pool.preparedQuery("select ((" + mine + "is_open(task_status)) + (" + mine + "not is_open(task_status)))::int")
                .execute(Tuple.of(unitId, names(statuses)))
                .map(rows -> rows.iterator().next().getInteger(0));
    }

    /** The statuses asked for as the task table writes them; null for all. */
    private static String[] names(List<TaskStatus> statuses) {
        return statuses == null || statuses.isEmpty() ? null : statuses.stream().map(Enum::name).toArray(String[]::new);
    }

    /**
     * The unit's recurring tasks, and the first page + 1 of its dated ones after the cursor: a range of the unit's open
     * tasks by (due, task), which is the page's order among them, the overdue ones first (task_unit_open_by_due), and one
     * of its settled tasks, which rank with those not overdue (task_unit_settled_by_due). The branches name tasks only;
     * their columns are joined once, for the page.
     */
    private String statement(long unitId, List<TaskStatus> statuses, LocalDate today, After after, PageRequest page,
            SqlParams params) {
        String day = params.bind(today);
        String rows = params.bind(page.first() + 1);
        String[] names = names(statuses);
        String mine = " from task_unit where unit_id = " + params.bind(unitId) + " and task_live and ";
        String dated = "not task_recurring" + (names == null ? "" : " and task_status = any(" + params.bind(names) + "::text[])");
        String keyset = after == null ? ""
                : " and (task_due, task_id) > (" + params.bind(after.due()) + ", " + params.bind(after.taskId()) + ")";
        List<String> parts = new ArrayList<>();
        parts.add("select null::int as overdue_rank, task_id, role" + mine + "task_recurring");
        // A range for statuses not asked for would read all the unit's tasks of that kind and keep none.
        if (names == null || statuses.stream().anyMatch(TaskStatus::isOpen)) {
            parts.add("select (task_due >= " + day + ")::int, task_id, role" + mine + dated + " and is_open(task_status)"
                    + (after == null || after.overdue() ? keyset : " and task_due >= " + day + keyset)
                    + " order by task_due, task_id limit " + rows);
        }
        if (names == null || !statuses.stream().allMatch(TaskStatus::isOpen)) {
            parts.add("select 1, task_id, role" + mine + dated + " and not is_open(task_status)"
                    + (after == null || after.overdue() ? "" : keyset) + " order by task_due, task_id limit " + rows);
        }
        return "select page.overdue_rank, page.role, " + Task.COLUMNS + " from ("
                + parts.stream().map(part -> "(" + part + ")").collect(Collectors.joining(" union all "))
                + ") page join task t on t.id = page.task_id join plan p on p.id = t.plan_id";
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
