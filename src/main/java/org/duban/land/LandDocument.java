package org.duban.land;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.duban.land.quota.QuotaInput;
import org.duban.land.standard.EvaluationKind;
import org.duban.land.standard.EvaluationStatus;
import org.duban.land.standard.StandardLandInputs;

/**
 * The land section of a plan file (duban-plan/1, key {@code land}): the region's quotas, parcels and
 * regional evaluations, as read. Units are named as elsewhere in the file; each element keeps its path.
 */
public record LandDocument(List<Quota> quotas, List<Parcel> parcels, List<Evaluation> regionalEvaluations) {

    public static final LandDocument EMPTY = new LandDocument(List.of(), List.of(), List.of());

    /** A quota as {@link QuotaInput} has it, with the region left to the file's and its listed parcels by code. */
    public record Quota(String path, QuotaInput input, List<String> stockParcelCodes) {
    }

    public record Parcel(String path, String code, String name, String township, String zone, String location,
            LandUse landUse, BigDecimal areaMu, BigDecimal areaSquareMetres, Approval approval, Supply supply,
            Adjustment adjustment, StandardLand standardLand, String geometry) {
    }

    public record Approval(String batch, String documentNumber, LocalDate approvedOn, ApprovalLevel level) {
    }

    public record Supply(LocalDate suppliedOn, SupplyMethod method, String contractNumber, String landUser,
            LocalDate handoverAgreedOn, LocalDate handedOverOn, LocalDate agreedStartOn, LocalDate constructionStartedOn,
            LocalDate agreedCompletionOn, LocalDate completedOn, Idle idle) {
    }

    public record Idle(LocalDate determinedOn, String cause, IdleDisposal disposal, String disposalNote) {
    }

    public record Adjustment(LocalDate requestedOn, String reason, String requestedBy) {
    }

    public record StandardLand(StandardLandStage stage, LocalDate siteReadyOn, List<StandardLandInputs.Indicator> indicators) {
    }

    public record Evaluation(String path, String zone, int round, EvaluationKind kind, String name, EvaluationStatus status,
            LocalDate completedOn) {
    }
}
