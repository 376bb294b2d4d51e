package org.duban.inspection;

import static org.duban.common.sql.Rows.map;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads of inspections. */
@ApplicationScoped
public class InspectionQueries {

    private final Pool pool;

    InspectionQueries(Pool pool) {
        this.pool = pool;
    }

    /** A plan's inspections by window. */
    public Uni<List<Inspection>> ofPlan(long planId) {
        return pool.preparedQuery("select " + Inspection.COLUMNS + " from inspection i where i.plan_id = $1"
                + " order by i.starts_on, i.id").execute(Tuple.of(planId))
                .map(rows -> map(rows, Inspection::from));
    }

    public Uni<Inspection> byId(long id) {
        return pool.preparedQuery("select " + Inspection.COLUMNS + " from inspection i where i.id = $1").execute(Tuple.of(id))
                .map(rows -> Inspection.from(rows.iterator().next()));
    }
}
