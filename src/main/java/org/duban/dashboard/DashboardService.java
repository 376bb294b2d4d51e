package org.duban.dashboard;


import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers.Caller;
import org.duban.common.ChinaTime;
import org.duban.common.DubanException;
import org.duban.common.Found;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.land.StandardLandStage;
import org.duban.land.quota.QuotaQueries;
import org.duban.plan.AssignmentRole;
import org.duban.plan.Plan;
import org.duban.plan.PlanQueries;
import org.duban.plan.Task;
import org.duban.plan.TaskStatus;
import org.duban.plan.occurrence.OccurrenceId;
import org.duban.plan.occurrence.TaskOccurrence;
import org.duban.supervision.ProgressFacts;
import org.duban.supervision.SupervisionQueries;
import org.duban.supervision.TaskFacts;
import org.duban.unit.Unit;
import org.duban.unit.UnitQueries;
import org.duban.supervisionnotice.SupervisionNoticeQueries;
import org.duban.urging.UrgingQueries;
import org.duban.warning.WarningLevel;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The views leaders read. Each costs a fixed number of statements whatever the plan's size. */
@ApplicationScoped
public class DashboardService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private final Pool pool;
    private final PlanQueries plans;
    private final UnitQueries units;
    private final QuotaQueries quotas;
    private final ProgressFacts facts;
    private final SupervisionQueries reports;
    private final ScoreItems scoreItems;
    private final Scoreboard scoreboard;
    private final UrgingQueries urgingCounts;
    private final SupervisionNoticeQueries noticeCounts;
    private final Clock clock;

    DashboardService(Pool pool, PlanQueries plans, UnitQueries units, QuotaQueries quotas, ProgressFacts facts,
            SupervisionQueries reports, ScoreItems scoreItems, Scoreboard scoreboard, UrgingQueries urgingCounts,
            SupervisionNoticeQueries noticeCounts, Clock clock) {
        this.urgingCounts = urgingCounts;
        this.noticeCounts = noticeCounts;
        this.pool = pool;
        this.plans = plans;
        this.units = units;
        this.quotas = quotas;
        this.facts = facts;
        this.reports = reports;
        this.scoreItems = scoreItems;
        this.scoreboard = scoreboard;
        this.clock = clock;
    }

    public Uni<PlanDashboard> planDashboard(String planId, Caller caller) {
        long id = Ids.parse(planId, IdKind.PLAN);
        LocalDate today = ChinaTime.today(clock);
        return plan(id, caller).chain(plan -> facts.ofPlan(id).chain(all -> {
            List<TaskFacts> assigned = all.stream().filter(TaskFacts::assigned).toList();
            return scoreItems.of(assigned)
                    .chain(items -> quotas.ofPlan(id)
                            .chain(planQuotas -> stages(plan.regionId())
                                    .map(stages -> dashboard(plan, today, assigned, unassigned(all), items, planQuotas,
                                            stages))));
        }));
    }

    /** Work nobody answers for: live tasks without a responsible unit that are not sections of others. */
    private static List<Task> unassigned(List<TaskFacts> all) {
        Set<Long> parents = new HashSet<>();
        all.forEach(f -> {
            if (f.task().parentId() != null) {
                parents.add(f.task().parentId());
            }
        });
        return all.stream().filter(f -> !f.assigned() && !parents.contains(f.taskId())).map(TaskFacts::task).toList();
    }

    private static PlanDashboard dashboard(Plan plan, LocalDate today, List<TaskFacts> assigned, List<Task> unassigned,
            Map<Long, List<ScoreItem>> items,
            List<org.duban.land.quota.QuotaProgress> planQuotas, List<PlanDashboard.StageCount> stages) {
        Map<TaskStatus, Integer> byStatus = new EnumMap<>(TaskStatus.class);
        Map<WarningLevel, Integer> byWarning = new LinkedHashMap<>();
        List<Task> overdue = new ArrayList<>();
        List<Task> undated = new ArrayList<>();
        for (TaskFacts task : assigned) {
            byStatus.merge(task.currentStatus(), 1, Integer::sum);
            WarningLevel level = task.warning() == null ? null : task.warning().level();
            byWarning.merge(level, 1, Integer::sum);
            if (level == WarningLevel.RED) {
                overdue.add(task.task());
            }
            if (task.task().deadline() == null && !task.schedule().recurs() && task.currentStatus().isOpen()) {
                undated.add(task.task());
            }
        }
        overdue.sort(Comparator.comparing((Task t) -> t.deadline() == null ? LocalDate.MAX : t.deadline()));
        List<ScoreItem> all = items.values().stream().flatMap(List::stream).toList();
        int onTime = (int) all.stream().filter(ScoreItem::onTime).count();
        List<PlanDashboard.WarningCount> warnings = new ArrayList<>();
        for (WarningLevel level : WarningLevel.values()) {
            warnings.add(new PlanDashboard.WarningCount(level, byWarning.getOrDefault(level, 0)));
        }
        warnings.add(new PlanDashboard.WarningCount(null, byWarning.getOrDefault(null, 0)));
        List<PlanDashboard.StatusCount> statuses = new ArrayList<>();
        for (TaskStatus status : TaskStatus.values()) {
            statuses.add(new PlanDashboard.StatusCount(status, byStatus.getOrDefault(status, 0)));
        }
        return new PlanDashboard(plan, today, assigned.size(), statuses, warnings, overdue, undated, planQuotas, stages, onTime,
                percent(onTime, all.size()), unassigned);
    }

    public Uni<List<UnitScore>> unitScoreboard(String planId, Caller caller) {
        long id = Ids.parse(planId, IdKind.PLAN);
        LocalDate today = ChinaTime.today(clock);
        return plan(id, caller).chain(plan -> facts.ofPlan(id).map(all -> all.stream().filter(TaskFacts::assigned).toList()))
                .chain(assigned -> scoreItems.of(assigned)
                        .chain(items -> urgingCounts.countsInPlan(id).chain(urgings -> noticeCounts.countsInPlan(id)
                                .chain(notices -> Standings.responsibilities(pool, new Long[] { id })
                                        .map(responsible -> scoreboard.rank(responsible, items, urgings, notices, today))))));
    }

    public Uni<UnitReport> unitReport(String unitId, LocalDate from, LocalDate to, Caller caller) {
        long id = Ids.parse(unitId, IdKind.UNIT);
        if (to.isBefore(from)) {
            throw DubanException.validation("to", "is before from");
        }
        LocalDate today = ChinaTime.today(clock);
        return units.unitsByIds(new Long[] { id })
                .map(found -> found.stream().filter(unit -> caller.oversees(unit.regionId()) || Objects.equals(caller.unitId(), id))
                        .toList())
                .map(found -> Found.one(found, "Unit", unitId))
                .chain(unit -> facts.ofUnit(id).chain(tasks -> roles(id)
                        .chain(roles -> reports.ofUnitBetween(id, from, to)
                                .chain(filed -> closed(id, from, to, tasks)
                                        .map(closed -> new UnitReport(unit, from, to, due(tasks, roles, from, to, today), filed, closed))))));
    }

    private static List<UnitReport.DueItem> due(List<TaskFacts> tasks, Map<Long, AssignmentRole> roles, LocalDate from,
            LocalDate to, LocalDate today) {
        List<UnitReport.DueItem> due = new ArrayList<>();
        for (TaskFacts task : tasks) {
            AssignmentRole role = roles.get(task.taskId());
            for (TaskOccurrence occurrence : task.schedule().between(from, to, today)) {
                due.add(new UnitReport.DueItem(task.task(), occurrence.id(), occurrence.dueOn(), role, occurrence.status()));
            }
        }
        due.sort(Comparator.comparing(UnitReport.DueItem::dueOn));
        return due;
    }

    private Uni<Map<Long, AssignmentRole>> roles(long unitId) {
        return pool.preparedQuery("select task_id, role from task_unit where unit_id = $1").execute(Tuple.of(unitId))
                .map(rows -> {
                    Map<Long, AssignmentRole> roles = new HashMap<>();
                    rows.forEach(row -> roles.put(row.getLong("task_id"), AssignmentRole.valueOf(row.getString("role"))));
                    return roles;
                });
    }

    /** Sign-offs in the period of occurrences the unit is responsible for, each with its last submission day. */
    private Uni<List<UnitReport.ClosedItem>> closed(long unitId, LocalDate from, LocalDate to, List<TaskFacts> tasks) {
        Map<Long, TaskFacts> byId = new HashMap<>();
        tasks.forEach(t -> byId.put(t.taskId(), t));
        return pool.preparedQuery("select c.task_id, c.occurrence_due, c.changed_at, (select " + ChinaTime.daySql("s.changed_at")
                + " from task_status_change s where s.task_id = c.task_id and s.occurrence_due is not distinct from c.occurrence_due"
                + " and s.to_status = 'SUBMITTED' and s.changed_at <= c.changed_at order by s.changed_at desc limit 1) as submitted_on"
                + " from task_status_change c where c.to_status = 'SIGNED_OFF' and c.changed_at >= $2 and c.changed_at < $3"
                + " and c.task_id in (select task_id from task_unit where unit_id = $1) order by c.changed_at")
                .execute(Tuple.of(unitId, ChinaTime.startOf(from), ChinaTime.startOf(to.plusDays(1))))
                .map(rows -> {
                    List<UnitReport.ClosedItem> closed = new ArrayList<>();
                    for (Row row : rows) {
                        TaskFacts task = byId.get(row.getLong("task_id"));
                        if (task == null) {
                            continue;
                        }
                        LocalDate occurrenceDue = row.getLocalDate("occurrence_due");
                        LocalDate deadline = occurrenceDue != null ? occurrenceDue : task.scoredDeadline();
                        LocalDate submittedOn = row.getLocalDate("submitted_on");
                        ScoreItem item = new ScoreItem(task.taskId(), deadline, TaskStatus.SIGNED_OFF, submittedOn);
                        closed.add(new UnitReport.ClosedItem(task.task(),
                                occurrenceDue == null ? null : new OccurrenceId(task.taskId(), occurrenceDue).toString(),
                                row.getOffsetDateTime("changed_at").toInstant(), submittedOn, item.onTime()));
                    }
                    return closed;
                });
    }

    private Uni<Plan> plan(long id, Caller caller) {
        return plans.byIds(new Long[] { id }, caller).map(found -> Found.one(found, "Plan", id));
    }

    private Uni<List<PlanDashboard.StageCount>> stages(long regionId) {
        return pool.preparedQuery("select stage, parcels from standard_land_tally where region_id = $1")
                .execute(Tuple.of(regionId))
                .map(rows -> {
                    Map<StandardLandStage, Integer> counts = new EnumMap<>(StandardLandStage.class);
                    rows.forEach(row -> counts.put(StandardLandStage.valueOf(row.getString("stage")), row.getInteger("parcels")));
                    List<PlanDashboard.StageCount> stages = new ArrayList<>();
                    for (StandardLandStage stage : StandardLandStage.values()) {
                        stages.add(new PlanDashboard.StageCount(stage, counts.getOrDefault(stage, 0)));
                    }
                    return stages;
                });
    }

    static BigDecimal percent(int part, int whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
