package org.duban.inspection;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("InspectionInput")
@Description("Without inspectionId a new inspection of planId; with it, that inspection made to say this (outcomes replaced).")
public record InspectionInput(
        @Id String inspectionId,
        @Id String planId,
        @NonNull @NotBlank @Size(max = 200) String inspectingBody,
        @NonNull LocalDate startsOn,
        @NonNull LocalDate endsOn,
        @Size(max = 20000) String findings,
        @Size(max = 500) List<@Valid OutcomeInput> outcomes,
        @Description("For an update: the version it is based on; CONFLICT if it changed since") Integer expectedVersion) {

    @Input("InspectionOutcomeInput")
    public record OutcomeInput(
            @NonNull @Id String unitId,
            @NonNull InspectionOutcomeKind outcome,
            @Size(max = 2000) String note,
            @Size(max = 50) @Description("People the outcome names besides the unit, with their posts, e.g. 张三（副局长）")
            List<@NotBlank @Size(max = 100) String> people) {
    }
}
