package org.duban.land.standard;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.sql.Rows;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one writer of {@code parcel_stage_change}, {@code control_indicator} and {@code regional_evaluation}, and the
 * reads a write takes of them; every method runs in the caller's transaction (the standard-land lifecycle, regional
 * evaluations, importing a plan file).
 */
@ApplicationScoped
public class StandardLandRows {

    private static final String EVALUATION = "select id, zone_id, round, kind, name, status, completed_on, note, created_at,"
            + " updated_at, version from regional_evaluation";

    public Uni<Void> insert(SqlClient sql, ParcelStageChangeRow change) {
        return sql.preparedQuery("insert into parcel_stage_change (parcel_id, from_stage, to_stage, changed_on, note, reason,"
                + " account_id, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.from(new Object[] { change.parcelId, Rows.name(change.fromStage), Rows.name(change.toStage),
                        change.changedOn, change.note, change.reason, change.accountId, Rows.utc(change.createdAt) }))
                .replaceWithVoid();
    }

    public Uni<List<ControlIndicatorRow>> indicatorsOf(SqlClient sql, long parcelId) {
        return sql.preparedQuery("select id, kind, name, unit, comparator, target, target_max, actual, actual_passed"
                + " from control_indicator where parcel_id = $1 order by ordinal")
                .execute(Tuple.of(parcelId)).map(rows -> Rows.map(rows, ControlIndicatorRow::from));
    }

    /** Makes the parcel's agreed indicators these, in this order. */
    public Uni<Void> replaceIndicators(SqlClient sql, long parcelId, List<ControlIndicatorRow> indicators) {
        return sql.preparedQuery("delete from control_indicator where parcel_id = $1").execute(Tuple.of(parcelId))
                .chain(() -> indicators.isEmpty() ? Uni.createFrom().voidItem() : sql
                        .preparedQuery("insert into control_indicator (parcel_id, ordinal, kind, name, unit, comparator, target,"
                                + " target_max, actual, actual_passed) select $1, * from unnest($2::int[], $3::text[], $4::text[],"
                                + " $5::text[], $6::text[], $7::numeric[], $8::numeric[], $9::numeric[], $10::boolean[])")
                        .execute(Tuple.from(new Object[] { parcelId,
                                IntStream.rangeClosed(1, indicators.size()).boxed().toArray(Integer[]::new),
                                indicators.stream().map(i -> Rows.name(i.kind)).toArray(String[]::new),
                                indicators.stream().map(i -> i.name).toArray(String[]::new),
                                indicators.stream().map(i -> i.unit).toArray(String[]::new),
                                indicators.stream().map(i -> Rows.name(i.comparator)).toArray(String[]::new),
                                indicators.stream().map(i -> i.target).toArray(BigDecimal[]::new),
                                indicators.stream().map(i -> i.targetMax).toArray(BigDecimal[]::new),
                                indicators.stream().map(i -> i.actual).toArray(BigDecimal[]::new),
                                indicators.stream().map(i -> i.actualPassed).toArray(Boolean[]::new) }))
                        .replaceWithVoid());
    }

    /** What acceptance found for each of these indicators. */
    public Uni<Void> recordActuals(SqlClient sql, List<ControlIndicatorRow> indicators) {
        if (indicators.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return sql.preparedQuery("update control_indicator c set actual = v.actual, actual_passed = v.actual_passed"
                + " from unnest($1::bigint[], $2::numeric[], $3::boolean[]) as v(id, actual, actual_passed) where c.id = v.id")
                .execute(Tuple.of(indicators.stream().map(i -> i.id).toArray(Long[]::new),
                        indicators.stream().map(i -> i.actual).toArray(BigDecimal[]::new),
                        indicators.stream().map(i -> i.actualPassed).toArray(Boolean[]::new)))
                .replaceWithVoid();
    }

    public Uni<RegionalEvaluationRow> evaluation(SqlClient sql, long id) {
        return sql.preparedQuery(EVALUATION + " where id = $1").execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, RegionalEvaluationRow::from));
    }

    public Uni<List<RegionalEvaluationRow>> evaluationsOf(SqlClient sql, long zoneId) {
        return sql.preparedQuery(EVALUATION + " where zone_id = $1 order by id").execute(Tuple.of(zoneId))
                .map(rows -> Rows.map(rows, RegionalEvaluationRow::from));
    }

    public Uni<Void> insert(SqlClient sql, RegionalEvaluationRow evaluation) {
        return Rows.insert(sql, "insert into regional_evaluation (zone_id, round, kind, name, status, completed_on, note,"
                + " created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id",
                evaluation.zoneId, evaluation.round, Rows.name(evaluation.kind), evaluation.name,
                Rows.name(evaluation.status), evaluation.completedOn, evaluation.note, Rows.utc(evaluation.createdAt),
                Rows.utc(evaluation.updatedAt))
                .invoke(id -> evaluation.id = id).replaceWithVoid();
    }

    public Uni<Void> update(SqlClient sql, RegionalEvaluationRow evaluation) {
        return Rows.update(sql, "update regional_evaluation set name = $3, status = $4, completed_on = $5, note = $6,"
                + " updated_at = $7, version = version + 1 where id = $1 and version = $2", evaluation, "RegionalEvaluation",
                evaluation.name, Rows.name(evaluation.status), evaluation.completedOn, evaluation.note,
                Rows.utc(evaluation.updatedAt));
    }
}
