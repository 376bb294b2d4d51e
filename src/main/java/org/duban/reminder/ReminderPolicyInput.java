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
        @Min(0) @Max(60) @Description("Escalate to the leading group after this many working days overdue") int escalateAfterDays,
        @Min(1) @Max(60) @Description("An automatic urging (催办) after this many working days overdue; none by default") Integer urgeAfterDays,
        @Min(0) @Max(60) @Description("Overdue reminders every working day for this many working days overdue (default 3)") Integer overdueDailyDays,
        @Min(1) @Max(60) @Description("Then an overdue reminder every this many working days (default 5)") Integer overdueEveryDays,
        @Min(1) @Max(1000) @Description("A unit with more overdue items than this gets them in a weekly digest instead of a message "
                + "each (default 3)") Integer digestAbove) {
}
