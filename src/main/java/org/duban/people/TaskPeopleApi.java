package org.duban.people;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.Callers;
import org.duban.access.Roles;
import org.duban.common.sql.Batches;
import org.duban.plan.Task;
import org.duban.plan.TaskAssignment;
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

/** Named people (责任到人) on a task's responsible units. */
@GraphQLApi
@Authenticated
public class TaskPeopleApi {

    private final TaskPeople people;
    private final TaskPeopleQueries queries;
    private final TaskQueries tasks;
    private final Callers callers;

    TaskPeopleApi(TaskPeople people, TaskPeopleQueries queries, TaskQueries tasks, Callers callers) {
        this.people = people;
        this.queries = queries;
        this.tasks = tasks;
        this.callers = callers;
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN, Roles.UNIT })
    @Description("A responsible unit names its people for its part of the task: the leader in charge (责任领导), the person "
            + "responsible (责任人) and a liaison (联络员), each at most once; the list replaces those named before, an empty "
            + "one names nobody. A unit's accounts for their unit, ADMIN for any. Answers with the task.")
    @Name("setTaskPeople")
    public Uni<@NonNull Task> setTaskPeople(@NonNull @Id String taskId, @NonNull @Id String unitId,
            @NonNull List<@NonNull TaskPersonInput> people) {
        return callers.current().chain(caller -> this.people.set(taskId, unitId, people, caller))
                .chain(id -> callers.current().chain(caller -> tasks.visible(id, caller)));
    }

    @NonNull
    @Description("The people the unit named for its part of the task, leader in charge first")
    public Uni<List<List<@NonNull TaskPerson>>> people(@Source List<TaskAssignment> assignments) {
        return queries.ofTasks(Batches.keys(assignments, TaskAssignment::taskId))
                .map(found -> assignments.stream().map(a -> found.stream()
                        .filter(p -> p.taskId() == a.taskId() && p.unitId() == a.unit().id()).toList()).toList());
    }
}
