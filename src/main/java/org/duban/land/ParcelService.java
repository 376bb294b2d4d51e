package org.duban.land;

import static org.duban.common.Text.blankToNull;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers;
import org.duban.audit.AuditTrail;
import org.duban.common.ChinaTime;
import org.duban.common.DubanException;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.InputValidator;
import org.duban.common.Versions;
import org.duban.unit.UnitKind;
import org.duban.unit.UnitRow;
import org.duban.unit.UnitRows;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/** Writes of parcels, their supply and their approval adjustments; one transaction each, returning the parcel id. */
@ApplicationScoped
public class ParcelService {

    private final Callers callers;
    private final AuditTrail audit;
    private final ParcelRows parcels;
    private final UnitRows units;
    private final InputValidator validator;
    private final Clock clock;

    ParcelService(ParcelRows parcels, UnitRows units, InputValidator validator, Clock clock, AuditTrail audit,
            Callers callers) {
        this.callers = callers;
        this.audit = audit;
        this.parcels = parcels;
        this.units = units;
        this.validator = validator;
        this.clock = clock;
    }

    public Uni<Long> create(ParcelInputs.CreateParcel input) {
        validator.check("input", input);
        BigDecimal area = area(input.areaMu(), input.areaSquareMetres(), true);
        String geometry = input.geometry() == null ? null : GeoJson.validPolygon(input.geometry(), "input.geometry");
        String code = input.code().strip();
        return audit.withTransaction(sql -> township(sql, input.townshipId()).chain(township -> zone(sql, input.zoneId(),
                township.regionId).chain(zone -> requireFreeCode(sql, township.regionId, code, null).chain(() -> {
                    ParcelRow parcel = new ParcelRow();
                    parcel.regionId = township.regionId;
                    parcel.code = code;
                    parcel.name = input.name().strip();
                    parcel.townshipId = township.id;
                    parcel.zoneId = zone == null ? null : zone.id;
                    parcel.location = blankToNull(input.location());
                    parcel.landUse = input.landUse();
                    parcel.areaMu = area;
                    parcel.approvalBatch = blankToNull(input.approvalBatch());
                    parcel.approvalNumber = blankToNull(input.approvalNumber());
                    parcel.approvedOn = input.approvedOn();
                    parcel.approvalLevel = input.approvalLevel();
                    if (Boolean.TRUE.equals(input.standardLand())) {
                        parcel.standardLand = true;
                        parcel.stage = StandardLandStage.SELECT_AREA;
                    }
                    parcel.geometry = geometry;
                    parcel.touch(clock.instant());
                    return parcels.insert(sql, parcel).map(done -> parcel.id);
                }))));
    }

    public Uni<Long> update(String id, ParcelInputs.UpdateParcel input) {
        validator.check("input", input);
        BigDecimal area = area(input.areaMu(), input.areaSquareMetres(), false);
        String geometry = blankToNull(input.geometry()) == null ? null : GeoJson.validPolygon(input.geometry(), "input.geometry");
        return audit.withTransaction(sql -> parcel(sql, id).chain(parcel -> {
            Versions.require(input.expectedVersion(), parcel.version, "Parcel");
            Uni<Void> steps = Uni.createFrom().voidItem();
            if (input.townshipId() != null) {
                steps = steps.chain(() -> township(sql, input.townshipId())).invoke(township -> {
                    if (!township.regionId.equals(parcel.regionId)) {
                        throw DubanException.validation("input.townshipId", "must be a township of the parcel's region");
                    }
                    parcel.townshipId = township.id;
                }).replaceWithVoid();
            }
            if (input.zoneId() != null) {
                steps = steps.chain(() -> zone(sql, input.zoneId(), parcel.regionId))
                        .invoke(zone -> parcel.zoneId = zone == null ? null : zone.id).replaceWithVoid();
            }
            if (input.code() != null && !input.code().strip().equals(parcel.code)) {
                String code = input.code().strip();
                steps = steps.chain(() -> requireFreeCode(sql, parcel.regionId, code, parcel.id)).invoke(() -> parcel.code = code);
            }
            return steps.invoke(() -> apply(input, parcel, area, geometry)).chain(() -> parcels.update(sql, parcel))
                    .replaceWith(parcel.id);
        }));
    }

