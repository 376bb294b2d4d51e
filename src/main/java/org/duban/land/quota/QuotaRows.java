package org.duban.land.quota;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.sql.Rows;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one writer of {@code land_quota} and {@code quota_stock_item}; runs in the caller's transaction (setting a
 * quota, importing a plan file).
 */
@ApplicationScoped
public class QuotaRows {

    public Uni<LandQuotaRow> of(SqlClient sql, long regionId, int year) {
        return sql.preparedQuery("select q.id, q.region_id, q.year, q.issued_by, q.target_mu, q.deadlines,"
                + " q.counts_approval_changes, q.stated_supplied_mu, q.stated_completion_rate, q.stated_as_of,"
                + " q.stock_approved_until, array(select i.parcel_id from quota_stock_item i where i.quota_id = q.id"
                + " and i.parcel_id is not null order by i.parcel_id) as stock_parcel_ids,"
                + " array(select i.approval_batch from quota_stock_item i where i.quota_id = q.id"
                + " and i.approval_batch is not null order by i.approval_batch) as stock_approval_batches,"
                + " q.created_at, q.updated_at, q.version from land_quota q where q.region_id = $1 and q.year = $2")
                .execute(Tuple.of(regionId, year)).map(rows -> Rows.first(rows, LandQuotaRow::from));
    }

    /** Inserts a new quota or writes a read one, its stock list replaced; the id either way. */
    public Uni<Long> save(SqlClient sql, LandQuotaRow quota) {
        Uni<Long> saved;
        if (quota.id == null) {
            saved = Rows.insert(sql, "insert into land_quota (region_id, year, issued_by, target_mu, deadlines,"
                    + " counts_approval_changes, stated_supplied_mu, stated_completion_rate, stated_as_of,"
                    + " stock_approved_until, created_at, updated_at)"
                    + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning id",
                    quota.regionId, quota.year, quota.issuedBy, quota.targetMu, quota.deadlines, quota.countsApprovalChanges,
                    quota.statedSuppliedMu, quota.statedCompletionRate, quota.statedAsOf, quota.stockApprovedUntil,
                    Rows.utc(quota.createdAt), Rows.utc(quota.updatedAt))
                    .invoke(id -> quota.id = id);
        } else {
            saved = Rows.update(sql, "update land_quota set issued_by = $3, target_mu = $4, deadlines = $5,"
                    + " counts_approval_changes = $6, stated_supplied_mu = $7, stated_completion_rate = $8, stated_as_of = $9,"
                    + " stock_approved_until = $10, updated_at = $11, version = version + 1 where id = $1 and version = $2",
                    quota, "LandQuota", quota.issuedBy, quota.targetMu, quota.deadlines,
                    quota.countsApprovalChanges, quota.statedSuppliedMu, quota.statedCompletionRate, quota.statedAsOf,
                    quota.stockApprovedUntil, Rows.utc(quota.updatedAt)).replaceWith(quota.id);
        }
        return saved.call(id -> sql.preparedQuery("delete from quota_stock_item where quota_id = $1").execute(Tuple.of(id)))
                .call(id -> sql.preparedQuery("insert into quota_stock_item (quota_id, parcel_id, approval_batch)"
                        + " select $1::bigint, parcel_id, null::text from unnest($2::bigint[]) as parcel_id"
                        + " union all select $1::bigint, null::bigint, batch from unnest($3::text[]) as batch")
                        .execute(Tuple.of(id, quota.stockParcelIds, quota.stockApprovalBatches)));
    }
}
