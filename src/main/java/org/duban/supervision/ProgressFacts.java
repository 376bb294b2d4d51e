package org.duban.supervision;

import static org.duban.common.sql.Rows.map;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.calendar.CalendarStore;
import org.duban.calendar.WorkingCalendar;
import org.duban.common.ChinaTime;
import org.duban.land.Area;
import org.duban.measure.MeasureProgress;
import org.duban.measure.MeasuredProgress;
import org.duban.plan.Task;
import org.duban.plan.occurrence.Schedule;
import org.duban.plan.occurrence.TaskOccurrence;
import org.duban.warning.WarningRule;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Percent complete and warnings of tasks, in three statements for any number of them: the tasks with their
 * schedules and checklists, the latest report of each unit on each occurrence, and the working-day calendar.
 * Percent complete follows the checklist where the task has one; otherwise it is the lowest latest report of
 * its lead units on the occurrence (a lead unit that has not reported counts 0).
 */
@ApplicationScoped
public class ProgressFacts {

    private static final String SELECT = "select " + Task.COLUMNS + ", occ.days as occurrence_days, occ.statuses as occurrence_statuses,"
            + " t.original_deadline, t.score_against_new_deadline,"
            + " checklist.deliverables, checklist.deliverables_done,"
            + " (select array_agg(tu.unit_id) from task_unit tu where tu.task_id = t.id and tu.role <> 'ASSIST') as lead_units,"
            + " exists (select 1 from task_unit tu where tu.task_id = t.id) as assigned,"
            + " exists (select 1 from task_measure m where m.task_id = t.id) as measured"
            + Schedule.FROM
            + " left join lateral (select count(*) as deliverables, count(*) filter (where d.done) as deliverables_done"
            + " from deliverable d where d.task_id = t.id) checklist on true";
    private static final String LATEST_REPORTS = "select distinct on (r.task_id, r.occurrence_due, r.unit_id)"
            + " r.task_id, r.occurrence_due, r.unit_id, r.percent from progress_report r where ";
    private static final String LATEST_ORDER = " order by r.task_id, r.occurrence_due, r.unit_id, r.reported_at desc, r.id desc";
    /** How long a shared computation serves: a subscription's context lives longer than one answer. */
    private static final long SHARE_WITHIN_NANOS = 2_000_000_000L;

    private final Pool pool;
    private final MeasureProgress measures;
    private final CalendarStore calendars;
    private final WarningRule rule;
    private final Clock clock;

    ProgressFacts(Pool pool, MeasureProgress measures, CalendarStore calendars, WarningRule rule, Clock clock) {
        this.pool = pool;
        this.measures = measures;
        this.calendars = calendars;
        this.rule = rule;
        this.clock = clock;
    }

    /**
     * Facts of these live tasks, keyed by task id. The three Task fields of one answer share one computation: they read
     * the same task objects, which the computation is kept for (by identity, in the request's context). A mutation's
     * answer has task objects of its own, so the next mutation of the same document, which may have changed the facts,
     * computes afresh.
     */
    public Uni<Map<Long, TaskFacts>> ofTasks(List<Task> sources) {
        Long[] taskIds = sources.stream().map(Task::id).toArray(Long[]::new);
        if (sources.isEmpty()) {
            return byId(taskIds);
        }
        try {
            Map<Long, TaskFacts> computed = computedFor(sources);
            if (computed != null) {
                return Uni.createFrom().item(computed);
            }
            Map<Task, Shared> shared = byTaskObject(SHARED);
            Shared known = shared.get(sources.get(0));
            if (known != null && Arrays.equals(known.ids(), taskIds) && System.nanoTime() - known.since() < SHARE_WITHIN_NANOS) {
                return known.facts();
            }
            Shared fresh = new Shared(taskIds, byId(taskIds).memoize().indefinitely(), System.nanoTime());
            // A subscription's context outlives its answers: what no answer can share any more goes.
            shared.values().removeIf(old -> fresh.since() - old.since() >= SHARE_WITHIN_NANOS);
            shared.put(sources.get(0), fresh);
            return fresh.facts();
        } catch (UnsupportedOperationException notOnARequestContext) {
            return byId(taskIds);
        }
    }

