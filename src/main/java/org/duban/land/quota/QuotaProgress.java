package org.duban.land.quota;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.duban.land.Area;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("QuotaProgress")
@Description("A yearly quota of approved-but-unsupplied land to digest (消化任务), with progress computed from the "
        + "parcels and the figures a document stated beside it.")
public record QuotaProgress(
        @Id @GlobalId(IdKind.QUOTA) long id,
        int year,
        @Description("Who set the quota, e.g. 临汾市规划和自然资源局") String issuedBy,
        @NonNull BigDecimal targetMu,
        @NonNull List<@NonNull LocalDate> deadlines,
        @Description("Whether parcels taken out of the stock by an adjusted or withdrawn approval count as digested")
        boolean countsApprovalChanges,
        @NonNull @Description("What the quota digests") QuotaStock stock,
        @NonNull @Description("Digested so far: the area of the counted parcels, exact") BigDecimal suppliedMu,
        @NonNull @Description("What is left, never below 0") BigDecimal remainingMu,
        @NonNull @Description("suppliedMu ÷ targetMu in percent, 2 decimals, half-up") BigDecimal completionRate,
        @Description("The supplied area a document stated") BigDecimal statedSuppliedMu,
        @Description("The completion rate a document stated") BigDecimal statedCompletionRate,
        @Description("The date the stated figures refer to") LocalDate statedAsOf,
        @Description("Whether the stated figures equal the computed ones; null when none were stated")
        Boolean statedMatchesComputed,
        @NonNull @Description("Supplied in the quota's year and region from outside its stock (新增供地): shown, never counted")
        BigDecimal newSupplyMu,
        @Ignore long regionId) {

    static final String COLUMNS = "q.id, q.region_id, q.year, q.issued_by, q.target_mu, q.deadlines, q.counts_approval_changes, "
            + "q.stated_supplied_mu, q.stated_completion_rate, q.stated_as_of, "
            + "q.stock_approved_until, array(select i.approval_batch from quota_stock_item i where i.quota_id = q.id"
            + " and i.approval_batch is not null order by i.approval_batch) as stock_approval_batches, "
            // The sums kept in quota_tally (V28); a quota whose inputs the reader's own transaction changed is
            // summed again, as the tally will be at commit.
            + "(select case when t.stale then (select array[s.in_stock_mu, s.new_supply_mu, s.approval_changes_mu]"
            + " from quota_sums(q.id) s) else array[t.in_stock_mu, t.new_supply_mu, t.approval_changes_mu] end"
            + " from quota_tally t where t.quota_id = q.id) as sums";

    static QuotaProgress from(Row row) {
        BigDecimal target = row.getBigDecimal("target_mu");
        BigDecimal[] sums = row.getArrayOfBigDecimals("sums");
        BigDecimal supplied = sums[0].add(sums[2]).setScale(Area.MU_SCALE);
        BigDecimal rate = Area.percent(supplied, target);
        BigDecimal statedSupplied = row.getBigDecimal("stated_supplied_mu");
        BigDecimal statedRate = row.getBigDecimal("stated_completion_rate");
        Boolean matches = statedSupplied == null && statedRate == null ? null
                : (statedSupplied == null || statedSupplied.compareTo(supplied) == 0)
                        && (statedRate == null || statedRate.compareTo(rate) == 0);
        LocalDate[] deadlines = row.getArrayOfLocalDates("deadlines");
        long id = row.getLong("id");
        QuotaStock stock = new QuotaStock(row.getLocalDate("stock_approved_until"),
                Arrays.asList(row.getArrayOfStrings("stock_approval_batches")), id);
        return new QuotaProgress(id, row.getInteger("year"), row.getString("issued_by"), target,
                deadlines == null ? List.of() : Arrays.asList(deadlines), row.getBoolean("counts_approval_changes"),
                stock, supplied, target.subtract(supplied).max(BigDecimal.ZERO.setScale(Area.MU_SCALE)), rate,
                statedSupplied, statedRate, row.getLocalDate("stated_as_of"), matches,
                sums[1].setScale(Area.MU_SCALE), row.getLong("region_id"));
    }
}
