package org.duban.urging;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.Callers;
import org.duban.access.Roles;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.sql.Batches;
import org.duban.plan.Task;
import org.duban.plan.TaskQueries;
import org.duban.unit.Unit;
import org.duban.unit.UnitQueries;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Urging (催办): the office's, recorded or sent, and the ladder's automatic ones; each mutation answers with the task. */
@GraphQLApi
@Authenticated
public class UrgingApi {

    private final Urgings urgings;
    private final UrgingQueries queries;
    private final TaskQueries tasks;
    private final UnitQueries units;
    private final Callers callers;

    UrgingApi(Urgings urgings, UrgingQueries queries, TaskQueries tasks, UnitQueries units, Callers callers) {
        this.urgings = urgings;
        this.queries = queries;
        this.tasks = tasks;
        this.units = units;
        this.callers = callers;
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("The office urges a responsible unit about open work or one of its milestones: MESSAGE sends it through Duban "
            + "(to the unit's accounts, its named people and its channels); PHONE, LETTER, VISIT and MEETING record an urging made "
            + "otherwise, with the person reached and what was answered. For the office (ADMIN).")
    public Uni<@NonNull Task> urgeTask(@NonNull @Id String taskId, @NonNull UrgingInput input) {
        return callers.current().chain(caller -> urgings.urge(taskId, input, caller)).chain(id -> task(Ids.parse(taskId, IdKind.TASK)));
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN, Roles.UNIT })
    @Description("The urged unit answers an urging (ADMIN may record the answer); once answered it stays so.")
    public Uni<@NonNull Task> answerUrging(@NonNull @Id String urgingId, @NonNull String answer) {
        return callers.current().chain(caller -> urgings.answer(urgingId, answer, caller)).chain(this::task);
    }

    @NonNull
    @Description("Urgings of the task's units, oldest first: the office's and the policy's automatic ones")
    public Uni<List<List<@NonNull Urging>>> urgings(@Source List<Task> sources) {
        return queries.ofTasks(Batches.keys(sources, Task::id))
                .map(found -> Batches.grouped(sources, Task::id, found, Urging::taskId));
    }

    @NonNull
    public Uni<List<Unit>> unit(@Source List<Urging> urged) {
        return units.unitsByIds(Batches.keys(urged, Urging::unitId))
                .map(found -> Batches.single(urged, Urging::unitId, found, Unit::id));
    }

    @Description("The task urged about; null if the caller may not see it")
    public Uni<List<Task>> task(@Source List<Urging> urged) {
        return callers.current().chain(caller -> tasks.byIds(Batches.keys(urged, Urging::taskId), caller))
                .map(found -> Batches.single(urged, Urging::taskId, found, Task::id));
    }

    private Uni<Task> task(long id) {
        return callers.current().chain(caller -> tasks.visible(id, caller));
    }
}