    /**
     * The facts a whole plan's computation made for these very task objects (a dashboard's overdue tasks asking for
     * their colour), or null if any of them was not among them or was computed too long ago.
     */
    private static Map<Long, TaskFacts> computedFor(List<Task> sources) {
        Optional<Map<Task, Computed>> found = ContextLocals.get(COMPUTED);
        if (found.isEmpty()) {
            return null;
        }
        Map<Long, TaskFacts> byId = new HashMap<>();
        long now = System.nanoTime();
        for (Task source : sources) {
            Computed computed = found.get().get(source);
            if (computed == null || now - computed.since() >= SHARE_WITHIN_NANOS) {
                return null;
            }
            byId.put(source.id(), computed.facts());
        }
        return byId;
    }

    /** Keeps the plan's facts for the fields of the same answer that read the same task objects. */
    private static List<TaskFacts> remembered(List<TaskFacts> facts) {
        try {
            Map<Task, Computed> computed = byTaskObject(COMPUTED);
            long now = System.nanoTime();
            computed.values().removeIf(old -> now - old.since() >= SHARE_WITHIN_NANOS);
            facts.forEach(f -> computed.put(f.task(), new Computed(f, now)));
        } catch (UnsupportedOperationException notOnARequestContext) {
            // nothing to share with
        }
        return facts;
    }

    private record Computed(TaskFacts facts, long since) {
    }

    /** The request context's map under this key, keyed by task object identity; made on first use. */
    private static <V> Map<Task, V> byTaskObject(String key) {
        Optional<Map<Task, V>> found = ContextLocals.get(key);
        return found.orElseGet(() -> {
            Map<Task, V> fresh = Collections.synchronizedMap(new IdentityHashMap<>());
            ContextLocals.put(key, fresh);
            return fresh;
        });
    }

    private static final String COMPUTED = "duban.progress-facts.computed";

    /** The answer's task objects' computation, for the ids it was made for. */
    private record Shared(Long[] ids, Uni<Map<Long, TaskFacts>> facts, long since) {
    }

    private static final String SHARED = "duban.progress-facts";

    /**
     * Facts of these live tasks, computed afresh and kept nowhere: for a walk over many chunks of tasks in one request
     * (an export), whose shared computations would keep every chunk's facts in the request's context to its end.
     */
    public Uni<Map<Long, TaskFacts>> byId(Long[] taskIds) {
        return load(" where t.id = any($1) and t.deleted_at is null", "r.task_id = any($1)", Tuple.of(taskIds))
                .map(facts -> {
                    Map<Long, TaskFacts> byId = new HashMap<>();
                    facts.forEach(f -> byId.put(f.taskId(), f));
                    return byId;
                });
    }

    /**
     * Facts of every live task of the plan, in document order. The answer's fields on the same task objects (the
     * dashboard's overdue tasks' colour) read them instead of computing them again.
     */
    public Uni<List<TaskFacts>> ofPlan(long planId) {
        return load(" where t.plan_id = $1 and t.deleted_at is null order by t.sort_path",
                "r.task_id = any(array(select id from task where plan_id = $1 and deleted_at is null))", Tuple.of(planId))
                .map(ProgressFacts::remembered);
    }

    /** Facts of every live task of these plans, plan by plan in document order. */
    public Uni<List<TaskFacts>> ofPlans(Long[] planIds) {
        return load(" where t.plan_id = any($1) and t.deleted_at is null order by t.plan_id, t.sort_path",
                "r.task_id = any(array(select id from task where plan_id = any($1) and deleted_at is null))", Tuple.of((Object) planIds));
    }

    /** Facts of every live task the unit is responsible for, in any plan. */
    public Uni<List<TaskFacts>> ofUnit(long unitId) {
        return load(" where t.id in (select task_id from task_unit where unit_id = $1) and t.deleted_at is null"
                + " order by t.plan_id, t.sort_path",
                "r.task_id = any(array(select task_id from task_unit where unit_id = $1))", Tuple.of(unitId));
    }

