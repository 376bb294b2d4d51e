package org.duban.mywork;

import static org.duban.common.sql.Rows.map;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.calendar.CalendarStore;
import org.duban.calendar.WorkingCalendar;
import org.duban.common.ChinaTime;
import org.duban.common.page.Cursor;
import org.duban.common.page.PageInfo;
import org.duban.common.page.PageRequest;
import org.duban.plan.AssignmentRole;
import org.duban.plan.Task;
import org.duban.plan.TaskStatus;
import org.duban.plan.occurrence.OccurrenceId;
import org.duban.plan.occurrence.OccurrenceQueries;
import org.duban.plan.occurrence.TaskOccurrence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A unit's assignments, overdue first, then by due date (none last). The due date of a recurring task is that
 * of its current occurrence, which only its rule can tell, so a unit's assignments (tens, a few hundred at most)
 * are read whole and ordered here: the calendar, the tasks, and the schedules of the recurring ones, whatever
 * the page size.
 */
@ApplicationScoped
public class AssignmentQueries {

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

    public Uni<AssignmentConnection> page(long unitId, List<TaskStatus> statuses, PageRequest page) {
        LocalDate today = ChinaTime.today(clock);
        String after = page.after() == null ? null : Cursor.decode(page.after(), "assignment", 1).get(0);
        return calendars.current().chain(calendar -> pool.preparedQuery("select tu.role, " + Task.COLUMNS
                + " from task t join plan p on p.id = t.plan_id join task_unit tu on tu.task_id = t.id"
                + " where tu.unit_id = $1 and t.deleted_at is null")
                .execute(Tuple.of(unitId))
                .map(rows -> map(rows, row -> new Responsibility(Task.from(row, today), AssignmentRole.valueOf(row.getString("role")))))
                .chain(responsibilities -> currentOccurrences(responsibilities, today).map(current -> {
                    List<Map.Entry<String, Assignment>> all = responsibilities.stream()
                            .map(r -> assignment(r, current.get(r.task().id()), today, calendar))
                            .filter(a -> statuses == null || statuses.isEmpty() || statuses.contains(a.status()))
                            .map(a -> Map.entry(a.sortKey(), a))
                            .sorted(Map.Entry.comparingByKey())
                            .toList();
                    List<Map.Entry<String, Assignment>> rest = all.stream()
                            .filter(a -> after == null || a.getKey().compareTo(after) > 0).toList();
                    List<Map.Entry<String, Assignment>> items = rest.subList(0, Math.min(page.first(), rest.size()));
                    List<AssignmentConnection.AssignmentEdge> edges = items.stream()
                            .map(a -> new AssignmentConnection.AssignmentEdge(Cursor.encode("assignment", a.getKey()), a.getValue()))
                            .toList();
                    return new AssignmentConnection(all.size(), edges, new PageInfo(rest.size() > items.size(), after != null,
                            edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
                })));
    }

    /** The current occurrence of every task: from its schedule for the recurring ones (one statement), else its deadline. */
    private Uni<Map<Long, TaskOccurrence>> currentOccurrences(List<Responsibility> responsibilities, LocalDate today) {
        Long[] recurring = responsibilities.stream().filter(r -> r.task().recurrence() != null).map(r -> r.task().id())
                .toArray(Long[]::new);
        if (recurring.length == 0) {
            return Uni.createFrom().item(Map.of());
        }
        return occurrences.schedules(recurring).map(schedules -> schedules.stream()
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
