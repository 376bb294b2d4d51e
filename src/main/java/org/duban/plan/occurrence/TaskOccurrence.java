package org.duban.plan.occurrence;

import java.time.LocalDate;

import org.duban.plan.TaskStatus;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("TaskOccurrence")
@Description("One deadline of a task: a recurring task has one per recurrence (the report for October 2022), "
        + "any other task exactly one. Each has its own status and reminders.")
public record TaskOccurrence(
        @NonNull @Id String id,
        @NonNull LocalDate dueOn,
        @NonNull TaskStatus status,
        @Description("Past its deadline (Asia/Shanghai) and still NOT_STARTED or IN_PROGRESS") boolean overdue,
        @Ignore long taskId) {
}