    /**
     * reportCondition takes its task ids as an array, not as "in (select ...)": joined to a subquery, PostgreSQL reads
     * every report of the database when reports are few per task (30,000 rows for a plan's 100 at 30,000 tasks), where
     * an array probes the latest-report index once per task.
     */
    private Uni<List<TaskFacts>> load(String taskCondition, String reportCondition, Tuple params) {
        LocalDate today = ChinaTime.today(clock);
        return pool.preparedQuery(SELECT + taskCondition).execute(params).map(rows -> map(rows, row -> row))
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().item(List.<TaskFacts>of())
                        : pool.preparedQuery(LATEST_REPORTS + reportCondition + LATEST_ORDER).execute(params)
                                .map(reports -> map(reports, LatestReport::from))
                                .chain(reports -> measured(rows).chain(shares -> calendars.current()
                                        .map(calendar -> facts(rows, reports, shares, calendar, today)))));
    }

    /** The measures' shares of the tasks measured by them; no statement when none is. */
    private Uni<Map<Long, List<MeasuredProgress>>> measured(List<Row> rows) {
        Long[] measured = rows.stream().filter(row -> row.getBoolean("measured")).map(row -> row.getLong("id"))
                .toArray(Long[]::new);
        return measured.length == 0 ? Uni.createFrom().item(Map.of()) : measures.ofTasks(measured);
    }

    private List<TaskFacts> facts(List<Row> rows, List<LatestReport> reports, Map<Long, List<MeasuredProgress>> shares,
            WorkingCalendar calendar, LocalDate today) {
        Map<String, Integer> latest = new HashMap<>();
        reports.forEach(r -> latest.put(r.taskId() + "@" + r.occurrenceDue() + "#" + r.unitId(), r.percent()));
        List<TaskFacts> result = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Task task = Task.from(row, today);
            Schedule schedule = Schedule.from(row);
            TaskOccurrence current = schedule.current(today);
            LocalDate occurrenceDue = schedule.recurs() && current != null ? current.dueOn() : null;
            TaskProgress progress = progress(row, task.id(), occurrenceDue, latest, shares.get(task.id()));
            int percent = progress.wholePercent();
            var status = current == null ? task.status() : current.status();
            LocalDate due = current == null ? null : current.dueOn();
            LocalDate start = schedule.recurs() && current != null ? periodStart(schedule, current.dueOn(), today) : task.startDate();
            result.add(new TaskFacts(task, schedule, row.getBoolean("assigned"), row.getLocalDate("original_deadline"),
                    row.getBoolean("score_against_new_deadline"), current, progress,
                    undated(schedule) ? null : rule.assess(status, start, due, percent, today, calendar)));
        }
        return result;
    }

    private static TaskProgress progress(Row row, long taskId, LocalDate occurrenceDue, Map<String, Integer> latest,
            List<MeasuredProgress> measured) {
        if (measured != null && !measured.isEmpty()) {
            BigDecimal least = measured.stream().map(MeasuredProgress::percent).min(BigDecimal::compareTo).orElseThrow();
            return new TaskProgress(least, ProgressBasis.MEASURES, measured);
        }
        long deliverables = row.getLong("deliverables");
        if (deliverables > 0) {
            return new TaskProgress(Area.percent(BigDecimal.valueOf(row.getLong("deliverables_done")),
                    BigDecimal.valueOf(deliverables)), ProgressBasis.CHECKLIST, List.of());
        }
        Long[] leads = row.getArrayOfLongs("lead_units");
        if (leads == null || leads.length == 0) {
            return new TaskProgress(BigDecimal.ZERO.setScale(2), ProgressBasis.NONE, List.of());
        }
        int lowest = 100;
        for (Long unit : leads) {
            lowest = Math.min(lowest, latest.getOrDefault(taskId + "@" + occurrenceDue + "#" + unit, 0));
        }
        return new TaskProgress(BigDecimal.valueOf(lowest).setScale(2), ProgressBasis.LEAD_REPORTS, List.of());
    }

    /** Work without a deadline (成立工作专班) has no clock to run against: it is listed as undated, not coloured. */
    private static boolean undated(Schedule schedule) {
        return !schedule.recurs() && schedule.deadline() == null;
    }

    /** A recurring occurrence's period starts at the occurrence before it, the first one at the task's start. */
    private static LocalDate periodStart(Schedule schedule, LocalDate dueOn, LocalDate today) {
        List<TaskOccurrence> before = schedule.between(null, dueOn.minusDays(1), today);
        return before.isEmpty() ? schedule.start() : before.get(before.size() - 1).dueOn();
    }

    private record LatestReport(long taskId, LocalDate occurrenceDue, long unitId, int percent) {
        static LatestReport from(Row row) {
            return new LatestReport(row.getLong("task_id"), row.getLocalDate("occurrence_due"), row.getLong("unit_id"),
                    row.getInteger("percent"));
        }
    }
}
