package org.duban.dashboard;

import static org.duban.common.sql.Rows.map;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.plan.AssignmentRole;
import org.duban.plan.Task;
import org.duban.supervision.ProgressFacts;
import org.duban.supervision.TaskFacts;
import org.duban.supervisionnotice.SupervisionNoticeQueries;
import org.duban.urging.UrgingQueries;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Where the units of several plans stood at the end of a day, by the scoreboard's rule ({@link Scoreboard}): what a
 * bulletin (通报) reports for its period. Items due by that day; signed off and submitted only if by that day; urgings and
 * supervision notices counted up to it; and the items overdue then, with the units answering for them.
 */
@ApplicationScoped
public class Standings {

    /**
     * Who answers for the plans' tasks, leaving out each plan's issuing government itself: the issuing unit and the
     * units above it (县政府办公室 and 县人民政府 for the demo) set the tasks and are not ranked on them.
     */
    private static final String RESPONSIBILITIES = "with recursive issuer(plan_id, id) as ("
            + " select id, issuing_unit_id from plan where id = any($1)"
            + " union select issuer.plan_id, u.parent_id from unit u join issuer on u.id = issuer.id where u.parent_id is not null)"
            + " select tu.task_id, tu.unit_id, tu.role, u.name from task_unit tu join unit u on u.id = tu.unit_id"
            + " join task t on t.id = tu.task_id where t.plan_id = any($1) and t.deleted_at is null"
            + " and tu.unit_id not in (select issuer.id from issuer where issuer.plan_id = t.plan_id)"
            + " order by tu.task_id, tu.ordinal, u.id";

    /** The plans' standing at the end of the day, and what was overdue then. */
    public record Standing(List<UnitScore> ranking, List<OverdueItem> overdue, int items, int signedOff, int onTime, int late) {
    }

    /** An item overdue at the end of the day: its task, the deadline it missed, and the units answering for it. */
    public record OverdueItem(long taskId, long planId, String code, String title, LocalDate due, int daysOverdue,
            List<String> units) {
    }

    private final Pool pool;
    private final ProgressFacts facts;
    private final ScoreItems items;
    private final Scoreboard scoreboard;
    private final UrgingQueries urgings;
    private final SupervisionNoticeQueries notices;

    Standings(Pool pool, ProgressFacts facts, ScoreItems items, Scoreboard scoreboard, UrgingQueries urgings,
            SupervisionNoticeQueries notices) {
        this.pool = pool;
        this.facts = facts;
        this.items = items;
        this.scoreboard = scoreboard;
        this.urgings = urgings;
        this.notices = notices;
    }

    /** The plans' standing at the end of {@code asOf}; the caller has checked it may read them. */
    public Uni<Standing> asOf(Long[] planIds, LocalDate asOf) {
        return facts.ofPlans(planIds).map(all -> all.stream().filter(TaskFacts::assigned).toList())
                .chain(assigned -> items.asOf(assigned, asOf)
                        .chain(byTask -> urgings.countsInPlans(planIds, asOf)
                                .chain(urged -> notices.countsInPlans(planIds, asOf)
                                        .chain(noticed -> responsibilities(pool, planIds)
                                                .map(responsible -> standing(assigned, byTask, responsible,
                                                        scoreboard.rank(responsible, byTask, urged, noticed, asOf), asOf))))));
    }

    /** Who answers for the plans' tasks and in which role, the issuing units and those above them left out. */
    static Uni<List<Scoreboard.Responsibility>> responsibilities(Pool pool, Long[] planIds) {
        return pool.preparedQuery(RESPONSIBILITIES).execute(Tuple.of((Object) planIds))
                .map(rows -> map(rows, row -> new Scoreboard.Responsibility(row.getLong("task_id"), row.getLong("unit_id"),
                        row.getString("name"), AssignmentRole.valueOf(row.getString("role")))));
    }

    private static Standing standing(List<TaskFacts> assigned, Map<Long, List<ScoreItem>> byTask,
            List<Scoreboard.Responsibility> responsible, List<UnitScore> ranking, LocalDate asOf) {
        Map<Long, List<String>> units = new HashMap<>();
        for (Scoreboard.Responsibility r : responsible) {
            units.computeIfAbsent(r.taskId(), id -> new ArrayList<>())
                    .add(r.unitName() + (r.role() == AssignmentRole.LEAD ? "（牵头）" : r.role() == AssignmentRole.ASSIST ? "（配合）" : ""));
        }
        List<OverdueItem> overdue = new ArrayList<>();
        int count = 0;
        int signedOff = 0;
        int onTime = 0;
        int late = 0;
        for (TaskFacts fact : assigned) {
            Task task = fact.task();
            for (ScoreItem item : byTask.getOrDefault(task.id(), List.of())) {
                count++;
                signedOff += item.signedOff() ? 1 : 0;
                onTime += item.onTime() ? 1 : 0;
                late += item.late() ? 1 : 0;
                if (item.overdue(asOf)) {
                    overdue.add(new OverdueItem(task.id(), task.planId(), task.code(), task.title(), item.due(),
                            (int) ChronoUnit.DAYS.between(item.due(), asOf), units.getOrDefault(task.id(), List.of())));
                }
            }
        }
        overdue.sort(Comparator.comparing(OverdueItem::daysOverdue).reversed().thenComparing(OverdueItem::code));
        return new Standing(ranking, overdue, count, signedOff, onTime, late);
    }
}
