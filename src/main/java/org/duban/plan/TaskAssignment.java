package org.duban.plan;

import org.duban.unit.Unit;
import org.duban.unit.UnitSet;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("TaskAssignment")
@Description("A unit responsible for a task, directly or through a unit set.")
public record TaskAssignment(
        @NonNull Unit unit,
        @NonNull AssignmentRole role,
        @Description("The set the unit is responsible through; null when assigned directly") UnitSet via,
        @Ignore long taskId) {
}
