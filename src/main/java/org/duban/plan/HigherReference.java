package org.duban.plan;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/**
 * What a plan or task answers above it, as its own region's office named it: 文号, code and title only, since the
 * higher plan itself is out of a county's sight.
 */
@Type("HigherReference")
@Description("The higher plan, or the task of it, that a plan or task answers: its 文号 and, for a task, its code and title")
public record HigherReference(
        @NonNull String documentNumber,
        @NonNull String planTitle,
        @Description("The task's code; null for a plan") String taskCode,
        @Description("The task's title; null for a plan") String taskTitle,
        @Ignore long ownerId) {
}
