package org.duban.measure;

import static org.duban.common.sql.Rows.map;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.sql.Batches;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The measures of tasks and their figures, each computed for a whole batch of measures in one statement. */
@ApplicationScoped
public class MeasureQueries {

    private final Pool pool;

    MeasureQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Measure>> measuresOf(Long[] taskIds) {
        return pool.preparedQuery("select " + Measure.COLUMNS + " from task_measure"
                + " where task_id = any($1) order by task_id, ordinal")
                .execute(Tuple.of(taskIds))
                .map(rows -> map(rows, Measure::from));
    }

    public Uni<List<RegionalEvaluationProgress>> evaluationProgress(List<Measure> measures) {
        List<Measure> relevant = measures.stream().filter(m -> m.kind() == MeasureKind.REGIONAL_EVALUATIONS).toList();
        return pool.preparedQuery("select m.id, count(e.id)::int as total, count(e.id) filter (where e.status = 'DONE')::int as done"
                + " from task_measure m left join regional_evaluation e on e.zone_id = m.zone_id and e.round = m.round"
                + " where m.id = any($1) group by m.id")
                .execute(Tuple.of(Batches.keys(relevant, Measure::id)))
                .map(rows -> map(rows, row -> {
                    int total = row.getInteger("total");
                    int done = row.getInteger("done");
                    return new RegionalEvaluationProgress(total, done, total > 0 && done == total, row.getLong("id"));
                }));
    }

    public Uni<List<StandardLandSales>> sales(List<Measure> measures) {
        List<Measure> relevant = measures.stream().filter(m -> m.kind() == MeasureKind.STANDARD_LAND_SALES).toList();
        return pool.preparedQuery("select m.id, count(p.id)::int as sold, count(p.id) filter (where p.standard_land)::int as standard"
                + " from task_measure m left join parcel p on p.zone_id = m.zone_id and p.land_use = 'INDUSTRIAL'"
                + " and p.supply_method = 'SALE' and p.supplied_on >= make_date(m.year, 1, 1)"
                + " and p.supplied_on < make_date(m.year + 1, 1, 1) where m.id = any($1) group by m.id")
                .execute(Tuple.of(Batches.keys(relevant, Measure::id)))
                .map(rows -> map(rows, row -> {
                    int sold = row.getInteger("sold");
                    int standard = row.getInteger("standard");
                    return new StandardLandSales(sold, standard, standard == sold, standard > 0, row.getLong("id"));
                }));
    }
}
