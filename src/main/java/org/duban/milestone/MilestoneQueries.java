package org.duban.milestone;

import static org.duban.common.sql.Rows.map;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.calendar.CalendarStore;
import org.duban.calendar.WorkingCalendar;
import org.duban.common.ChinaTime;
import org.duban.plan.Task;
import org.duban.plan.TaskStatus;
import org.duban.warning.Warning;
import org.duban.warning.WarningRule;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Milestones with where they stand (V14's task_milestone_state) and their colour, for any number of tasks in one
 * statement. A milestone is coloured as a deadline is: its period runs from the milestone before it (or the task's
 * start) to its date, its progress is the measure's share of the target, or nothing until it is ticked.
 */
@ApplicationScoped
public class MilestoneQueries {

    private static final String SELECT = "select milestone_id, task_id, ordinal, due_on, title, measure, target, value, met,"
            + " done_at, evidence_ids, version as milestone_version from task_milestone_state";

    private final Pool pool;
    private final CalendarStore calendars;
    private final WarningRule rule;
    private final Clock clock;

    MilestoneQueries(Pool pool, CalendarStore calendars, WarningRule rule, Clock clock) {
        this.pool = pool;
        this.calendars = calendars;
        this.rule = rule;
        this.clock = clock;
    }

    /** The tasks' milestones by date, each list in the order of the tasks given. */
    public Uni<List<List<Milestone>>> ofTasks(List<Task> tasks) {
        Long[] ids = tasks.stream().map(Task::id).distinct().toArray(Long[]::new);
        return pool.preparedQuery(SELECT + " where task_id = any($1) order by task_id, due_on, ordinal")
                .execute(Tuple.of((Object) ids))
                .map(rows -> map(rows, row -> row))
                .chain(rows -> calendars.current().map(calendar -> {
                    Map<Long, List<Row>> byTask = new HashMap<>();
                    rows.forEach(row -> byTask.computeIfAbsent(row.getLong("task_id"), k -> new ArrayList<>()).add(row));
                    LocalDate today = ChinaTime.today(clock);
                    return tasks.stream().map(task -> coloured(task, byTask.getOrDefault(task.id(), List.of()), calendar, today))
                            .toList();
                }));
    }

    /** Every milestone of the plans' live tasks, each plan's by date: the dashboard's lines. */
    public Uni<List<List<Milestone>>> ofPlans(Long[] planIds) {
        return pool.preparedQuery("select ms.milestone_id, ms.task_id, ms.ordinal, ms.due_on, ms.title, ms.measure, ms.target,"
                + " ms.value, ms.met, ms.done_at, ms.evidence_ids, ms.version as milestone_version, " + Task.COLUMNS
                + " from task_milestone_state ms join task t on t.id = ms.task_id join plan p on p.id = t.plan_id"
                + " where t.plan_id = any($1) and t.deleted_at is null order by t.plan_id, t.sort_path, ms.due_on, ms.ordinal")
                .execute(Tuple.of((Object) planIds))
                .map(rows -> map(rows, row -> row))
                .chain(rows -> calendars.current().map(calendar -> {
                    LocalDate today = ChinaTime.today(clock);
                    Map<Long, Map<Long, List<Row>>> byPlanAndTask = new LinkedHashMap<>();
                    Map<Long, Task> tasks = new HashMap<>();
                    rows.forEach(row -> {
                        tasks.computeIfAbsent(row.getLong("task_id"), id -> Task.from(row, today));
                        byPlanAndTask.computeIfAbsent(row.getLong("plan_id"), k -> new LinkedHashMap<>())
                                .computeIfAbsent(row.getLong("task_id"), k -> new ArrayList<>()).add(row);
                    });
                    return Arrays.stream(planIds).map(planId -> byPlanAndTask.getOrDefault(planId, Map.of()).entrySet().stream()
                            .flatMap(e -> coloured(tasks.get(e.getKey()), e.getValue(), calendar, today).stream())
                            .sorted(Comparator.comparing(Milestone::dueOn)).toList()).toList();
                }));
    }

    private List<Milestone> coloured(Task task, List<Row> rows, WorkingCalendar calendar, LocalDate today) {
        List<Milestone> result = new ArrayList<>(rows.size());
        LocalDate periodStart = task.startDate();
        for (Row row : rows) {
            LocalDate due = row.getLocalDate("due_on");
            boolean met = row.getBoolean("met");
            BigDecimal target = row.getBigDecimal("target");
            BigDecimal value = row.getBigDecimal("value");
            Warning warning = met ? null : rule.assess(task.status() == TaskStatus.SUBMITTED ? TaskStatus.IN_PROGRESS : task.status(),
                    periodStart, due, percent(value, target), today, calendar);
            String measure = row.getString("measure");
            Long[] evidence = row.getArrayOfLongs("evidence_ids");
            result.add(new Milestone(row.getLong("milestone_id"), due, row.getString("title"),
                    measure == null ? null : MilestoneMeasure.valueOf(measure), target, value, met,
                    row.getOffsetDateTime("done_at") == null ? null : row.getOffsetDateTime("done_at").toInstant(),
                    Arrays.stream(evidence).map(String::valueOf).toList(),
                    warning == null ? null : warning.level(), warning == null ? null : warning.basis(),
                    row.getInteger("milestone_version"), task.id()));
            periodStart = due;
        }
        return result;
    }

    /** The measure's share of the target in whole points, below 100 until it is reached; 0 for a milestone ticked by hand. */
    private static int percent(BigDecimal value, BigDecimal target) {
        if (value == null || target == null) {
            return 0;
        }
        int share = value.multiply(BigDecimal.valueOf(100)).divide(target, 0, RoundingMode.DOWN).intValue();
        return Math.min(share, 100);
    }
}
