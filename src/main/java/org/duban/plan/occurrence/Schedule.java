package org.duban.plan.occurrence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.duban.plan.TaskStatus;

import io.vertx.mutiny.sqlclient.Row;

/** When a task is due: once on its deadline, or on every occurrence of its recurrence rule from its start. */
public record Schedule(long taskId, LocalDate deadline, RecurrenceRule rule, LocalDate start, TaskStatus taskStatus,
        Map<LocalDate, TaskStatus> occurrenceStatuses) {

    /** More than any front-end lists at once; an unbounded rule is cut here. */
    public static final int MAX_OCCURRENCES = 1000;

    /** Columns over {@link #FROM}. */
    public static final String COLUMNS = "t.id, t.deadline, t.recurrence, coalesce(t.start_date, p.issued_on) as start_date, "
            + "t.status, occ.days as occurrence_days, occ.statuses as occurrence_statuses";
    private static final String OCCURRENCES_JOIN = " left join lateral (select array_agg(o.due_on order by o.due_on) as days,"
            + " array_agg(o.status order by o.due_on) as statuses from task_occurrence o where o.task_id = t.id) occ on true";
    /** Tasks {@code t} with their plan {@code p} and their stored occurrence statuses. */
    public static final String FROM = " from task t join plan p on p.id = t.plan_id" + OCCURRENCES_JOIN;

    public static Schedule from(Row row) {
        String recurrence = row.getString("recurrence");
        Map<LocalDate, TaskStatus> statuses = new HashMap<>();
        LocalDate[] days = row.getArrayOfLocalDates("occurrence_days");
        String[] values = row.getArrayOfStrings("occurrence_statuses");
        if (days != null) {
            for (int i = 0; i < days.length; i++) {
                statuses.put(days[i], TaskStatus.valueOf(values[i]));
            }
        }
        return new Schedule(row.getLong("id"), row.getLocalDate("deadline"),
                recurrence == null ? null : RecurrenceRule.parse(recurrence, "recurrence"), row.getLocalDate("start_date"),
                TaskStatus.valueOf(row.getString("status")), statuses);
    }

    public boolean recurs() {
        return rule != null;
    }

    /** Occurrences due from {@code from} to {@code to} (either may be null: unbounded), at most {@link #MAX_OCCURRENCES}. */
    public List<TaskOccurrence> between(LocalDate from, LocalDate to, LocalDate today) {
        return between(from, to, today, MAX_OCCURRENCES);
    }

    public List<TaskOccurrence> between(LocalDate from, LocalDate to, LocalDate today, int limit) {
        List<TaskOccurrence> result = new ArrayList<>();
        if (rule == null) {
            if (deadline != null && (from == null || !deadline.isBefore(from)) && (to == null || !deadline.isAfter(to))) {
                result.add(occurrence(deadline, taskStatus, today));
            }
            return result;
        }
        LocalDate first = from == null || from.isBefore(start) ? start : from;
        LocalDate last = to != null ? to : today.plusYears(1);
        for (LocalDate day : rule.occurrences(start, first, last)) {
            if (result.size() == limit) {
                break;
            }
            result.add(occurrence(day, statusOn(day), today));
        }
        return result;
    }

    /**
     * The occurrence a responsible unit works on now: the earliest one still open (an overdue one comes first by
     * date), else the last one due by today, else the first one ahead. Null for a task with neither deadline nor rule.
     */
    public TaskOccurrence current(LocalDate today) {
        List<TaskOccurrence> all = between(null, rule == null ? null : today.plusYears(1), today);
        if (all.isEmpty()) {
            return null;
        }
        return all.stream().filter(occurrence -> occurrence.status().isOpen()).findFirst()
                .or(() -> all.stream().filter(occurrence -> !occurrence.dueOn().isAfter(today)).reduce((earlier, later) -> later))
                .orElse(all.get(0));
    }

    /** The status of the occurrence due on the day; a recurring one is NOT_STARTED until something moves it. */
    public TaskStatus statusOn(LocalDate dueOn) {
        return rule == null ? taskStatus : occurrenceStatuses.getOrDefault(dueOn, TaskStatus.NOT_STARTED);
    }

    public boolean isOccurrence(LocalDate day) {
        if (rule == null) {
            return day.equals(deadline);
        }
        return !rule.occurrences(start, day, day).isEmpty();
    }

    private TaskOccurrence occurrence(LocalDate day, TaskStatus status, LocalDate today) {
        return new TaskOccurrence(new OccurrenceId(taskId, day).toString(), day, status,
                today.isAfter(day) && status.isOpen(), taskId);
    }
}
