package org.duban.plan;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Cascade")
@Description("How the plans of the regions below carry out a task (层层分解): the tasks answering it that the caller sees, and "
        + "per region whether all of its are signed off and whether any is overdue.")
public record Cascade(
        @NonNull @Description("The answering tasks, by region code, then plan and document order") List<@NonNull Task> tasks,
        @Description("Regions with at least one answering task") int regions,
        @Description("Regions whose answering tasks are all SIGNED_OFF") int regionsDone,
        @Description("Regions with an overdue answering task") int regionsOverdue,
        @Ignore long taskId) {

    /** The roll-up of one task's answering tasks, each with the region of its plan. */
    static Cascade of(long taskId, List<Answering> answering) {
        Map<Long, List<Task>> byRegion = answering.stream()
                .collect(Collectors.groupingBy(Answering::regionId, Collectors.mapping(Answering::task, Collectors.toList())));
        int done = (int) byRegion.values().stream().filter(tasks -> tasks.stream().allMatch(t -> t.status() == TaskStatus.SIGNED_OFF)).count();
        int overdue = (int) byRegion.values().stream().filter(tasks -> tasks.stream().anyMatch(Task::overdue)).count();
        return new Cascade(answering.stream().map(Answering::task).toList(), byRegion.size(), done, overdue, taskId);
    }

    /** A task carrying out {@code higherTaskId}, of a plan of {@code regionId}. */
    record Answering(long higherTaskId, long regionId, Task task) {
    }
}
