package org.duban.land.quota;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.sql.Rows;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The one writer of {@code land_quota}; runs in the caller's transaction (setting a quota, importing a plan file). */
@ApplicationScoped
public class QuotaRows {

    public Uni<LandQuotaRow> of(SqlClient sql, long regionId, int year) {
        return sql.preparedQuery("select id, region_id, year, issued_by, target_mu, deadlines, counts_approval_changes,"
                + " stated_supplied_mu, stated_completion_rate, stated_as_of, created_at, updated_at, version from land_quota"
                + " where region_id = $1 and year = $2")
                .execute(Tuple.of(regionId, year)).map(rows -> Rows.first(rows, LandQuotaRow::from));
    }

    /** Inserts a new quota or writes a read one; the id either way. */
    public Uni<Long> save(SqlClient sql, LandQuotaRow quota) {
        if (quota.id == null) {
            return Rows.insert(sql, "insert into land_quota (region_id, year, issued_by, target_mu, deadlines,"
                    + " counts_approval_changes, stated_supplied_mu, stated_completion_rate, stated_as_of, created_at, updated_at)"
                    + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id",
                    quota.regionId, quota.year, quota.issuedBy, quota.targetMu, quota.deadlines, quota.countsApprovalChanges,
                    quota.statedSuppliedMu, quota.statedCompletionRate, quota.statedAsOf, Rows.utc(quota.createdAt),
                    Rows.utc(quota.updatedAt))
                    .invoke(id -> quota.id = id);
        }
        return Rows.update(sql, "update land_quota set issued_by = $3, target_mu = $4, deadlines = $5,"
                + " counts_approval_changes = $6, stated_supplied_mu = $7, stated_completion_rate = $8, stated_as_of = $9,"
                + " updated_at = $10, version = version + 1 where id = $1 and version = $2", quota, "LandQuota",
                quota.issuedBy, quota.targetMu, quota.deadlines,
                quota.countsApprovalChanges, quota.statedSuppliedMu, quota.statedCompletionRate, quota.statedAsOf,
                Rows.utc(quota.updatedAt)).replaceWith(quota.id);
    }
}
