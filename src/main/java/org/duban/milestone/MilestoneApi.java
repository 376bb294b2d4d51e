package org.duban.milestone;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.Roles;
import org.duban.common.Found;
import org.duban.common.sql.Batches;
import org.duban.plan.Task;
import org.duban.plan.TaskQueries;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@Authenticated
public class MilestoneApi {

    private final MilestoneQueries queries;
    private final MilestoneService service;
    private final TaskQueries tasks;

    MilestoneApi(MilestoneQueries queries, MilestoneService service, TaskQueries tasks) {
        this.queries = queries;
        this.service = service;
        this.tasks = tasks;
    }

    @NonNull
    @Description("Dated targets inside the task (节点), by date: each reminded by the task's policy and coloured as a deadline")
    public Uni<List<List<@NonNull Milestone>>> milestones(@Source List<Task> taskList) {
        return queries.ofTasks(taskList);
    }

    @Name("task")
    @NonNull
    public Uni<List<Task>> taskOfMilestone(@Source List<Milestone> milestones) {
        return tasks.byIds(Batches.keys(milestones, Milestone::taskId))
                .map(found -> Batches.single(milestones, Milestone::taskId, found, Task::id));
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Name("setTaskMilestones")
    @Description("Replaces a task's milestones; one kept (same date and title) keeps its tick and evidence.")
    public Uni<@NonNull Task> setTaskMilestones(@NonNull @Id String taskId, @NonNull List<@NonNull MilestoneInput> milestones) {
        return service.set(taskId, milestones)
                .chain(id -> tasks.byIds(new Long[] { id }).map(found -> Found.one(found, "Task", id)));
    }
}
