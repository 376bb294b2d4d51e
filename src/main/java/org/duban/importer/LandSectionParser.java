package org.duban.importer;

import org.duban.common.DateBounds;
import org.duban.common.DubanException;
import org.duban.land.ApprovalLevel;
import org.duban.land.IdleDisposal;
import org.duban.land.LandDocument;
import org.duban.land.LandUse;
import org.duban.land.StandardLandStage;
import org.duban.land.SupplyMethod;
import org.duban.land.quota.QuotaInput;
import org.duban.land.quota.QuotaStockInput;
import org.duban.land.standard.Comparator;
import org.duban.land.standard.EvaluationKind;
import org.duban.land.standard.EvaluationStatus;
import org.duban.land.standard.IndicatorKind;
import org.duban.land.standard.StandardLandInputs;

/** Reads the {@code land} section of a plan file; see README, "Plan import format". */
final class LandSectionParser {

    private LandSectionParser() {
    }

    static LandDocument.Quota quota(PlanDocumentParser.Node n) {
        n.allow("year", "issuedBy", "targetMu", "deadlines", "countsApprovalChanges", "stated", "stock");
        Integer year = n.integer("year");
        if (year == null) {
            throw DubanException.validation(n.at("year"), "is required");
        }
        PlanDocumentParser.Node stated = n.object("stated", false);
        stated.allow("suppliedMu", "completionRate", "asOf");
        PlanDocumentParser.Node stock = n.object("stock", false);
        stock.allow("approvedUntil", "parcels", "approvalBatches");
        var deadlines = n.texts("deadlines").stream().map(text -> {
            try {
                return DateBounds.check(n.at("deadlines"), java.time.LocalDate.parse(text));
            } catch (java.time.format.DateTimeParseException e) {
                throw DubanException.validation(n.at("deadlines"), "not a date: " + text);
            }
        }).toList();
        return new LandDocument.Quota(n.path(), new QuotaInput(null, year, n.text("issuedBy", false), required(n, "targetMu"),
                deadlines, n.bool("countsApprovalChanges"), stated.decimal("suppliedMu"), stated.decimal("completionRate"),
                stated.date("asOf", false), n.has("stock") ? new QuotaStockInput(stock.date("approvedUntil", false), null,
                        stock.texts("approvalBatches")) : null), stock.texts("parcels"));
    }

    static LandDocument.Parcel parcel(PlanDocumentParser.Node n) {
        n.allow("code", "name", "township", "zone", "location", "landUse", "areaMu", "areaSquareMetres", "approval", "supply",
                "adjustment", "standardLand", "geometry");
        if (n.has("areaMu") == n.has("areaSquareMetres")) {
            throw DubanException.validation(n.at("areaMu"), "give the area either as areaMu or as areaSquareMetres");
        }
        LandUse landUse = n.enumValue("landUse", LandUse.class, null);
        if (landUse == null) {
            throw DubanException.validation(n.at("landUse"), "is required");
        }
        PlanDocumentParser.Node approval = n.object("approval", true);
        approval.allow("batch", "documentNumber", "approvedOn", "level");
        return new LandDocument.Parcel(n.path(), n.text("code", true), n.text("name", true), n.text("township", true),
                n.text("zone", false), n.text("location", false), landUse, n.decimal("areaMu"), n.decimal("areaSquareMetres"),
                new LandDocument.Approval(approval.text("batch", false), approval.text("documentNumber", false),
                        approval.date("approvedOn", true), approval.enumValue("level", ApprovalLevel.class, null)),
                n.has("supply") ? supply(n.object("supply", true)) : null,
                n.has("adjustment") ? adjustment(n.object("adjustment", true)) : null,
                n.has("standardLand") ? standardLand(n.object("standardLand", true)) : null,
                n.json("geometry"));
    }

    private static LandDocument.Supply supply(PlanDocumentParser.Node n) {
        n.allow("suppliedOn", "method", "contractNumber", "landUser", "handoverAgreedOn", "handedOverOn", "agreedStartOn",
                "constructionStartedOn", "agreedCompletionOn", "completedOn", "idleDetermination");
        SupplyMethod method = n.enumValue("method", SupplyMethod.class, null);
        if (method == null) {
            throw DubanException.validation(n.at("method"), "is required");
        }
        return new LandDocument.Supply(n.date("suppliedOn", true), method, n.text("contractNumber", false),
                n.text("landUser", false), n.date("handoverAgreedOn", false), n.date("handedOverOn", false),
                n.date("agreedStartOn", false), n.date("constructionStartedOn", false), n.date("agreedCompletionOn", false),
                n.date("completedOn", false), n.has("idleDetermination") ? idle(n.object("idleDetermination", true)) : null);
    }

    private static LandDocument.Idle idle(PlanDocumentParser.Node n) {
        n.allow("determinedOn", "cause", "disposal", "disposalNote");
        IdleDisposal disposal = n.enumValue("disposal", IdleDisposal.class, null);
        if (disposal == null) {
            throw DubanException.validation(n.at("disposal"), "is required");
        }
        return new LandDocument.Idle(n.date("determinedOn", true), n.text("cause", true), disposal, n.text("disposalNote", false));
    }

    private static LandDocument.Adjustment adjustment(PlanDocumentParser.Node n) {
        n.allow("requestedOn", "reason", "requestedBy");
        return new LandDocument.Adjustment(n.date("requestedOn", true), n.text("reason", true), n.text("requestedBy", false));
    }

    private static LandDocument.StandardLand standardLand(PlanDocumentParser.Node n) {
        n.allow("stage", "siteReadyOn", "indicators");
        return new LandDocument.StandardLand(n.enumValue("stage", StandardLandStage.class, StandardLandStage.SELECT_AREA),
                n.date("siteReadyOn", false), n.list("indicators", LandSectionParser::indicator));
    }

    private static StandardLandInputs.Indicator indicator(PlanDocumentParser.Node n) {
        n.allow("kind", "name", "unit", "comparator", "target", "targetMax");
        IndicatorKind kind = n.enumValue("kind", IndicatorKind.class, null);
        if (kind == null) {
            throw DubanException.validation(n.at("kind"), "is required");
        }
        return new StandardLandInputs.Indicator(kind, n.text("name", false), n.text("unit", false),
                n.enumValue("comparator", Comparator.class, null), n.decimal("target"), n.decimal("targetMax"));
    }

    static LandDocument.Evaluation evaluation(PlanDocumentParser.Node n) {
        n.allow("zone", "round", "kind", "name", "status", "completedOn");
        Integer round = n.integer("round");
        EvaluationKind kind = n.enumValue("kind", EvaluationKind.class, null);
        EvaluationStatus status = n.enumValue("status", EvaluationStatus.class, null);
        if (round == null || round < 1 || kind == null || status == null) {
            throw DubanException.validation(n.path(), "needs round (from 1), kind and status");
        }
        String name = n.text("name", false) != null ? n.text("name", false) : kind.defaultName();
        if (name == null) {
            throw DubanException.validation(n.at("name"), "an OTHER evaluation needs a name");
        }
        var completedOn = n.date("completedOn", false);
        if ((status == EvaluationStatus.DONE) != (completedOn != null)) {
            throw DubanException.validation(n.at("completedOn"), "is given exactly when the status is DONE");
        }
        return new LandDocument.Evaluation(n.path(), n.text("zone", true), round, kind, name, status, completedOn);
    }

    private static java.math.BigDecimal required(PlanDocumentParser.Node n, String key) {
        java.math.BigDecimal value = n.decimal(key);
        if (value == null) {
            throw DubanException.validation(n.at(key), "is required");
        }
        return value;
    }
}
