package org.duban.importer;

import java.util.List;

import org.duban.plan.Plan;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ImportResult")
public record ImportResult(
        @Description("The plan as imported; on a dry run the plan as it stands (null when the file would create it)") Plan plan,
        @Description("false when an existing plan was (or would be) replaced") boolean created,
        @Description("true when nothing was written: the counts and lists say what importing would do") boolean dryRun,
        int unitsCreated,
        int tasksCreated,
        @Description("Kept tasks the file changed; those it leaves as they are keep their version") int tasksUpdated,
        @Description("Tasks of the replaced plan that the file no longer has, now deleted softly") int tasksRemoved,
        @NonNull @Description("The names of the units created") List<@NonNull String> createdUnits,
        @NonNull @Description("The codes of the tasks created, in the file's order") List<@NonNull String> createdTasks,
        @NonNull @Description("The codes of the kept tasks the file changed") List<@NonNull String> updatedTasks,
        @NonNull @Description("The codes of the tasks the file no longer has") List<@NonNull String> removedTasks,
        @NonNull @Description("Things to look at, e.g. a unit set nobody belongs to") List<@NonNull String> warnings) {

    static ImportResult of(Plan plan, PlanImporter.Outcome outcome) {
        return new ImportResult(plan, outcome.created(), outcome.dryRun(), outcome.unitsCreated().size(),
                outcome.tasksCreated().size(), outcome.tasksUpdated().size(), outcome.tasksRemoved().size(),
                outcome.unitsCreated(), outcome.tasksCreated(), outcome.tasksUpdated(), outcome.tasksRemoved(),
                outcome.warnings());
    }
}
