package org.duban.reminder;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ReminderPolicy")
@Description("When a task's units are reminded. Besides these, a reminder goes out on the deadline and every working "
        + "day while overdue; none while SUBMITTED or SUSPENDED, none once SIGNED_OFF.")
public record ReminderPolicy(
        @NonNull @Description("Working days before the deadline, e.g. [7, 3, 1]") List<@NonNull Integer> daysBefore,
        @Description("Overdue reminders also go to the plan's leading group after this many working days overdue")
        int escalateAfterDays,
        @Description("Where the policy comes from: TASK, PLAN or DEFAULT") @NonNull String source) {

    public static final int MAX_DAYS_BEFORE = 60;
}
