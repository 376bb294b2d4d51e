package org.duban.measure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.sql.Rows;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one writer of {@code task_measure}; runs in the caller's transaction (setting measures, importing a plan, a unit's
 * progress report with the actual of a NUMBER measure).
 */
@ApplicationScoped
public class MeasureRows {

    /** The kinds of measure the task has, as names. */
    public Uni<Set<String>> kindsOf(SqlClient sql, long taskId) {
        return sql.preparedQuery("select kind from task_measure where task_id = $1").execute(Tuple.of(taskId))
                .map(rows -> {
                    Set<String> kinds = new HashSet<>();
                    rows.forEach(row -> kinds.add(row.getString("kind")));
                    return kinds;
                });
    }

    /** Makes each task's measures the given ones, in their order; a task whose measures are these already is not written. */
    public Uni<Void> replace(SqlClient sql, Map<Long, List<TaskMeasureRow>> byTask) {
        if (byTask.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return sql.preparedQuery("select task_id, kind, year, region_id, zone_id, round, label, target, unit, at_most"
                        + " from task_measure where task_id = any($1) order by task_id, ordinal")
                .execute(Tuple.of(byTask.keySet().toArray(new Long[0])))
                .chain(rows -> {
                    Map<Long, List<TaskMeasureRow>> changed = Rows.changed(byTask, rows, "task_id", MeasureRows::heldContent,
                            TaskMeasureRow::content);
                    return changed.isEmpty() ? Uni.createFrom().voidItem() : write(sql, changed);
                });
    }

    private static List<Object> heldContent(Row row) {
        TaskMeasureRow held = new TaskMeasureRow();
        held.kind = Rows.enumOf(row, "kind", MeasureKind.class);
        held.year = row.getInteger("year");
        held.regionId = row.getLong("region_id");
        held.zoneId = row.getLong("zone_id");
        held.round = row.getInteger("round");
        held.number = row.getBigDecimal("target") == null ? null : new NumberTarget(row.getString("label"),
                row.getBigDecimal("target"), row.getString("unit"), row.getBoolean("at_most"));
        return held.content();
    }

    private static Uni<Void> write(SqlClient sql, Map<Long, List<TaskMeasureRow>> byTask) {
        List<Long> taskIds = new ArrayList<>();
        List<Integer> ordinals = new ArrayList<>();
        List<TaskMeasureRow> measures = new ArrayList<>();
        byTask.forEach((taskId, ofTask) -> {
            for (int i = 0; i < ofTask.size(); i++) {
                taskIds.add(taskId);
                ordinals.add(i + 1);
                measures.add(ofTask.get(i));
            }
        });
        // A NUMBER measure written again keeps the actual last reported for what it counts (its label): a new target
        // does not forget the figure reached.
        return sql.preparedQuery("with old as (delete from task_measure where task_id = any($1)"
                        + " returning task_id, kind, label, actual, actual_on)"
                        + " insert into task_measure (task_id, ordinal, kind, year, region_id, zone_id, round, label, target, unit,"
                        + " at_most, actual, actual_on)"
                        + " select x.task_id, x.ordinal, x.kind, x.year, x.region_id, x.zone_id, x.round, x.label, x.target, x.unit,"
                        + " x.at_most, kept.actual, kept.actual_on"
                        + " from unnest($2::bigint[], $3::int[], $4::text[], $5::int[], $6::bigint[], $7::bigint[], $8::int[],"
                        + " $9::text[], $10::numeric[], $11::text[], $12::boolean[])"
                        + " as x(task_id, ordinal, kind, year, region_id, zone_id, round, label, target, unit, at_most)"
                        + " left join lateral (select o.actual, o.actual_on from old o where o.task_id = x.task_id"
                        + " and o.kind = 'NUMBER' and x.kind = 'NUMBER' and o.label is not distinct from x.label"
                        + " order by o.actual_on desc nulls last limit 1) kept on true")
                .execute(Tuple.from(new Object[] { byTask.keySet().toArray(new Long[0]), taskIds.toArray(new Long[0]),
                        ordinals.toArray(new Integer[0]),
                        measures.stream().map(m -> Rows.name(m.kind)).toArray(String[]::new),
                        measures.stream().map(m -> m.year).toArray(Integer[]::new),
                        measures.stream().map(m -> m.regionId).toArray(Long[]::new),
                        measures.stream().map(m -> m.zoneId).toArray(Long[]::new),
                        measures.stream().map(m -> m.round).toArray(Integer[]::new),
                        measures.stream().map(m -> m.number == null ? null : m.number.label()).toArray(String[]::new),
                        measures.stream().map(m -> m.number == null ? null : m.number.target()).toArray(BigDecimal[]::new),
                        measures.stream().map(m -> m.number == null ? null : m.number.unit()).toArray(String[]::new),
                        measures.stream().map(m -> m.number != null && m.number.atMost()).toArray(Boolean[]::new) }))
                .replaceWithVoid();
    }

    /**
     * The actual figure a unit reports for one of the task's NUMBER measures, on {@code day}; false when the task has no
     * such NUMBER measure.
     */
    public Uni<Boolean> reportActual(SqlClient sql, long taskId, long measureId, BigDecimal actual, LocalDate day) {
        return sql.preparedQuery("update task_measure set actual = $3, actual_on = $4 where id = $2 and task_id = $1"
                        + " and kind = 'NUMBER'")
                .execute(Tuple.of(taskId, measureId, actual, day)).map(rows -> rows.rowCount() > 0);
    }
}
