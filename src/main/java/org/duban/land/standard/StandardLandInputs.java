package org.duban.land.standard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.duban.land.StandardLandStage;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

public final class StandardLandInputs {

    private StandardLandInputs() {
    }

    @Input("ParcelStageInput")
    @Description("The stage to move to: the next one, or (ADMIN, with a reason) an earlier one.")
    public record StageMove(
            @NonNull StandardLandStage stage,
            @Description("When; today (Asia/Shanghai) if left out") LocalDate on,
            @Size(max = 2000) String note,
            @Description("Required to move back") @Size(max = 2000) String reason) {
    }

    @Input("ControlIndicatorInput")
    @Description("A standard indicator takes its name, unit and comparator from its kind (FLOOR_AREA_RATIO is BETWEEN "
            + "when targetMax is given); an OTHER indicator names them.")
    public record Indicator(
            @NonNull IndicatorKind kind,
            @Size(max = 100) String name,
            @Size(max = 50) String unit,
            Comparator comparator,
            BigDecimal target,
            BigDecimal targetMax) {
    }

    @Input("AcceptanceInput")
    public record Acceptance(
            @NonNull LocalDate acceptedOn,
            @NonNull @Description("The actual value of each indicator, by name") List<@NonNull Actual> actuals) {
    }

    @Input("IndicatorActualInput")
    public record Actual(
            @NonNull @NotBlank String name,
            @Description("For AT_LEAST, AT_MOST and BETWEEN") BigDecimal value,
            @Description("For PASS") Boolean passed) {
    }

    @Input("RegionalEvaluationInput")
    public record CreateEvaluation(
            @NonNull @Description("The zone (a unit), e.g. 示范区") @Id String zoneId,
            @Min(1) int round,
            @NonNull EvaluationKind kind,
            @Description("Defaults to the kind's usual name") @Size(max = 200) String name,
            @NonNull EvaluationStatus status,
            @Description("Required when DONE") LocalDate completedOn,
            @Size(max = 2000) String note) {
    }

    @Input("UpdateRegionalEvaluationInput")
    public record UpdateEvaluation(
            @Size(min = 1, max = 200) String name,
            EvaluationStatus status,
            LocalDate completedOn,
            @Size(max = 2000) String note,
            Integer expectedVersion) {
    }
}
