package org.duban.unit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.sql.Rows;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one writer of {@code region}, {@code unit}, {@code unit_set} and {@code unit_set_member}, and the reads a
 * write takes of them; every method runs in the caller's transaction (editing by hand, importing a plan file).
 */
@ApplicationScoped
public class UnitRows {

    private static final String UNIT = "select id, region_id, name, short_name, aliases, kind, parent_id, created_at,"
            + " updated_at, version from unit";
    private static final String SET = "select id, region_id, name, kind, leading_group_id, unit_kind, parent_unit_id,"
            + " aliases, created_at, updated_at, version from unit_set";

    /** The region a mutation writes in; fails as the audit guard would when the caller does not govern it. */
    public Uni<RegionRow> region(SqlClient sql, long id) {
        return sql.preparedQuery("select id, code, name, parent_id from region where id = $1 and region_writable(id)").execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, RegionRow::from));
    }

    /** Any region, for placing a new one under it: the platform's operator governs none. */
    public Uni<RegionRow> regionById(SqlClient sql, long id) {
        return sql.preparedQuery("select id, code, name, parent_id from region where id = $1").execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, RegionRow::from));
    }

    public Uni<RegionRow> regionByCode(SqlClient sql, String code) {
        return sql.preparedQuery("select id, code, name, parent_id from region where code = $1").execute(Tuple.of(code))
                .map(rows -> Rows.first(rows, RegionRow::from));
    }

    public Uni<List<RegionRow>> regions(SqlClient sql) {
        return sql.preparedQuery("select id, code, name, parent_id from region order by id").execute()
                .map(rows -> Rows.map(rows, RegionRow::from));
    }

    public Uni<Void> insert(SqlClient sql, RegionRow region) {
        return Rows.insert(sql, "insert into region (code, name, parent_id) values ($1, $2, $3) returning id",
                region.code, region.name, region.parentId)
                .invoke(id -> region.id = id).replaceWithVoid();
    }

    public Uni<Void> updateRegion(SqlClient sql, RegionRow region) {
        return sql.preparedQuery("update region set name = $2, parent_id = $3 where id = $1")
                .execute(Tuple.of(region.id, region.name, region.parentId)).replaceWithVoid();
    }

    public Uni<UnitRow> unit(SqlClient sql, long id) {
        return sql.preparedQuery(UNIT + " where id = $1").execute(Tuple.of(id)).map(rows -> Rows.first(rows, UnitRow::from));
    }

    public Uni<List<UnitRow>> unitsInRegion(SqlClient sql, long regionId) {
        return sql.preparedQuery(UNIT + " where region_id = $1 order by id").execute(Tuple.of(regionId))
                .map(rows -> Rows.map(rows, UnitRow::from));
    }

    public Uni<Void> insert(SqlClient sql, UnitRow unit) {
        return Rows.insert(sql, "insert into unit (region_id, name, short_name, aliases, kind, parent_id, created_at,"
                + " updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id",
                unit.regionId, unit.name, unit.shortName, unit.aliases,
                Rows.name(unit.kind), unit.parentId, Rows.utc(unit.createdAt), Rows.utc(unit.updatedAt))
                .invoke(id -> unit.id = id).replaceWithVoid();
    }

    public Uni<Void> update(SqlClient sql, UnitRow unit) {
        return Rows.update(sql, "update unit set name = $3, short_name = $4, aliases = $5, kind = $6, parent_id = $7,"
                + " updated_at = $8, version = version + 1 where id = $1 and version = $2", unit, "Unit",
                unit.name, unit.shortName, unit.aliases,
                Rows.name(unit.kind), unit.parentId, Rows.utc(unit.updatedAt));
    }

    public Uni<UnitSetRow> unitSet(SqlClient sql, long id) {
        return sql.preparedQuery(SET + " where id = $1").execute(Tuple.of(id)).map(rows -> Rows.first(rows, UnitSetRow::from));
    }

    public Uni<List<UnitSetRow>> setsInRegion(SqlClient sql, long regionId) {
        return sql.preparedQuery(SET + " where region_id = $1 order by id").execute(Tuple.of(regionId))
                .map(rows -> Rows.map(rows, UnitSetRow::from));
    }

    public Uni<Void> insert(SqlClient sql, UnitSetRow set) {
        return Rows.insert(sql, "insert into unit_set (region_id, name, kind, leading_group_id, unit_kind, parent_unit_id,"
                + " created_at, updated_at, aliases) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id",
                set.regionId, set.name, Rows.name(set.kind), set.leadingGroupId, Rows.name(set.unitKind), set.parentUnitId,
                Rows.utc(set.createdAt), Rows.utc(set.updatedAt), set.aliases)
                .invoke(id -> set.id = id).replaceWithVoid();
    }

    public Uni<Void> update(SqlClient sql, UnitSetRow set) {
        return Rows.update(sql, "update unit_set set name = $3, leading_group_id = $4, updated_at = $5, aliases = $6,"
                + " version = version + 1 where id = $1 and version = $2", set, "UnitSet",
                set.name, set.leadingGroupId, Rows.utc(set.updatedAt), set.aliases);
    }

    /** Makes the listed members of a LISTED set these units. */
    public Uni<Void> replaceMembers(SqlClient sql, long setId, List<Long> unitIds) {
        return sql.preparedQuery("delete from unit_set_member where set_id = $1").execute(Tuple.of(setId))
                .chain(() -> unitIds.isEmpty() ? Uni.createFrom().voidItem() : sql
                        .preparedQuery("insert into unit_set_member (set_id, unit_id) select $1, unnest($2::bigint[])")
                        .execute(Tuple.of(setId, unitIds.toArray(new Long[0]))).replaceWithVoid());
    }
}
