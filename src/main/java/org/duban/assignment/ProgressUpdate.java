package org.duban.assignment;

import java.time.Instant;

import org.duban.plan.TaskStatus;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ProgressUpdate")
@Description("The latest move of a task: to which status, when, by whom and why.")
public record ProgressUpdate(
        @NonNull TaskStatus status,
        @NonNull Instant at,
        @Description("The display name of the account that made it") String by,
        @Description("The reason or note given with it") String note,
        @Ignore long taskId) {
}
