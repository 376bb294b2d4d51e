package org.duban.land.quota;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.duban.common.TrackedRow;

import io.vertx.mutiny.sqlclient.Row;

public class LandQuotaRow extends TrackedRow {

    public Long regionId;

    public int year;

    public String issuedBy;

    public BigDecimal targetMu;

    public LocalDate[] deadlines = new LocalDate[0];

    public boolean countsApprovalChanges;

    public BigDecimal statedSuppliedMu;

    public BigDecimal statedCompletionRate;

    public LocalDate statedAsOf;

    /** The stock is the region's parcels approved up to this day; null when it is the listed parcels and batches. */
    public LocalDate stockApprovedUntil;

    public Long[] stockParcelIds = new Long[0];

    public String[] stockApprovalBatches = new String[0];

    /**
     * What a quota's setting writes; decimals compare by value (100 and 100.00 mu are one target), the stock as a set
     * (it is read back sorted).
     */
    public List<Object> content() {
        return Arrays.asList(issuedBy, plain(targetMu), Arrays.asList(deadlines), countsApprovalChanges, plain(statedSuppliedMu),
                plain(statedCompletionRate), statedAsOf, stockApprovedUntil, sorted(stockParcelIds), sorted(stockApprovalBatches));
    }

    private static <T> List<T> sorted(T[] values) {
        return Arrays.stream(values).sorted().toList();
    }

    private static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }

    static LandQuotaRow from(Row row) {
        LandQuotaRow quota = new LandQuotaRow();
        quota.readTracked(row);
        quota.regionId = row.getLong("region_id");
        quota.year = row.getInteger("year");
        quota.issuedBy = row.getString("issued_by");
        quota.targetMu = row.getBigDecimal("target_mu");
        quota.deadlines = row.getArrayOfLocalDates("deadlines");
        quota.countsApprovalChanges = row.getBoolean("counts_approval_changes");
        quota.statedSuppliedMu = row.getBigDecimal("stated_supplied_mu");
        quota.statedCompletionRate = row.getBigDecimal("stated_completion_rate");
        quota.statedAsOf = row.getLocalDate("stated_as_of");
        quota.stockApprovedUntil = row.getLocalDate("stock_approved_until");
        quota.stockParcelIds = row.getArrayOfLongs("stock_parcel_ids");
        quota.stockApprovalBatches = row.getArrayOfStrings("stock_approval_batches");
        return quota;
    }
}
