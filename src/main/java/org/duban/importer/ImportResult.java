package org.duban.importer;

import java.util.List;

import org.duban.plan.Plan;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ImportResult")
public record ImportResult(
        @NonNull Plan plan,
        @Description("false when an existing plan was replaced") boolean created,
        int unitsCreated,
        int tasksCreated,
        @Description("Kept tasks the file changed; those it leaves as they are keep their version") int tasksUpdated,
        @Description("Tasks of the replaced plan that the file no longer has, now deleted softly") int tasksRemoved,
        @NonNull @Description("Things to look at, e.g. a unit set nobody belongs to") List<@NonNull String> warnings) {
}
