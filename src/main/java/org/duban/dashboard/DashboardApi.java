package org.duban.dashboard;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.Callers;
import org.duban.access.Roles;
import org.duban.common.DateBounds;
import org.duban.milestone.Milestone;
import org.duban.milestone.MilestoneQueries;
import org.duban.signing.Signing;
import org.duban.signing.SigningQueries;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@Authenticated
public class DashboardApi {

    private final DashboardService service;
    private final Callers callers;
    private final MilestoneQueries milestones;

    private static final int AWAITED_SIGNINGS = 100;

    private final SigningQueries signings;

    DashboardApi(DashboardService service, Callers callers, MilestoneQueries milestones, SigningQueries signings) {
        this.signings = signings;
        this.service = service;
        this.callers = callers;
        this.milestones = milestones;
    }

    @NonNull
    @Description("Units yet to sign for open tasks of the plan (签收), longest waiting first (so those overdue to sign, "
            + "领办逾期, come first), at most 100; returned tasks awaiting the office's decision are not here")
    public Uni<List<List<@NonNull Signing>>> signingsAwaited(@Source List<PlanDashboard> dashboards) {
        return Multi.createFrom().iterable(dashboards).onItem()
                .transformToUniAndConcatenate(d -> signings.awaitedInPlan(d.plan().id(), AWAITED_SIGNINGS)).collect().asList();
    }

    @Query
    @RolesAllowed({ Roles.ADMIN, Roles.LEADER })
    @Description("The plan today: tasks by status and by warning, overdue tasks, quotas, standard-land parcels by stage, "
            + "the share signed off on time.")
    public Uni<@NonNull PlanDashboard> planDashboard(@NonNull @Id String planId) {
        return callers.current().chain(caller -> service.planDashboard(planId, caller));
    }

    @NonNull
    @Description("Every milestone of the plan's tasks, one line each, by date: met or not, and its colour")
    public Uni<List<List<@NonNull Milestone>>> milestones(@Source List<PlanDashboard> dashboards) {
        return milestones.ofPlans(dashboards.stream().map(d -> d.plan().id()).toArray(Long[]::new));
    }

    @Query
    @RolesAllowed({ Roles.ADMIN, Roles.LEADER })
    @Description("The plan's responsible units ranked: on-time rate (a lead unit's items weighing more than an assisting "
            + "one's), then fewest overdue, then most signed off (the basis of a 通报). The issuing government and its office "
            + "are not ranked.")
    public Uni<@NonNull List<@NonNull UnitScore>> unitScoreboard(@NonNull @Id String planId) {
        return callers.current().chain(caller -> service.unitScoreboard(planId, caller));
    }

    @Query
    @Description("What the unit was assigned, reported and closed in the period. A UNIT account reads its own unit's; "
            + "ADMIN and LEADER any unit's.")
    public Uni<@NonNull UnitReport> unitReport(@NonNull @Id String unitId, @NonNull LocalDate from, @NonNull LocalDate to) {
        DateBounds.check("from", from);
        DateBounds.check("to", to);
        return callers.current().chain(caller -> service.unitReport(unitId, from, to, caller));
    }
}
