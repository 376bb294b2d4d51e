package org.duban.signing;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.Callers;
import org.duban.access.Roles;
import org.duban.common.sql.Batches;
import org.duban.plan.Task;
import org.duban.plan.TaskAssignment;
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

/** Signing for tasks (签收) and returning them (退回); each mutation answers with the task as it is afterwards. */
@GraphQLApi
@Authenticated
public class SigningApi {

    private final Signings signings;
    private final SigningQueries queries;
    private final TaskQueries tasks;
    private final UnitQueries units;
    private final Callers callers;

    SigningApi(Signings signings, SigningQueries queries, TaskQueries tasks, UnitQueries units, Callers callers) {
        this.signings = signings;
        this.queries = queries;
        this.tasks = tasks;
        this.units = units;
        this.callers = callers;
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN, Roles.UNIT })
    @Description("A responsible unit signs for a task assigned to it (签收); ADMIN may record it for a unit (unitId). No text needed.")
    public Uni<@NonNull Task> signTask(@NonNull @Id String taskId, @Id String unitId) {
        return callers.current().chain(caller -> signings.sign(taskId, unitId, caller)).chain(this::task);
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN, Roles.UNIT })
    @Description("A responsible unit returns a task it has not signed for to the office as not its own (退回), with a reason; "
            + "the office decides (decideTaskReturn).")
    public Uni<@NonNull Task> returnTask(@NonNull @Id String taskId, @NonNull String reason, @Id String unitId) {
        return callers.current().chain(caller -> signings.returnTask(taskId, unitId, reason, caller)).chain(this::task);
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("The office decides a returned task: REASSIGNED gives the returning unit's place to toUnitId; INSISTED keeps it "
            + "with the unit, which then signs for it within the time allowed, counted from today. For the office (ADMIN).")
    public Uni<@NonNull Task> decideTaskReturn(@NonNull @Id String taskId, @NonNull @Id String unitId,
            @NonNull SigningInputs.ReturnDecisionInput input) {
        return callers.current().chain(caller -> signings.decideReturn(taskId, unitId, input, caller)).chain(this::task);
    }

    @Description("The unit's signing for the task (签收): whether and when it signed, by when it must, or its return")
    public Uni<List<Signing>> signing(@Source List<TaskAssignment> assignments) {
        return queries.ofTasks(Batches.keys(assignments, TaskAssignment::taskId))
                .map(found -> assignments.stream().map(a -> found.stream()
                        .filter(s -> s.taskId() == a.taskId() && s.unitId() == a.unit().id()).findFirst().orElse(null)).toList());
    }

    @Description("The task signed for; null if the caller may not see it")
    public Uni<List<Task>> task(@Source List<Signing> signed) {
        return callers.current().chain(caller -> tasks.byIds(Batches.keys(signed, Signing::taskId), caller))
                .map(found -> Batches.single(signed, Signing::taskId, found, Task::id));
    }

    @NonNull
    public Uni<List<Unit>> unit(@Source List<Signing> signed) {
        return units.unitsByIds(Batches.keys(signed, Signing::unitId))
                .map(found -> Batches.single(signed, Signing::unitId, found, Unit::id));
    }

    private Uni<Task> task(long id) {
        return callers.current().chain(caller -> tasks.visible(id, caller));
    }
}
