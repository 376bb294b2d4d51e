package org.duban.plan;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.Callers;
import org.duban.access.Roles;
import org.duban.common.Found;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.InputChecks;
import org.duban.common.graphql.Selections;
import org.duban.common.page.PageRequest;
import org.duban.common.sql.Batches;
import org.duban.unit.UnitSet;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@Authenticated
public class TaskApi {

    private final TaskQueries queries;
    private final PlanQueries plans;
    private final TaskService service;
    private final Callers callers;

    private final Context context;

    TaskApi(TaskQueries queries, PlanQueries plans, TaskService service, Callers callers, Context context) {
        this.context = context;
        this.queries = queries;
        this.plans = plans;
        this.service = service;
        this.callers = callers;
    }

    @Query
    @Description("Tasks of all plans by deadline (tasks without one last), then document order.")
    public Uni<@NonNull TaskConnection> tasks(TaskFilter filter, Integer first, String after) {
        PageRequest page = PageRequest.of(first, after).counting(Selections.asks(context, "totalCount"));
        InputChecks.check("filter", filter);
        return callers.current().chain(caller -> queries.page(filter, page, caller));
    }

    @Query
    @Description("The task, if the caller may see it: ADMIN and LEADER any, other accounts their unit's.")
    public Uni<Task> task(@NonNull @Id String id) {
        return taskById(Ids.parse(id, IdKind.TASK));
    }

    @NonNull
    public Uni<List<Plan>> plan(@Source List<Task> tasks) {
        return plans.byIds(Batches.keys(tasks, Task::planId))
                .map(found -> Batches.single(tasks, Task::planId, found, Plan::id));
    }

    @Description("The section or task this one belongs to")
    public Uni<List<Task>> parent(@Source List<Task> tasks) {
        return callers.current().chain(caller -> queries.byIds(Batches.keys(tasks, Task::parentId), caller))
                .map(found -> Batches.single(tasks, Task::parentId, found, Task::id));
    }

    @NonNull
    @Description("Sub-items in document order")
    public Uni<List<List<@NonNull Task>>> children(@Source List<Task> tasks) {
        return callers.current().chain(caller -> queries.childrenOf(Batches.keys(tasks, Task::id), caller))
                .map(found -> Batches.grouped(tasks, Task::id, found, Task::parentId));
    }

    @NonNull
    @Description("Every unit responsible, one entry per unit: assigned directly or through a unit set, resolved today")
    public Uni<List<List<@NonNull TaskAssignment>>> units(@Source List<Task> tasks) {
        return queries.assignmentsOf(Batches.keys(tasks, Task::id))
                .map(found -> Batches.grouped(tasks, Task::id, found, TaskAssignment::taskId));
    }

    @NonNull
    @Description("The unit sets the task is assigned to, as the document names them; see their warning")
    public Uni<List<List<@NonNull UnitSet>>> unitSets(@Source List<Task> tasks) {
        return queries.unitSetsOf(Batches.keys(tasks, Task::id))
                .map(found -> Batches.grouped(tasks, Task::id, found, TaskQueries.TaskUnitSet::taskId))
                .map(grouped -> grouped.stream().map(l -> l.stream().map(TaskQueries.TaskUnitSet::unitSet).toList()).toList());
    }

    @NonNull
    public Uni<List<List<@NonNull Deliverable>>> deliverables(@Source List<Task> tasks) {
        return queries.deliverablesOf(Batches.keys(tasks, Task::id))
                .map(found -> Batches.grouped(tasks, Task::id, found, Deliverable::taskId));
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    public Uni<@NonNull Task> createTask(@NonNull PlanInputs.CreateTask input) {
        return service.createTask(input).chain(this::taskById);
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    public Uni<@NonNull Task> updateTask(@NonNull @Id String id, @NonNull PlanInputs.UpdateTask input) {
        return service.updateTask(id, input).chain(this::taskById);
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Deletes the task and its sub-items softly: kept on record, gone from every list. Returns the id.")
    @Id
    public Uni<@NonNull String> deleteTask(@NonNull @Id String id) {
        return service.deleteTask(id).map(deleted -> Ids.of(IdKind.TASK, deleted));
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Replaces the task's responsible units and unit sets with these, in this order.")
    public Uni<@NonNull Task> assignUnits(@NonNull @Id String taskId, @NonNull List<PlanInputs.@NonNull AssignmentInput> assignments) {
        return service.assignUnits(taskId, assignments).chain(this::taskById);
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Name("setDeliverables")
    @Description("Makes the task's checklist this list, in this order.")
    public Uni<@NonNull Task> setDeliverables(@NonNull @Id String taskId,
            @NonNull List<PlanInputs.@NonNull DeliverableInput> deliverables) {
        return service.setDeliverables(taskId, deliverables).chain(this::taskById);
    }

    private Uni<Task> taskById(long id) {
        return callers.current().chain(caller -> queries.byIds(new Long[] { id }, caller))
                .map(found -> Found.one(found, "Task", id));
    }
}
