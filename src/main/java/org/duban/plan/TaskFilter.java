package org.duban.plan;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.Nullable;

@Input("TaskFilter")
@Description("Conditions a task must all meet. Deadlines are compared as Asia/Shanghai dates, bounds included.")
public record TaskFilter(
        @Id String planId,
        @Description("Tasks the unit is responsible for, directly or through a unit set") @Id String unitId,
        @Nullable @Description("Any of these statuses") List<@NonNull TaskStatus> status,
        LocalDate dueFrom,
        LocalDate dueTo,
        @Description("true: only overdue tasks; false: only tasks that are not overdue") Boolean overdue,
        @Description("A substring of the code, title or description") String text) {
}
