package org.duban.milestone;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.DubanException;
import org.duban.land.Area;
import org.duban.plan.TaskVisibility;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one writer of {@code task_milestone}. Setting a task's milestones keeps a ticked one (matched by date and title)
 * with its tick and evidence; ticking is {@link #tick}'s. Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class Milestones {

    static final int MAX_PER_TASK = 50;

    /** A milestone as a task's list gives it, checked. */
    public record Wanted(LocalDate dueOn, String title, MilestoneMeasure measure, BigDecimal target) {
    }

    /**
     * The milestones checked against what the task is: dated, not recurring, each measured one by a measure the task
     * has; VALIDATION under {@code path} (e.g. {@code milestones} or {@code tasks[3].milestones}) otherwise.
     */
    public static List<Wanted> check(List<MilestoneInput> inputs, String path, boolean recurs, Set<String> measureKinds) {
        if (inputs.isEmpty()) {
            return List.of();
        }
        if (recurs) {
            throw DubanException.validation(path, "a recurring task is due on its occurrences; it has no milestones");
        }
        if (inputs.size() > MAX_PER_TASK) {
            throw DubanException.validation(path, "at most " + MAX_PER_TASK + " milestones");
        }
        Set<String> seen = new HashSet<>();
        List<Wanted> wanted = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            MilestoneInput input = inputs.get(i);
            String at = path + "[" + i + "]";
            if (input.dueOn() == null) {
                throw DubanException.validation(at + ".dueOn", "is required");
            }
            String title = input.title() == null ? "" : input.title().strip();
            if (title.isEmpty() || title.length() > 500) {
                throw DubanException.validation(at + ".title", "a title of 1 to 500 characters");
            }
            if (!seen.add(input.dueOn() + "|" + title)) {
                throw DubanException.validation(at, "a second milestone " + title + " on " + input.dueOn());
            }
            if ((input.measure() == null) != (input.target() == null)) {
                throw DubanException.validation(at + ".target", "a measured milestone has a target, and only it");
            }
            BigDecimal target = null;
            if (input.measure() != null) {
                if (!measureKinds.contains(input.measure().name())) {
                    throw DubanException.validation(at + ".measure", "the task has no " + input.measure() + " measure");
                }
                target = input.measure() == MilestoneMeasure.QUOTA ? Area.requireMu(input.target(), at + ".target")
                        : wholeCount(input.target(), at + ".target");
            }
            wanted.add(new Wanted(input.dueOn(), title, input.measure(), target));
        }
        return wanted;
    }

    private static BigDecimal wholeCount(BigDecimal target, String field) {
        if (target.signum() <= 0 || target.stripTrailingZeros().scale() > 0 || target.compareTo(BigDecimal.valueOf(100000)) > 0) {
            throw DubanException.validation(field, "a whole number from 1");
        }
        return target.setScale(0);
    }

    /** Makes each task's milestones the given ones; those matched by date and title keep their id, tick and evidence. */
    public Uni<Void> replace(SqlClient sql, Map<Long, List<Wanted>> byTask, Instant now) {
        if (byTask.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Long[] taskIds = byTask.keySet().toArray(Long[]::new);
        return sql.preparedQuery("select id, task_id, due_on, title from task_milestone where task_id = any($1)")
                .execute(Tuple.of((Object) taskIds))
                .chain(rows -> {
                    Map<String, Long> existing = new HashMap<>();
                    rows.forEach(row -> existing.put(row.getLong("task_id") + "|" + row.getLocalDate("due_on") + "|"
                            + row.getString("title"), row.getLong("id")));
                    List<Long> keptIds = new ArrayList<>();
                    List<Integer> keptOrdinals = new ArrayList<>();
                    List<Long> newTasks = new ArrayList<>();
                    List<Integer> newOrdinals = new ArrayList<>();
                    List<LocalDate> newDates = new ArrayList<>();
                    List<String> newTitles = new ArrayList<>();
                    List<String> newMeasures = new ArrayList<>();
                    List<BigDecimal> newTargets = new ArrayList<>();
                    List<String> keptMeasures = new ArrayList<>();
                    List<BigDecimal> keptTargets = new ArrayList<>();
                    byTask.forEach((taskId, milestones) -> {
                        for (int i = 0; i < milestones.size(); i++) {
                            Wanted w = milestones.get(i);
                            Long id = existing.get(taskId + "|" + w.dueOn() + "|" + w.title());
                            String measure = w.measure() == null ? null : w.measure().name();
                            if (id != null) {
                                keptIds.add(id);
                                keptOrdinals.add(i + 1);
                                keptMeasures.add(measure);
                                keptTargets.add(w.target());
                            } else {
                                newTasks.add(taskId);
                                newOrdinals.add(i + 1);
                                newDates.add(w.dueOn());
                                newTitles.add(w.title());
                                newMeasures.add(measure);
                                newTargets.add(w.target());
                            }
                        }
                    });
                    var at = now.atOffset(ZoneOffset.UTC);
                    // A milestone that gains a measure loses its tick: a measured one is met by the figures only.
                    return sql.preparedQuery("delete from task_milestone where task_id = any($1) and not (id = any($2))")
                            .execute(Tuple.of(taskIds, keptIds.toArray(Long[]::new)))
                            .chain(() -> sql.preparedQuery("update task_milestone m set ordinal = x.ordinal, measure = x.measure,"
                                    + " target = x.target, done_at = case when x.measure is null then m.done_at end,"
                                    + " done_by = case when x.measure is null then m.done_by end,"
                                    + " updated_at = $5, version = m.version + 1"
                                    + " from unnest($1::bigint[], $2::int[], $3::text[], $4::numeric[]) as x(id, ordinal, measure, target)"
                                    + " where m.id = x.id and (m.ordinal, m.measure, m.target) is distinct from (x.ordinal, x.measure, x.target)")
                                    .execute(Tuple.of(keptIds.toArray(Long[]::new), keptOrdinals.toArray(Integer[]::new),
                                            keptMeasures.toArray(String[]::new), keptTargets.toArray(BigDecimal[]::new), at)))
                            .chain(() -> sql.preparedQuery("insert into task_milestone (task_id, ordinal, due_on, title, measure,"
                                    + " target, created_at, updated_at) select x.task_id, x.ordinal, x.due_on, x.title, x.measure,"
                                    + " x.target, $7, $7 from unnest($1::bigint[], $2::int[], $3::date[], $4::text[], $5::text[],"
                                    + " $6::numeric[]) as x(task_id, ordinal, due_on, title, measure, target)")
                                    .execute(Tuple.from(new Object[] { newTasks.toArray(Long[]::new),
                                            newOrdinals.toArray(Integer[]::new), newDates.toArray(LocalDate[]::new),
                                            newTitles.toArray(String[]::new), newMeasures.toArray(String[]::new),
                                            newTargets.toArray(BigDecimal[]::new), at })))
                            .replaceWithVoid();
                });
    }

    /** The milestone's task and whether it is measured, locking the task's row; null when there is no such milestone. */
    public record Locked(long milestoneId, long taskId, boolean measured) {
    }

    public Uni<Locked> lock(SqlClient sql, long milestoneId) {
        return sql.preparedQuery("select m.id, m.task_id, m.measure is not null as measured, " + TaskVisibility.writable("t")
                + " as writable from task_milestone m join task t on t.id = m.task_id where m.id = $1 and t.deleted_at is null"
                + " for update of t, m")
                .execute(Tuple.of(milestoneId))
                .map(rows -> rows.size() == 0 ? null : new Locked(rows.iterator().next().getLong("id"),
                        rows.iterator().next().getLong("task_id"), rows.iterator().next().getBoolean("measured")));
    }

    /** Ticks a milestone without a measure with its evidence, or unticks it. */
    public Uni<Void> tick(SqlClient sql, long milestoneId, boolean done, List<Long> evidenceIds, Long accountId, Instant now) {
        return sql.preparedQuery("update task_milestone set done_at = $2, done_by = $3, evidence_ids = $4, updated_at = $5,"
                + " version = version + 1 where id = $1")
                .execute(Tuple.of(milestoneId, done ? now.atOffset(ZoneOffset.UTC) : null, done ? accountId : null,
                        evidenceIds.toArray(Long[]::new), now.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }
}
