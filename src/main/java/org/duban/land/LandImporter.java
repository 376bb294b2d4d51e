package org.duban.land;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.DubanException;
import org.duban.common.Unis;
import org.duban.land.quota.LandQuotaRow;
import org.duban.land.quota.QuotaRows;
import org.duban.land.quota.QuotaService;
import org.duban.land.standard.ControlIndicatorRow;
import org.duban.land.standard.ParcelStageChangeRow;
import org.duban.land.standard.RegionalEvaluationRow;
import org.duban.land.standard.StandardLandInputs;
import org.duban.land.standard.StandardLandRows;
import org.duban.land.standard.StandardLandService;
import org.duban.unit.UnitKind;
import org.duban.unit.UnitNames;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Writes the land section of a plan file inside the import's transaction. A quota is set as the file
 * says; parcels and evaluations are created when missing (by code, and by zone, round and name) and left
 * as they are otherwise, since their state moves on in the service. Parcels arrive with their recorded
 * facts (supply, a pending adjustment, a standard-land stage and indicators) as history, not re-enacted
 * step by step.
 */
@ApplicationScoped
public class LandImporter {

    private final QuotaRows quotas;
    private final ParcelRows parcels;
    private final StandardLandRows standardLand;

    LandImporter(QuotaRows quotas, ParcelRows parcels, StandardLandRows standardLand) {
        this.quotas = quotas;
        this.parcels = parcels;
        this.standardLand = standardLand;
    }

    /** Runs in the import's transaction on {@code sql}. */
    public Uni<Void> write(SqlClient sql, LandDocument land, long regionId, UnitNames names, Instant now) {
        // Parcels before quotas: a quota's stock may list them.
        return Unis.sequentially(land.regionalEvaluations(), evaluation -> evaluation(sql, evaluation, names, now))
                .chain(() -> Unis.sequentially(land.parcels(), parcel -> parcel(sql, parcel, regionId, names, now)))
                .chain(() -> Unis.sequentially(land.quotas(), quota -> quota(sql, quota, regionId, now)));
    }

    private Uni<Void> quota(SqlClient sql, LandDocument.Quota wanted, long regionId, Instant now) {
        return listedParcels(sql, wanted, regionId).chain(listed -> quotas.of(sql, regionId, wanted.input().year()).chain(existing -> {
            LandQuotaRow quota = existing != null ? existing : new LandQuotaRow();
            List<Object> before = existing == null ? null : existing.content();
            try {
                QuotaService.apply(wanted.input(), regionId, quota);
            } catch (DubanException e) {
                throw DubanException.validation(wanted.path() + "." + e.field().replaceFirst("^input\\.", ""), e.getMessage());
            }
            if (listed.length > 0 && wanted.input().stock().approvedUntil() != null) {
                throw DubanException.validation(wanted.path() + ".stock", "either a cut-off date (approvedUntil) or a list, not both");
            }
            if (listed.length > 0) {
                quota.stockApprovedUntil = null;
                quota.stockParcelIds = listed;
            }
            if (quota.content().equals(before)) {
                // the file says what the quota says already: a re-import writes nothing
                return Uni.createFrom().voidItem();
            }
            quota.touch(now);
            return quotas.save(sql, quota).replaceWithVoid();
        }));
    }

    private Uni<Long[]> listedParcels(SqlClient sql, LandDocument.Quota wanted, long regionId) {
        List<String> codes = wanted.stockParcelCodes();
        if (codes.isEmpty()) {
            return Uni.createFrom().item(new Long[0]);
        }
        return parcels.idsByCode(sql, regionId, codes.toArray(String[]::new)).map(found -> codes.stream().map(code -> {
            Long id = found.get(code);
            if (id == null) {
                throw DubanException.validation(wanted.path() + ".stock.parcels", "no parcel " + code + " in the region");
            }
            return id;
        }).distinct().toArray(Long[]::new));
    }

    private Uni<Void> evaluation(SqlClient sql, LandDocument.Evaluation wanted, UnitNames names, Instant now) {
        long zoneId = names.resolve(wanted.zone(), wanted.path() + ".zone").id;
        return standardLand.evaluationsOf(sql, zoneId).chain(existing -> {
            if (existing.stream().anyMatch(e -> e.round == wanted.round() && e.name.equals(wanted.name()))) {
                return Uni.createFrom().voidItem();
            }
            RegionalEvaluationRow evaluation = new RegionalEvaluationRow();
            evaluation.zoneId = zoneId;
            evaluation.round = wanted.round();
            evaluation.kind = wanted.kind();
            evaluation.name = wanted.name();
            evaluation.status = wanted.status();
            evaluation.completedOn = wanted.completedOn();
            evaluation.touch(now);
            return standardLand.insert(sql, evaluation);
        });
    }