    private void apply(ParcelInputs.UpdateParcel input, ParcelRow parcel, BigDecimal area, String geometry) {
        if (input.name() != null) {
            parcel.name = input.name().strip();
        }
        if (input.location() != null) {
            parcel.location = blankToNull(input.location());
        }
        if (input.landUse() != null) {
            parcel.landUse = input.landUse();
        }
        if (area != null && area.compareTo(parcel.areaMu) != 0) {
            if (parcel.splitOn != null || parcel.splitFromId != null) {
                throw DubanException.invalidTransition("Parcel " + parcel.code + " is part of a split, whose parts sum to "
                        + "the area approved: its area stays");
            }
            parcel.areaMu = area;
        }
        if (input.approvalBatch() != null) {
            parcel.approvalBatch = blankToNull(input.approvalBatch());
        }
        if (input.approvalNumber() != null) {
            parcel.approvalNumber = blankToNull(input.approvalNumber());
        }
        if (input.approvedOn() != null) {
            if (parcel.suppliedOn != null && parcel.suppliedOn.isBefore(input.approvedOn())) {
                throw DubanException.validation("input.approvedOn", "after the supply date " + parcel.suppliedOn);
            }
            parcel.approvedOn = input.approvedOn();
        }
        if (input.approvalLevel() != null) {
            parcel.approvalLevel = input.approvalLevel();
        }
        if (Boolean.TRUE.equals(input.standardLand()) && !parcel.standardLand) {
            parcel.standardLand = true;
            parcel.stage = StandardLandStage.SELECT_AREA;
        } else if (Boolean.FALSE.equals(input.standardLand()) && parcel.standardLand) {
            throw DubanException.invalidTransition("A standard-land parcel stays one; move its stage back instead");
        }
        if (input.siteReadyOn() != null) {
            parcel.siteReadyOn = input.siteReadyOn();
        }
        if (input.geometry() != null) {
            parcel.geometry = geometry;
        }
        parcel.touch(clock.instant());
    }

    /**
     * 供地. Not twice (CONFLICT), not while an approval adjustment is pending or after the approval changed. A part
     * splits the parcel: the supplied part and the remainder are new parcels, and the id is the supplied part's.
     */
    public Uni<Long> supply(String id, ParcelInputs.SupplyParcel input) {
        validator.check("input", input);
        BigDecimal part = input.areaMu() == null ? null : Area.requireMu(input.areaMu(), "input.areaMu");
        return audit.withTransaction(sql -> parcel(sql, id).chain(parcel -> parcels.adjustmentsOf(sql, parcel.id).chain(history -> {
            if (parcel.suppliedOn != null) {
                throw DubanException.conflict("Parcel " + parcel.code + " was supplied on " + parcel.suppliedOn + " already");
            }
            requireWhole(parcel, "supplied; supply one of its parts");
            for (ApprovalAdjustmentRow adjustment : history) {
                if (adjustment.status == AdjustmentStatus.REQUESTED) {
                    throw DubanException.invalidTransition("Parcel " + parcel.code
                            + " waits for an approval adjustment requested on " + adjustment.requestedOn
                            + "; complete or cancel it first");
                }
                if (adjustment.status == AdjustmentStatus.ADJUSTED || adjustment.status == AdjustmentStatus.APPROVAL_WITHDRAWN) {
                    throw DubanException.invalidTransition("Parcel " + parcel.code + " left the stock of approved land on "
                            + adjustment.completedOn + " (" + adjustment.status + ")");
                }
            }
            if (input.suppliedOn().isBefore(parcel.approvedOn)) {
                throw DubanException.validation("input.suppliedOn", "before the approval date " + parcel.approvedOn);
            }
            requireNotFuture(input.suppliedOn(), "input.suppliedOn");
            if (part == null || part.compareTo(parcel.areaMu) == 0) {
                recordSupply(parcel, input);
                return parcels.update(sql, parcel).replaceWith(parcel.id);
            }
            return split(sql, parcel, part, input);
        })));
    }

