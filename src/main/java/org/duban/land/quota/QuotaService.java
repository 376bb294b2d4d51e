package org.duban.land.quota;

import static org.duban.common.Text.blankToNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers;
import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.InputValidator;
import org.duban.land.Area;
import org.duban.land.ParcelRows;
import org.duban.unit.UnitRows;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

@ApplicationScoped
public class QuotaService {

    private final Callers callers;
    private final AuditTrail audit;
    private final QuotaRows quotas;
    private final ParcelRows parcels;
    private final UnitRows regions;
    private final InputValidator validator;
    private final Clock clock;

    QuotaService(QuotaRows quotas, ParcelRows parcels, UnitRows regions, InputValidator validator, Clock clock, AuditTrail audit,
            Callers callers) {
        this.callers = callers;
        this.audit = audit;
        this.quotas = quotas;
        this.parcels = parcels;
        this.regions = regions;
        this.validator = validator;
        this.clock = clock;
    }

    /** Creates or replaces the region's quota for the year; returns its id. */
    public Uni<Long> set(QuotaInput input) {
        validator.check("input", input);
        long regionId = Ids.parse(input.regionId(), IdKind.REGION);
        return audit.withTransaction(sql -> callers.current().chain(caller -> regions.region(sql, regionId)
                .map(region -> region != null && caller.editsLandIn(region.id) ? region : null))
                .onItem().ifNull().failWith(() -> DubanException.notFound("Region", input.regionId()))
                .chain(region -> listedParcels(sql, input.stock(), regionId))
                .chain(listed -> quotas.of(sql, regionId, input.year()).chain(existing -> {
                    LandQuotaRow quota = existing != null ? existing : new LandQuotaRow();
                    apply(input, regionId, quota);
                    quota.stockParcelIds = listed;
                    quota.touch(clock.instant());
                    return quotas.save(sql, quota);
                })));
    }

    /** The listed parcels' ids, each one a parcel of the region; a parcel elsewhere is as good as none. */
    private Uni<Long[]> listedParcels(SqlClient sql, QuotaStockInput stock, long regionId) {
        if (stock == null || stock.parcelIds() == null || stock.parcelIds().isEmpty()) {
            return Uni.createFrom().item(new Long[0]);
        }
        if (stock.parcelIds().contains(null)) {
            throw DubanException.validation("input.stock.parcelIds", "a parcel id, not null");
        }
        Long[] wanted = stock.parcelIds().stream().map(id -> Ids.parse(id, IdKind.PARCEL)).distinct().toArray(Long[]::new);
        return parcels.inRegion(sql, regionId, wanted).map(found -> {
            for (String id : stock.parcelIds()) {
                if (!found.contains(Ids.parse(id, IdKind.PARCEL))) {
                    throw DubanException.validation("input.stock.parcelIds", "no such parcel in the quota's region");
                }
            }
            return wanted;
        });
    }

    /** Fills a quota from the input; shared with the plan importer. */
    public static void apply(QuotaInput input, long regionId, LandQuotaRow quota) {
        quota.regionId = regionId;
        quota.year = input.year();
        quota.issuedBy = blankToNull(input.issuedBy());
        quota.targetMu = Area.requireMu(input.targetMu(), "input.targetMu");
        quota.deadlines = input.deadlines() == null ? new LocalDate[0]
                : input.deadlines().stream().sorted().distinct().toArray(LocalDate[]::new);
        quota.countsApprovalChanges = Boolean.TRUE.equals(input.countsApprovalChanges());
        quota.statedSuppliedMu = input.statedSuppliedMu() == null ? null
                : Area.requireMu(input.statedSuppliedMu(), "input.statedSuppliedMu");
        quota.statedCompletionRate = rate(input.statedCompletionRate());
        quota.statedAsOf = input.statedAsOf();
        applyStock(input.stock(), input.year(), quota);
    }

    /** The cut-off or the listed batches; the listed parcels are the caller's to resolve, as ids or as codes. */
    private static void applyStock(QuotaStockInput stock, int year, LandQuotaRow quota) {
        boolean listsParcels = stock != null && stock.parcelIds() != null && !stock.parcelIds().isEmpty();
        List<String> batches = stock == null || stock.approvalBatches() == null ? List.of()
                : stock.approvalBatches().stream().map(batch -> batch == null ? "" : batch.strip()).distinct().toList();
        for (String batch : batches) {
            if (batch.isEmpty() || batch.length() > 200) {
                throw DubanException.validation("input.stock.approvalBatches", "a batch name of 1 to 200 characters");
            }
        }
        LocalDate approvedUntil = stock == null ? null : stock.approvedUntil();
        if (approvedUntil != null && (listsParcels || !batches.isEmpty())) {
            throw DubanException.validation("input.stock", "either a cut-off date (approvedUntil) or a list, not both");
        }
        if (approvedUntil != null && approvedUntil.getYear() > year) {
            throw DubanException.validation("input.stock.approvedUntil", "after the quota's year " + year);
        }
        boolean listed = listsParcels || !batches.isEmpty();
        quota.stockApprovedUntil = listed ? null : approvedUntil != null ? approvedUntil : LocalDate.of(year - 1, 12, 31);
        quota.stockApprovalBatches = batches.toArray(String[]::new);
        quota.stockParcelIds = new Long[0];
    }

    private static BigDecimal rate(BigDecimal rate) {
        if (rate == null) {
            return null;
        }
        if (rate.signum() < 0 || rate.stripTrailingZeros().scale() > 2 || rate.compareTo(BigDecimal.valueOf(100000)) >= 0) {
            throw DubanException.validation("input.statedCompletionRate", "a percentage with at most 2 decimals");
        }
        return rate.setScale(2, RoundingMode.UNNECESSARY);
    }
}
