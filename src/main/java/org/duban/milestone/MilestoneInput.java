package org.duban.milestone;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("MilestoneInput")
@Description("A dated target inside a task. With a measure and a target it is met when the task's measure of that kind "
        + "reaches the target; without, it is ticked with evidence.")
public record MilestoneInput(
        @NonNull LocalDate dueOn,
        @NonNull @NotBlank @Size(max = 500) String title,
        MilestoneMeasure measure,
        @Description("QUOTA: mu digested (at most 4 decimals); the others: a count") BigDecimal target) {
}