    private Uni<Long> split(SqlClient sql, ParcelRow parcel, BigDecimal part, ParcelInputs.SupplyParcel input) {
        if (part.compareTo(parcel.areaMu) > 0) {
            throw DubanException.validation("input.areaMu", "more than the parcel's " + parcel.areaMu.toPlainString() + " mu");
        }
        if (parcel.standardLand) {
            throw DubanException.invalidTransition("Parcel " + parcel.code + " is standard land, sold whole with its indicators");
        }
        String partCode = input.partCode() != null ? input.partCode().strip() : parcel.code + "-1";
        String remainderCode = input.remainderCode() != null ? input.remainderCode().strip() : parcel.code + "-2";
        if (partCode.equals(remainderCode)) {
            throw DubanException.validation("input.remainderCode", "the same code as the supplied part");
        }
        ParcelRow supplied = parcel.part(partCode, parcel.name + "（供地部分）", part);
        ParcelRow remainder = parcel.part(remainderCode, parcel.name + "（剩余部分）", parcel.areaMu.subtract(part));
        recordSupply(supplied, input);
        remainder.touch(clock.instant());
        parcel.splitOn = input.suppliedOn();
        parcel.touch(clock.instant());
        return requireFreeCode(sql, parcel.regionId, partCode, null)
                .chain(() -> requireFreeCode(sql, parcel.regionId, remainderCode, null))
                .chain(() -> parcels.update(sql, parcel))
                .chain(() -> parcels.insert(sql, supplied))
                .chain(() -> parcels.insert(sql, remainder))
                .map(done -> supplied.id);
    }

    private void recordSupply(ParcelRow parcel, ParcelInputs.SupplyParcel input) {
        parcel.suppliedOn = input.suppliedOn();
        parcel.supplyMethod = input.method();
        parcel.contractNumber = blankToNull(input.contractNumber());
        parcel.landUser = blankToNull(input.landUser());
        parcel.handoverAgreedOn = input.handoverAgreedOn();
        parcel.agreedStartOn = input.agreedStartOn();
        parcel.agreedCompletionOn = input.agreedCompletionOn();
        SupplyFacts.check(parcel, ChinaTime.today(clock), "input.");
        parcel.touch(clock.instant());
    }

    /** A split parcel is history: its parts carry its area, its supply and its approval on. */
    private static void requireWhole(ParcelRow parcel, String what) {
        if (parcel.splitOn != null) {
            throw DubanException.invalidTransition("Parcel " + parcel.code + " was split into parts on " + parcel.splitOn
                    + " and cannot be " + what);
        }
    }

    public Uni<Long> recordConstructionStart(String id, LocalDate startedOn) {
        if (startedOn == null) {
            throw DubanException.validation("startedOn", "is required");
        }
        return changeUse(id, null, parcel -> {
            if (startedOn.isBefore(parcel.suppliedOn)) {
                throw DubanException.validation("startedOn", "before the supply date " + parcel.suppliedOn);
            }
            requireNotFuture(startedOn, "startedOn");
            parcel.constructionStartedOn = startedOn;
            SupplyFacts.check(parcel, ChinaTime.today(clock), "");
        });
    }

    /** The contract's dates and what happened on the land since its supply. */
    public Uni<Long> recordUse(String id, ParcelInputs.RecordUse input) {
        validator.check("input", input);
        return changeUse(id, input.expectedVersion(), parcel -> {
            parcel.handoverAgreedOn = input.handoverAgreedOn() != null ? input.handoverAgreedOn() : parcel.handoverAgreedOn;
            parcel.handedOverOn = input.handedOverOn() != null ? input.handedOverOn() : parcel.handedOverOn;
            parcel.agreedStartOn = input.agreedStartOn() != null ? input.agreedStartOn() : parcel.agreedStartOn;
            parcel.constructionStartedOn = input.constructionStartedOn() != null ? input.constructionStartedOn()
                    : parcel.constructionStartedOn;
            parcel.agreedCompletionOn = input.agreedCompletionOn() != null ? input.agreedCompletionOn() : parcel.agreedCompletionOn;
            parcel.completedOn = input.completedOn() != null ? input.completedOn() : parcel.completedOn;
            SupplyFacts.check(parcel, ChinaTime.today(clock), "input.");
        });
    }

