package org.duban.mywork;

import java.time.LocalDate;

import org.duban.plan.AssignmentRole;
import org.duban.plan.Task;
import org.duban.plan.TaskStatus;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Assignment")
@Description("A task the caller's unit is responsible for, as a phone shows it. For a recurring task, the occurrence "
        + "due now: the earliest still open, else the latest past one.")
public record Assignment(
        @NonNull Task task,
        @NonNull @Description("The unit's part: leading or assisting") AssignmentRole role,
        @Description("The deadline being worked on; null for a task with neither deadline nor recurrence") LocalDate dueOn,
        @Id @Description("That occurrence, for changeOccurrenceStatus") String occurrenceId,
        @NonNull @Description("The status of that occurrence (the task's own for a non-recurring task)") TaskStatus status,
        @Description("Working days from today to dueOn; negative when overdue (working days since); null without dueOn")
        Integer workingDaysLeft,
        @Description("Past dueOn and still NOT_STARTED or IN_PROGRESS") boolean overdue) {

    /** Overdue first, then by due date (none last), then by task. */
    String sortKey() {
        String id = Long.toString(task.id());
        return (overdue ? "0|" : "1|") + (dueOn == null ? "infinity" : dueOn.toString()) + "|" + "0".repeat(19 - id.length()) + id;
    }
}
