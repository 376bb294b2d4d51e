package org.duban.land.standard;

import static org.duban.common.sql.Rows.map;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers.Caller;
import org.duban.common.sql.SqlParams;
import org.duban.land.LandVisibility;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class StandardLandQueries {

    private final Pool pool;

    StandardLandQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<ControlIndicator>> indicatorsOf(Long[] parcelIds) {
        return pool.preparedQuery("select " + ControlIndicator.COLUMNS + " from control_indicator i"
                + " where i.parcel_id = any($1) order by i.parcel_id, i.ordinal")
                .execute(Tuple.of(parcelIds))
                .map(rows -> map(rows, ControlIndicator::from));
    }

    public Uni<List<StageChange>> stageHistoryOf(Long[] parcelIds) {
        return pool.preparedQuery("select c.parcel_id, c.from_stage, c.to_stage, c.changed_on, c.note, c.reason, a.username"
                + " from parcel_stage_change c left join account a on a.id = c.account_id"
                + " where c.parcel_id = any($1) order by c.parcel_id, c.id")
                .execute(Tuple.of(parcelIds))
                .map(rows -> map(rows, StageChange::from));
    }

    /** The evaluations the caller may read (those of zones in its region, or all for ADMIN and LEADER). */
    public Uni<List<RegionalEvaluation>> evaluations(Long zoneId, Integer round, Caller caller) {
        SqlParams params = new SqlParams();
        String where = "e.zone_id in (select z.id from unit z where " + LandVisibility.region(caller, "z.region_id", params) + ")";
        if (zoneId != null) {
            where += " and e.zone_id = " + params.bind(zoneId);
        }
        if (round != null) {
            where += " and e.round = " + params.bind(round);
        }
        return pool.preparedQuery("select " + RegionalEvaluation.COLUMNS + " from regional_evaluation e where " + where
                + " order by e.zone_id, e.round, e.id")
                .execute(params.tuple())
                .map(rows -> map(rows, RegionalEvaluation::from));
    }

    public Uni<List<RegionalEvaluation>> evaluationsByIds(Long[] ids) {
        return pool.preparedQuery("select " + RegionalEvaluation.COLUMNS + " from regional_evaluation e where e.id = any($1)")
                .execute(Tuple.of(ids))
                .map(rows -> map(rows, RegionalEvaluation::from));
    }
}
