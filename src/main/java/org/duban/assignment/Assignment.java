package org.duban.assignment;

import org.duban.plan.AssignmentRole;
import org.duban.plan.Task;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Assignment")
@Description("A task the caller's unit is responsible for, as a phone shows it.")
public record Assignment(
        @NonNull Task task,
        @NonNull @Description("The unit's part: leading or assisting") AssignmentRole role,
        @Description("Working days from today to the deadline; negative when overdue (working days since); null without a deadline")
        Integer workingDaysLeft,
        @Description("Past the deadline and still NOT_STARTED or IN_PROGRESS") boolean overdue) {
}
