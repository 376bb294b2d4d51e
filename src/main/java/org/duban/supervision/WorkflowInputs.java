package org.duban.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.Nullable;

/** Inputs of the workflow mutations. */
public final class WorkflowInputs {

    static final int MAX_EVIDENCE = 50;

    private WorkflowInputs() {
    }

    @Input("ProgressReportInput")
    public record Report(
            @Description("The occurrence reported on; required when the task recurs (the period), else optional") @Id String occurrenceId,
            @Description("The unit reporting: the caller's own for a UNIT account; required when ADMIN reports for a unit") @Id String unitId,
            @NonNull @Min(0) @Max(100) @Description("How far the unit's part is done, 0 to 100") Integer percent,
            @NonNull @NotBlank @Size(max = 5000) @Description("What was done") String summary,
            @Size(max = 5000) @Description("Problems met, and the coordination the unit asks for") String problems,
            @Size(max = MAX_EVIDENCE) @Description("Evidence of this task: uploaded files or links") @Id List<String> evidenceIds,
            @Size(max = 20) @Description("The actual figures reached for the task's NUMBER measures, e.g. 3.1 (亩)") @Nullable List<@NonNull Figure> figures) {
    }

    @Input("MeasureFigureInput")
    @Description("The actual figure of one of the task's NUMBER measures, in the measure's unit")
    public record Figure(@NonNull @Id String measureId, @NonNull BigDecimal actual) {
    }

    @Input("SubmitTaskInput")
    public record Submit(
            @Description("Required when the task recurs") @Id String occurrenceId,
            @NonNull @NotBlank @Size(max = 5000) @Description("The closing statement (整改完成情况说明)") String statement,
            @NonNull @Size(min = 1, max = MAX_EVIDENCE) @Description("At least one piece of evidence of this task") @Id List<String> evidenceIds) {
    }

    @Input("ExtensionRequestInput")
    public record ExtensionRequest(
            @NonNull @Description("The deadline asked for; later than the current one") LocalDate newDeadline,
            @NonNull @NotBlank @Size(max = 2000) String reason) {
    }

    @Input("ExtensionDecisionInput")
    public record ExtensionDecision(
            @NonNull Boolean approve,
            @Size(max = 2000) String note,
            @Description("Count the task against the new deadline in the scoreboard; by default it keeps counting against the original")
            Boolean countAgainstNewDeadline) {
    }

    @Input("InstructionAnswerInput")
    public record InstructionAnswerInput(
            @NonNull @NotBlank @Size(max = 5000) @Description("What was done on the instruction (落实情况)") String text,
            @Size(max = MAX_EVIDENCE) @Description("Evidence of the task: uploaded files or links") @Id List<String> evidenceIds,
            @Description("The unit answering: the caller's own for a UNIT account; required when ADMIN answers for a unit") @Id String unitId) {
    }
}
