package org.duban.land.quota;

import static org.duban.common.Text.blankToNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers;
import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;
import org.duban.common.Ids;
import org.duban.common.InputValidator;
import org.duban.land.Area;
import org.duban.unit.UnitRows;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class QuotaService {

    private final Callers callers;
    private final AuditTrail audit;
    private final QuotaRows quotas;
    private final UnitRows regions;
    private final InputValidator validator;
    private final Clock clock;

    QuotaService(QuotaRows quotas, UnitRows regions, InputValidator validator, Clock clock, AuditTrail audit,
            Callers callers) {
        this.callers = callers;
        this.audit = audit;
        this.quotas = quotas;
        this.regions = regions;
        this.validator = validator;
        this.clock = clock;
    }

    /** Creates or replaces the region's quota for the year; returns its id. */
    public Uni<Long> set(QuotaInput input) {
        validator.check("input", input);
        long regionId = Ids.parse(input.regionId(), "Region");
        return audit.withTransaction(sql -> callers.current().chain(caller -> regions.region(sql, regionId)
                .map(region -> region != null && caller.editsLandIn(region.id) ? region : null))
                .onItem().ifNull().failWith(() -> DubanException.notFound("Region", input.regionId()))
                .chain(region -> quotas.of(sql, regionId, input.year()))
                .chain(existing -> {
                    LandQuotaRow quota = existing != null ? existing : new LandQuotaRow();
                    apply(input, regionId, quota);
                    quota.touch(clock.instant());
                    return quotas.save(sql, quota);
                }));
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
