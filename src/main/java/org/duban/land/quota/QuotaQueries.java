package org.duban.land.quota;

import static org.duban.common.sql.Rows.map;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers.Caller;
import org.duban.common.ChinaTime;
import org.duban.common.Found;
import org.duban.common.sql.SqlParams;
import org.duban.land.LandVisibility;
import org.duban.land.Parcel;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Quotas with their progress computed in SQL from the parcels: exact numeric sums, one statement. */
@ApplicationScoped
public class QuotaQueries {

    private final Pool pool;
    private final Clock clock;

    QuotaQueries(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** The quotas the caller may read, of one year or all. */
    public Uni<List<QuotaProgress>> ofYear(Integer year, Caller caller) {
        SqlParams params = new SqlParams();
        String sql = "select " + QuotaProgress.COLUMNS + " from land_quota q where "
                + LandVisibility.region(caller, "q.region_id", params)
                + (year == null ? "" : " and q.year = " + params.bind(year)) + " order by q.year desc, q.region_id";
        return pool.preparedQuery(sql).execute(params.tuple())
                .map(rows -> map(rows, QuotaProgress::from));
    }

    /** The quota, NOT_FOUND unless the caller may read its region's land. */
    public Uni<QuotaProgress> visible(long id, Caller caller) {
        SqlParams params = new SqlParams();
        return pool.preparedQuery("select " + QuotaProgress.COLUMNS + " from land_quota q where q.id = " + params.bind(id) + " and "
                + LandVisibility.region(caller, "q.region_id", params))
                .execute(params.tuple())
                .map(rows -> Found.one(map(rows, QuotaProgress::from), "Quota", id));
    }

    public Uni<List<QuotaProgress>> byIds(Long[] ids) {
        return pool.preparedQuery("select " + QuotaProgress.COLUMNS + " from land_quota q where q.id = any($1)")
                .execute(Tuple.of(ids))
                .map(rows -> map(rows, QuotaProgress::from));
    }

    /** The quotas a plan's tasks measure themselves by. */
    public Uni<List<QuotaProgress>> ofPlan(long planId) {
        return pool.preparedQuery("select " + QuotaProgress.COLUMNS + " from land_quota q where exists (select 1 from task_measure m"
                + " join task t on t.id = m.task_id where m.kind = 'QUOTA' and m.region_id = q.region_id and m.year = q.year"
                + " and t.plan_id = $1 and t.deleted_at is null) order by q.year, q.region_id")
                .execute(Tuple.of(planId))
                .map(rows -> map(rows, QuotaProgress::from));
    }

    /** The quotas the tasks of these plans measure themselves by. */
    public Uni<List<QuotaProgress>> ofPlans(Long[] planIds) {
        return pool.preparedQuery("select " + QuotaProgress.COLUMNS + " from land_quota q where exists (select 1 from task_measure m"
                + " join task t on t.id = m.task_id where m.kind = 'QUOTA' and m.region_id = q.region_id and m.year = q.year"
                + " and t.plan_id = any($1) and t.deleted_at is null) order by q.year, q.region_id")
                .execute(Tuple.of((Object) planIds))
                .map(rows -> map(rows, QuotaProgress::from));
    }

    /** The quotas of these (region, year) pairs. */
    public Uni<List<QuotaProgress>> byRegionAndYear(Long[] regionIds, Integer[] years) {
        return pool.preparedQuery("select " + QuotaProgress.COLUMNS + " from land_quota q"
                + " join unnest($1::bigint[], $2::int[]) as k(region_id, year) on k.region_id = q.region_id and k.year = q.year")
                .execute(Tuple.of(regionIds, years))
                .map(rows -> map(rows, QuotaProgress::from));
    }

    public Uni<List<CountedParcel>> countedParcels(Long[] quotaIds) {
        return counted("select quota_id, parcel_id, counted_as, counted_on, area_mu from quota_counted_parcel"
                + " where quota_id = any($1)", quotaIds);
    }

    /** The supplies of the quotas' years from outside their stock, as NEW_SUPPLY. */
    public Uni<List<CountedParcel>> newSupply(Long[] quotaIds) {
        return counted("select quota_id, parcel_id, 'NEW_SUPPLY' as counted_as, supplied_on as counted_on, area_mu"
                + " from quota_year_supply where quota_id = any($1) and not in_stock", quotaIds);
    }

    /** A parcel listed in a quota's stock. */
    public record ListedParcel(long quotaId, Parcel parcel) {
    }

    public Uni<List<ListedParcel>> listedStock(Long[] quotaIds) {
        LocalDate today = ChinaTime.today(clock);
        return pool.preparedQuery("select i.quota_id, " + Parcel.columns(today) + Parcel.FROM
                + " join quota_stock_item i on i.parcel_id = p.id where i.quota_id = any($1) order by i.quota_id, p.code")
                .execute(Tuple.of(quotaIds))
                .map(rows -> map(rows, row -> new ListedParcel(row.getLong("quota_id"), Parcel.from(row))));
    }

    private Uni<List<CountedParcel>> counted(String countedRows, Long[] quotaIds) {
        LocalDate today = ChinaTime.today(clock);
        return pool.preparedQuery("select c.quota_id, c.counted_as, c.counted_on, c.area_mu as counted_area, "
                + Parcel.columns(today) + " from (" + countedRows + ") c join parcel p on p.id = c.parcel_id"
                + " left join parcel_status s on s.parcel_id = p.id order by c.quota_id, c.counted_on, p.code")
                .execute(Tuple.of(quotaIds))
                .map(rows -> map(rows, row -> new CountedParcel(Parcel.from(row), row.getString("counted_as"),
                        row.getLocalDate("counted_on"), row.getBigDecimal("counted_area"), row.getLong("quota_id"))));
    }
}