    /** 闲置认定: once per parcel; a later decision on the same land is a correction, made by the same call. */
    public Uni<Long> determineIdle(String id, ParcelInputs.DetermineIdle input) {
        validator.check("input", input);
        if (input.disposal() == IdleDisposal.OTHER && blankToNull(input.disposalNote()) == null) {
            throw DubanException.validation("input.disposalNote", "says what an OTHER disposal is");
        }
        requireNotFuture(input.determinedOn(), "input.determinedOn");
        return changeUse(id, null, parcel -> {
            if (input.determinedOn().isBefore(parcel.suppliedOn)) {
                throw DubanException.validation("input.determinedOn", "before the supply date " + parcel.suppliedOn);
            }
            parcel.idleDeterminedOn = input.determinedOn();
            parcel.idleCause = input.cause().strip();
            parcel.idleDisposal = input.disposal();
            parcel.idleDisposalNote = blankToNull(input.disposalNote());
            SupplyFacts.check(parcel, ChinaTime.today(clock), "input.");
        });
    }

    private Uni<Long> changeUse(String id, Integer expectedVersion, Consumer<ParcelRow> change) {
        return audit.withTransaction(sql -> parcel(sql, id).chain(parcel -> {
            Versions.require(expectedVersion, parcel.version, "Parcel");
            if (parcel.suppliedOn == null) {
                throw DubanException.invalidTransition("Parcel " + parcel.code + " is not supplied: it has no use to record");
            }
            change.accept(parcel);
            parcel.touch(clock.instant());
            return parcels.update(sql, parcel).replaceWith(parcel.id);
        }));
    }

    public Uni<Long> requestAdjustment(String parcelId, ParcelInputs.RequestAdjustment input) {
        validator.check("input", input);
        return audit.withTransaction(sql -> parcel(sql, parcelId).chain(parcel -> parcels.adjustmentsOf(sql, parcel.id).chain(history -> {
            if (parcel.suppliedOn != null) {
                throw DubanException.invalidTransition("Parcel " + parcel.code + " is supplied; its approval is settled");
            }
            requireWhole(parcel, "adjusted; ask for one of its parts");
            for (ApprovalAdjustmentRow adjustment : history) {
                if (adjustment.status == AdjustmentStatus.REQUESTED) {
                    throw DubanException.conflict("Parcel " + parcel.code + " has a pending adjustment request already");
                }
                if (adjustment.status != AdjustmentStatus.CANCELLED) {
                    throw DubanException.invalidTransition("Parcel " + parcel.code + " left the stock already ("
                            + adjustment.status + ")");
                }
            }
            if (input.requestedOn().isBefore(parcel.approvedOn)) {
                throw DubanException.validation("input.requestedOn", "before the approval date " + parcel.approvedOn);
            }
            ApprovalAdjustmentRow adjustment = new ApprovalAdjustmentRow();
            adjustment.parcelId = parcel.id;
            adjustment.status = AdjustmentStatus.REQUESTED;
            adjustment.requestedOn = input.requestedOn();
            adjustment.reason = input.reason().strip();
            adjustment.requestedBy = blankToNull(input.requestedBy());
            adjustment.touch(clock.instant());
            parcel.touch(clock.instant());
            return parcels.insert(sql, adjustment).chain(() -> parcels.update(sql, parcel)).replaceWith(parcel.id);
        })));
    }

    /** Ends a pending request: the approval ADJUSTED or APPROVAL_WITHDRAWN (the parcel leaves the stock), or CANCELLED. */
    public Uni<Long> endAdjustment(String adjustmentId, ParcelInputs.CompleteAdjustment input) {
        validator.check("input", input);
        if (input.outcome() == AdjustmentStatus.REQUESTED) {
            throw DubanException.validation("input.outcome", "must be ADJUSTED, APPROVAL_WITHDRAWN or CANCELLED");
        }
        if (input.outcome() == AdjustmentStatus.ADJUSTED && blankToNull(input.newDocumentNumber()) == null) {
            throw DubanException.validation("input.newDocumentNumber", "an adjusted approval has a new document number");
        }
        long id = Ids.parse(adjustmentId, IdKind.APPROVAL_ADJUSTMENT);
        return audit.withTransaction(sql -> parcels.adjustment(sql, id)
                .chain(adjustment -> callers.current().chain(caller -> adjustment == null ? Uni.createFrom().nullItem()
                        : parcels.parcel(sql, adjustment.parcelId).map(parcel -> {
                            if (!caller.editsLandIn(parcel.regionId)) {
                                throw LandVisibility.refusal(caller, parcel.regionId, "ApprovalAdjustment", adjustmentId);
                            }
                            return adjustment;
                        })))
                .onItem().ifNull().failWith(() -> DubanException.notFound("ApprovalAdjustment", adjustmentId))
                .chain(adjustment -> {
                    if (adjustment.status != AdjustmentStatus.REQUESTED) {
                        throw DubanException.invalidTransition("This adjustment ended already (" + adjustment.status + ")");
                    }
                    if (input.completedOn().isBefore(adjustment.requestedOn)) {
                        throw DubanException.validation("input.completedOn", "before the request of " + adjustment.requestedOn);
                    }
                    requireNotFuture(input.completedOn(), "input.completedOn");
                    adjustment.status = input.outcome();
                    adjustment.completedOn = input.completedOn();
                    adjustment.newDocumentNumber = blankToNull(input.newDocumentNumber());
                    adjustment.note = blankToNull(input.note());
                    adjustment.touch(clock.instant());
                    return parcels.update(sql, adjustment).chain(() -> parcels.parcel(sql, adjustment.parcelId))
                            .call(parcel -> {
                                parcel.touch(clock.instant());
                                return parcels.update(sql, parcel);
                            })
                            .map(parcel -> parcel.id);
                }));
    }

