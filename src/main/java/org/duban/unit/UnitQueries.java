package org.duban.unit;

import static org.duban.common.sql.Rows.map;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers.Caller;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads of regions, units and unit sets, straight from SQL: safe for batched fields. */
@ApplicationScoped
public class UnitQueries {

    /** Governments first, then committees, departments and townships, then by name. */
    private static final String UNIT_ORDER = "u.region_id, array_position(array['COUNTY_GOVERNMENT', "
            + "'MANAGEMENT_COMMITTEE', 'DEPARTMENT', 'TOWNSHIP', 'OTHER'], u.kind), u.name";

    private final Pool pool;

    UnitQueries(Pool pool) {
        this.pool = pool;
    }

    /** The regions among {@code within} (null: all), by division code. */
    public Uni<List<Region>> regions(Long[] within) {
        return pool.preparedQuery("select " + Region.COLUMNS + " from region where $1::bigint[] is null or id = any ($1) order by code")
                .execute(Tuple.of((Object) within))
                .map(rows -> map(rows, Region::from));
    }

    public Uni<List<Region>> regionsByIds(Long[] ids) {
        return pool.preparedQuery("select " + Region.COLUMNS + " from region where id = any($1)")
                .execute(Tuple.of(ids))
                .map(rows -> map(rows, Region::from));
    }

    /** The units of one region, or of all, among the regions {@code within}. */
    public Uni<List<Unit>> units(Long regionId, Long[] within) {
        return pool.preparedQuery("select " + Unit.columns("u", "") + " from unit u where u.region_id = any ($2)"
                + " and ($1::bigint is null or u.region_id = $1) order by " + UNIT_ORDER)
                .execute(Tuple.of(regionId, within))
                .map(rows -> map(rows, row -> Unit.from(row, "")));
    }

    /** The unit, if it belongs to a region whose reference data the caller sees; else none. */
    public Uni<List<Unit>> visible(long id, Caller caller) {
        return unitsByIds(new Long[] { id })
                .map(found -> found.stream().filter(unit -> caller.referenceRegions().contains(unit.regionId())).toList());
    }

    public Uni<List<Unit>> unitsByIds(Long[] ids) {
        return pool.preparedQuery("select " + Unit.columns("u", "") + " from unit u where u.id = any($1)")
                .execute(Tuple.of(ids))
                .map(rows -> map(rows, row -> Unit.from(row, "")));
    }

    /** The unit sets of one region, or of all, among the regions {@code within}. */
    public Uni<List<UnitSet>> unitSets(Long regionId, Long[] within) {
        return pool.preparedQuery("select " + UnitSet.columns("s", "") + " from unit_set s where s.region_id = any ($2)"
                + " and ($1::bigint is null or s.region_id = $1) order by s.region_id, s.name")
                .execute(Tuple.of(regionId, within))
                .map(rows -> map(rows, row -> UnitSet.from(row, "")));
    }

    public Uni<List<UnitSet>> unitSetsByIds(Long[] ids) {
        return pool.preparedQuery("select " + UnitSet.columns("s", "") + " from unit_set s where s.id = any($1)")
                .execute(Tuple.of(ids))
                .map(rows -> map(rows, row -> UnitSet.from(row, "")));
    }

    /** The units each set stands for today, keyed by set id in {@link SetMember}. */
    public Uni<List<SetMember>> membersOfSets(Long[] setIds) {
        return pool.preparedQuery("select su.set_id, " + Unit.columns("u", "") + " from unit_set_unit su"
                + " join unit u on u.id = su.unit_id where su.set_id = any($1) order by su.set_id, " + UNIT_ORDER)
                .execute(Tuple.of(setIds))
                .map(rows -> map(rows, row -> new SetMember(row.getLong("set_id"), Unit.from(row, ""))));
    }

    public record SetMember(long setId, Unit unit) {
    }
}
