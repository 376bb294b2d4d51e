package org.duban.plan;

import java.util.List;

import org.duban.access.Callers;
import org.duban.common.sql.Batches;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Plans answering plans: what a county plan answers above it, and how a city task is carried out below. */
@GraphQLApi
@Authenticated
public class CascadeApi {

    private final CascadeQueries queries;
    private final Callers callers;

    CascadeApi(CascadeQueries queries, Callers callers) {
        this.queries = queries;
        this.callers = callers;
    }

    @Name("answers")
    @Description("The higher plan this one answers (UpdatePlanInput.answersPlan), or null")
    public Uni<List<HigherReference>> planAnswers(@Source List<Plan> plans) {
        return queries.higherPlans(Batches.keys(plans, Plan::id))
                .map(found -> Batches.single(plans, Plan::id, found, HigherReference::ownerId));
    }

    @Name("answers")
    @Description("The task of the higher plan this task carries out (UpdateTaskInput.answersTaskCode), or null")
    public Uni<List<HigherReference>> taskAnswers(@Source List<Task> tasks) {
        return queries.higherTasks(Batches.keys(tasks, Task::id))
                .map(found -> Batches.single(tasks, Task::id, found, HigherReference::ownerId));
    }

    @NonNull
    @Description("The tasks of the regions below that carry the task out, as far as the caller sees them, and their roll-up")
    public Uni<List<Cascade>> cascade(@Source List<Task> tasks) {
        return callers.current().chain(caller -> queries.answering(Batches.keys(tasks, Task::id), caller))
                .map(answering -> tasks.stream().map(task -> Cascade.of(task.id(),
                        answering.stream().filter(a -> a.higherTaskId() == task.id()).toList())).toList());
    }
}