    private Uni<Void> parcel(SqlClient sql, LandDocument.Parcel wanted, long regionId, UnitNames names, Instant now) {
        return parcels.byCode(sql, regionId, wanted.code()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            ParcelRow parcel = new ParcelRow();
            parcel.regionId = regionId;
            parcel.code = wanted.code();
            parcel.name = wanted.name();
            var township = names.resolve(wanted.township(), wanted.path() + ".township");
            if (township.kind != UnitKind.TOWNSHIP) {
                throw DubanException.validation(wanted.path() + ".township", wanted.township() + " is not a township");
            }
            parcel.townshipId = township.id;
            parcel.zoneId = wanted.zone() == null ? null : names.resolve(wanted.zone(), wanted.path() + ".zone").id;
            parcel.location = wanted.location();
            parcel.landUse = wanted.landUse();
            parcel.areaMu = wanted.areaMu() != null ? Area.requireMu(wanted.areaMu(), wanted.path() + ".areaMu")
                    : Area.requireMu(Area.muFromSquareMetres(wanted.areaSquareMetres()), wanted.path() + ".areaSquareMetres");
            parcel.approvalBatch = wanted.approval().batch();
            parcel.approvalNumber = wanted.approval().documentNumber();
            parcel.approvedOn = wanted.approval().approvedOn();
            parcel.approvalLevel = wanted.approval().level();
            LandDocument.Supply supply = wanted.supply();
            if (supply != null) {
                if (supply.suppliedOn().isBefore(parcel.approvedOn)) {
                    throw DubanException.validation(wanted.path() + ".supply.suppliedOn", "before the approval date");
                }
                parcel.suppliedOn = supply.suppliedOn();
                parcel.supplyMethod = supply.method();
                parcel.contractNumber = supply.contractNumber();
                parcel.landUser = supply.landUser();
                parcel.handoverAgreedOn = supply.handoverAgreedOn();
                parcel.handedOverOn = supply.handedOverOn();
                parcel.agreedStartOn = supply.agreedStartOn();
                parcel.constructionStartedOn = supply.constructionStartedOn();
                parcel.agreedCompletionOn = supply.agreedCompletionOn();
                parcel.completedOn = supply.completedOn();
                if (supply.idle() != null) {
                    parcel.idleDeterminedOn = supply.idle().determinedOn();
                    parcel.idleCause = supply.idle().cause();
                    parcel.idleDisposal = supply.idle().disposal();
                    parcel.idleDisposalNote = supply.idle().disposalNote();
                }
                SupplyFacts.check(parcel, null, wanted.path() + ".supply.");
            }
            LandDocument.StandardLand standard = wanted.standardLand();
            if (standard != null) {
                parcel.standardLand = true;
                parcel.stage = standard.stage();
                parcel.siteReadyOn = standard.siteReadyOn();
            }
            parcel.geometry = wanted.geometry() == null ? null : GeoJson.validPolygon(wanted.geometry(), wanted.path() + ".geometry");
            parcel.touch(now);
            List<ControlIndicatorRow> agreed = standard == null ? List.of() : indicatorsAt(wanted.path(), standard.indicators());
            return parcels.insert(sql, parcel)
                    .chain(() -> adjustment(sql, parcel, wanted, now))
                    .chain(() -> standard == null ? Uni.createFrom().voidItem() : stageHistory(sql, parcel, now))
                    .chain(() -> agreed.isEmpty() ? Uni.createFrom().voidItem()
                            : standardLand.replaceIndicators(sql, parcel.id, agreed));
        });
    }

    private static List<ControlIndicatorRow> indicatorsAt(String path, List<StandardLandInputs.Indicator> wanted) {
        try {
            return StandardLandService.indicatorsFrom(wanted);
        } catch (DubanException e) {
            throw DubanException.validation(path + ".standardLand." + e.field(), e.getMessage());
        }
    }

    private Uni<Void> adjustment(SqlClient sql, ParcelRow parcel, LandDocument.Parcel wanted, Instant now) {
        if (wanted.adjustment() == null) {
            return Uni.createFrom().voidItem();
        }
        if (parcel.suppliedOn != null) {
            throw DubanException.validation(wanted.path() + ".adjustment", "a supplied parcel has no pending adjustment");
        }
        ApprovalAdjustmentRow adjustment = new ApprovalAdjustmentRow();
        adjustment.parcelId = parcel.id;
        adjustment.status = AdjustmentStatus.REQUESTED;
        adjustment.requestedOn = wanted.adjustment().requestedOn();
        adjustment.reason = wanted.adjustment().reason();
        adjustment.requestedBy = wanted.adjustment().requestedBy();
        adjustment.touch(now);
        return parcels.insert(sql, adjustment);
    }

    private Uni<Void> stageHistory(SqlClient sql, ParcelRow parcel, Instant now) {
        ParcelStageChangeRow change = new ParcelStageChangeRow();
        change.parcelId = parcel.id;
        change.toStage = parcel.stage;
        change.changedOn = parcel.siteReadyOn != null && parcel.stage.ordinal() >= StandardLandStage.PREPARATION.ordinal()
                ? parcel.siteReadyOn : parcel.approvedOn;
        change.note = "Imported at this stage";
        change.createdAt = now;
        return standardLand.insert(sql, change);
    }
}
