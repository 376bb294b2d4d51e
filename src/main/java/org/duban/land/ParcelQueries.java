package org.duban.land;

import static org.duban.common.sql.Rows.map;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers.Caller;
import org.duban.common.ChinaTime;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.page.KeysetPage;
import org.duban.common.page.PageRequest;
import org.duban.common.sql.Like;
import org.duban.common.sql.SqlParams;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads of parcels, one statement each. */
@ApplicationScoped
public class ParcelQueries {

    private static final KeysetPage BY_CODE = KeysetPage.ascending("parcel",
            new KeysetPage.Key("p.code", "code", KeysetPage.TEXT), new KeysetPage.Key("p.id", "id", KeysetPage.LONG));

    private final Pool pool;
    private final Clock clock;

    ParcelQueries(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** Parcels by code (then id), a page at a time. */
    public Uni<ParcelConnection> page(ParcelFilter filter, PageRequest page, Caller caller) {
        LocalDate today = ChinaTime.today(clock);
        SqlParams params = new SqlParams();
        String where = conditions(filter, today, params) + " and " + LandVisibility.region(caller, "p.region_id", params);
        String sql = BY_CODE.sql(Parcel.columns(today), Parcel.FROM, where, page, params);
        return pool.preparedQuery(sql).execute(params.tuple())
                .map(rows -> ParcelConnection.of(BY_CODE.slice(rows, page, Parcel::from)));
    }

    public Uni<List<Parcel>> byIds(Long[] ids) {
        LocalDate today = ChinaTime.today(clock);
        return pool.preparedQuery("select " + Parcel.columns(today) + Parcel.FROM + " where p.id = any($1)")
                .execute(Tuple.of(ids))
                .map(rows -> map(rows, Parcel::from));
    }

    /** Those of the parcels the caller may read. */
    public Uni<List<Parcel>> byIds(Long[] ids, Caller caller) {
        LocalDate today = ChinaTime.today(clock);
        SqlParams params = new SqlParams();
        return pool.preparedQuery("select " + Parcel.columns(today) + Parcel.FROM + " where p.id = any(" + params.bind(ids)
                + ") and " + LandVisibility.region(caller, "p.region_id", params))
                .execute(params.tuple())
                .map(rows -> map(rows, Parcel::from));
    }

    /** The parts split from the parcels, by code. */
    public Uni<List<Parcel>> partsOf(Long[] parcelIds) {
        LocalDate today = ChinaTime.today(clock);
        return pool.preparedQuery("select " + Parcel.columns(today) + Parcel.FROM + " where p.split_from_id = any($1)"
                + " order by p.split_from_id, p.code")
                .execute(Tuple.of(parcelIds))
                .map(rows -> map(rows, Parcel::from));
    }

    public Uni<List<ApprovalAdjustment>> adjustmentsOf(Long[] parcelIds) {
        return pool.preparedQuery("select " + ApprovalAdjustment.COLUMNS + " from approval_adjustment a"
                + " where a.parcel_id = any($1) order by a.parcel_id, a.id")
                .execute(Tuple.of(parcelIds))
                .map(rows -> map(rows, ApprovalAdjustment::from));
    }

    /**
     * The parcels with an outline as one GeoJSON FeatureCollection, built by PostgreSQL in one statement,
     * with the facts a map shows as feature properties: the standard-land digital map (标准地数字地图).
     */
    public Uni<String> featureCollection(ParcelFilter filter, Caller caller) {
        LocalDate today = ChinaTime.today(clock);
        SqlParams params = new SqlParams();
        String where = conditions(filter, today, params) + " and p.geometry is not null and "
                + LandVisibility.region(caller, "p.region_id", params);
        // One row per feature, the JSON of its properties built by PostgreSQL; the id, sealed here, opens both.
        String sql = "select p.id, p.geometry::text as geometry, json_build_object("
                + "'code', p.code, 'name', p.name, 'township', t.name, 'zone', z.name, 'landUse', p.land_use, "
                + "'areaMu', p.area_mu, 'category', " + Parcel.category(today) + ", 'useState', " + Parcel.useState(today)
                + ", 'awaitingAdjustment', s.awaiting_adjustment, "
                + "'standardLand', p.standard_land, 'stage', p.stage, 'suppliedOn', p.supplied_on, 'supplyMethod', p.supply_method, "
                + "'landUser', p.land_user)::text as properties"
                + Parcel.FROM + " join unit t on t.id = p.township_id left join unit z on z.id = p.zone_id where " + where
                + " order by p.code";
        return pool.preparedQuery(sql).execute(params.tuple()).map(ParcelQueries::featureCollection);
    }

    private static String featureCollection(RowSet<Row> rows) {
        StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (Row row : rows) {
            String id = Ids.of(IdKind.PARCEL, row.getLong("id"));
            String properties = row.getString("properties");
            if (json.charAt(json.length() - 1) != '[') {
                json.append(',');
            }
            json.append("{\"type\":\"Feature\",\"id\":\"").append(id).append("\",\"geometry\":").append(row.getString("geometry"))
                    .append(",\"properties\":{\"id\":\"").append(id).append("\",").append(properties, 1, properties.length())
                    .append('}');
        }
        return json.append("]}").toString();
    }

    private static String conditions(ParcelFilter filter, LocalDate today, SqlParams params) {
        if (filter == null) {
            return "true";
        }
        List<String> where = new ArrayList<>();
        where.add("true");
        if (filter.regionId() != null) {
            where.add("p.region_id = " + params.bind(Ids.parse(filter.regionId(), IdKind.REGION)));
        }
        if (filter.townshipId() != null) {
            where.add("p.township_id = " + params.bind(Ids.parse(filter.townshipId(), IdKind.UNIT)));
        }
        if (filter.zoneId() != null) {
            where.add("p.zone_id = " + params.bind(Ids.parse(filter.zoneId(), IdKind.UNIT)));
        }
        if (filter.category() != null) {
            where.add(Parcel.category(today) + " = " + params.bind(filter.category().name()));
        }
        if (filter.useState() != null) {
            where.add(Parcel.useState(today) + " = " + params.bind(filter.useState().name()));
        }
        if (filter.stage() != null) {
            where.add("p.stage = " + params.bind(filter.stage().name()));
        }
        if (filter.landUse() != null) {
            where.add("p.land_use = " + params.bind(filter.landUse().name()));
        }
        if (filter.standardLand() != null) {
            where.add("p.standard_land = " + params.bind(filter.standardLand()));
        }
        if (filter.suppliedFrom() != null) {
            where.add("p.supplied_on >= " + params.bind(filter.suppliedFrom()));
        }
        if (filter.suppliedTo() != null) {
            where.add("p.supplied_on <= " + params.bind(filter.suppliedTo()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String pattern = params.bind(Like.containing(filter.text()));
            where.add("(p.code ilike " + pattern + " or p.name ilike " + pattern + " or coalesce(p.location, '') ilike "
                    + pattern + " or coalesce(p.land_user, '') ilike " + pattern + ")");
        }
        return String.join(" and ", where);
    }
}