    /** The parcel, if the caller may edit it: a parcel of another region does not exist for a LAND_EDITOR. */
    private Uni<ParcelRow> parcel(SqlClient sql, String id) {
        long parcelId = Ids.parse(id, IdKind.PARCEL);
        return callers.current().chain(caller -> parcels.parcel(sql, parcelId).map(parcel -> {
            if (parcel == null) {
                throw DubanException.notFound("Parcel", id);
            }
            if (!caller.editsLandIn(parcel.regionId)) {
                throw LandVisibility.refusal(caller, parcel.regionId, "Parcel", id);
            }
            return parcel;
        }));
    }

    private Uni<UnitRow> township(SqlClient sql, String id) {
        Long unitId = Ids.parseOptional(id, IdKind.UNIT);
        if (unitId == null) {
            throw DubanException.validation("input.townshipId", "no township " + id);
        }
        return callers.current().chain(caller -> units.unit(sql, unitId).map(unit -> {
            if (unit != null && unit.kind == UnitKind.TOWNSHIP && !caller.editsLandIn(unit.regionId)
                    && caller.referenceRegions().contains(unit.regionId)) {
                throw LandVisibility.refusal(caller, unit.regionId, "Unit", id);
            }
            if (unit == null || unit.kind != UnitKind.TOWNSHIP || !caller.editsLandIn(unit.regionId)) {
                throw DubanException.validation("input.townshipId", "no township " + id);
            }
            return unit;
        }));
    }

    private Uni<UnitRow> zone(SqlClient sql, String id, long regionId) {
        if (blankToNull(id) == null) {
            return Uni.createFrom().nullItem();
        }
        long unitId = Ids.parse(id, IdKind.UNIT);
        return units.unit(sql, unitId).map(unit -> {
            if (unit == null || unit.regionId != regionId) {
                throw DubanException.validation("input.zoneId", "no unit " + id + " in the parcel's region");
            }
            return unit;
        });
    }

    private Uni<Void> requireFreeCode(SqlClient sql, long regionId, String code, Long except) {
        return parcels.byCode(sql, regionId, code).invoke(existing -> {
            if (existing != null && !existing.id.equals(except)) {
                throw DubanException.conflict("The region has a parcel with code " + code + " already");
            }
        }).replaceWithVoid();
    }

    private void requireNotFuture(LocalDate date, String field) {
        LocalDate today = ChinaTime.today(clock);
        if (date.isAfter(today)) {
            throw DubanException.validation(field, "is after today (" + today + "): record what has happened");
        }
    }

    /** The area in mu from exactly one of the two inputs; null in an update that leaves it. */
    static BigDecimal area(BigDecimal mu, BigDecimal squareMetres, boolean required) {
        if (mu != null && squareMetres != null) {
            throw DubanException.validation("input.areaMu", "give the area either in mu or in m², not both");
        }
        if (mu != null) {
            return Area.requireMu(mu, "input.areaMu");
        }
        if (squareMetres != null) {
            if (squareMetres.signum() <= 0) {
                throw DubanException.validation("input.areaSquareMetres", "must be more than 0");
            }
            return Area.requireMu(Area.muFromSquareMetres(squareMetres), "input.areaSquareMetres");
        }
        if (required) {
            throw DubanException.validation("input.areaMu", "is required (or areaSquareMetres)");
        }
        return null;
    }
}
