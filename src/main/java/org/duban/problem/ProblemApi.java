package org.duban.problem;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.Callers;
import org.duban.access.Roles;
import org.duban.common.Found;
import org.duban.common.sql.Batches;
import org.duban.plan.Plan;
import org.duban.plan.PlanQueries;
import org.duban.plan.Task;
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
public class ProblemApi {

    private final ProblemQueries queries;
    private final ProblemService service;
    private final PlanQueries plans;
    private final Callers callers;

    ProblemApi(ProblemQueries queries, ProblemService service, PlanQueries plans, Callers callers) {
        this.queries = queries;
        this.service = service;
        this.plans = plans;
        this.callers = callers;
    }

    @NonNull
    @Description("The feedback problems the plan answers (督察反馈问题), in the feedback's order")
    public Uni<List<List<@NonNull Problem>>> problems(@Source List<Plan> planList) {
        return queries.ofPlans(Batches.keys(planList, Plan::id))
                .map(found -> Batches.grouped(planList, Plan::id, found, Problem::planId));
    }

    @NonNull
    @Description("How many of the plan's feedback problems are open, cleared, and cleared on time")
    public Uni<List<@NonNull ProblemSummary>> problemSummary(@Source List<Plan> planList) {
        return problems(planList).map(byPlan -> byPlan.stream().map(ProblemApi::summary).toList());
    }

    private static ProblemSummary summary(List<Problem> problems) {
        int cleared = (int) problems.stream().filter(Problem::cleared).count();
        int onTime = (int) problems.stream().filter(p -> Boolean.TRUE.equals(p.clearedOnTime())).count();
        return new ProblemSummary(problems.size(), problems.size() - cleared, cleared, onTime);
    }

    @NonNull
    @Description("The tasks rectifying the problem that the caller may see, in document order")
    public Uni<List<List<@NonNull Task>>> tasks(@Source List<Problem> problems) {
        return callers.current().chain(caller -> queries.tasksOf(Batches.keys(problems, Problem::id), caller))
                .map(found -> Batches.grouped(problems, Problem::id, found, ProblemQueries.ProblemTask::problemId).stream()
                        .map(rows -> rows.stream().map(ProblemQueries.ProblemTask::task).toList()).toList());
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Name("setPlanProblems")
    @Description("Replaces the plan's feedback problems; one with the same number keeps its id.")
    public Uni<@NonNull Plan> setPlanProblems(@NonNull @Id String planId, @NonNull List<@NonNull ProblemInput> problems) {
        return service.set(planId, problems)
                .chain(id -> plans.byIds(new Long[] { id }).map(found -> Found.one(found, "Plan", id)));
    }
}
