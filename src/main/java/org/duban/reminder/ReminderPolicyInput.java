package org.duban.reminder;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ReminderPolicyInput")
public record ReminderPolicyInput(
        @NonNull @Size(max = 10) @Description("Working days before the deadline, each 1 to 60, e.g. [7, 3, 1]; may be empty")
        List<@NonNull Integer> daysBefore,
        @Min(0) @Max(60) @Description("Escalate to the leading group after this many working days overdue") int escalateAfterDays) {
}
