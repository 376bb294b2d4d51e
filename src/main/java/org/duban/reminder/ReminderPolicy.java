package org.duban.reminder;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ReminderPolicy")
@Description("When a task's units are reminded. Besides these, a reminder goes out on the deadline and, while overdue, every "
        + "working day at first, then every few (the overdue cadence); none while SUBMITTED or SUSPENDED, none once SIGNED_OFF.")
public record ReminderPolicy(
        @NonNull @Description("Working days before the deadline, e.g. [7, 3, 1]") List<@NonNull Integer> daysBefore,
        @Description("Overdue reminders also go to the plan's leading group after this many working days overdue")
        int escalateAfterDays,
        @Description("An automatic urging (催办, kind URGING) to the units after this many working days overdue; null: none")
        Integer urgeAfterDays,
        @Description("Overdue reminders every working day for this many working days overdue") int overdueDailyDays,
        @Description("Then one every this many working days") int overdueEveryDays,
        @Description("A unit with more overdue items (open tasks past their deadline) than this gets them in a weekly digest "
                + "(OVERDUE_DIGEST, the first working day of the week) instead of an overdue reminder each") int digestAbove,
        @Description("Where the policy comes from: TASK, PLAN or DEFAULT") @NonNull String source) {

    public static final int MAX_DAYS_BEFORE = 60;
}
