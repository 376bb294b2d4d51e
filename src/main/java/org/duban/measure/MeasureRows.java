package org.duban.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.sql.Rows;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The one writer of {@code task_measure}; runs in the caller's transaction (setting measures, importing a plan). */
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
        return sql.preparedQuery("select task_id, kind, year, region_id, zone_id, round from task_measure where task_id = any($1)"
                        + " order by task_id, ordinal")
                .execute(Tuple.of(byTask.keySet().toArray(new Long[0])))
                .chain(rows -> {
                    Map<Long, List<TaskMeasureRow>> changed = Rows.changed(byTask, rows, "task_id", row -> Arrays.asList(
                            Rows.enumOf(row, "kind", MeasureKind.class), row.getInteger("year"), row.getLong("region_id"),
                            row.getLong("zone_id"), row.getInteger("round")), TaskMeasureRow::content);
                    return changed.isEmpty() ? Uni.createFrom().voidItem() : write(sql, changed);
                });
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
        return sql.preparedQuery("delete from task_measure where task_id = any($1)")
                .execute(Tuple.of(byTask.keySet().toArray(new Long[0])))
                .chain(() -> measures.isEmpty() ? Uni.createFrom().voidItem() : sql
                        .preparedQuery("insert into task_measure (task_id, ordinal, kind, year, region_id, zone_id, round)"
                                + " select * from unnest($1::bigint[], $2::int[], $3::text[], $4::int[], $5::bigint[],"
                                + " $6::bigint[], $7::int[])")
                        .execute(Tuple.from(new Object[] { taskIds.toArray(new Long[0]), ordinals.toArray(new Integer[0]),
                                measures.stream().map(m -> Rows.name(m.kind)).toArray(String[]::new),
                                measures.stream().map(m -> m.year).toArray(Integer[]::new),
                                measures.stream().map(m -> m.regionId).toArray(Long[]::new),
                                measures.stream().map(m -> m.zoneId).toArray(Long[]::new),
                                measures.stream().map(m -> m.round).toArray(Integer[]::new) }))
                        .replaceWithVoid());
    }
}
