package org.duban.plan;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.Callers;
import org.duban.access.Roles;
import org.duban.common.Found;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.page.PageRequest;
import org.duban.common.sql.Batches;
import org.duban.group.GroupQueries;
import org.duban.group.LeadingGroup;
import org.duban.unit.Region;
import org.duban.unit.Unit;
import org.duban.unit.UnitQueries;
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
import io.smallrye.mutiny.Uni;

@GraphQLApi
@Authenticated
public class PlanApi {

    private final PlanQueries queries;
    private final TaskQueries tasks;
    private final UnitQueries units;
    private final GroupQueries groups;
    private final PlanService service;
    private final Callers callers;

    PlanApi(PlanQueries queries, TaskQueries tasks, UnitQueries units, GroupQueries groups, PlanService service,
            Callers callers) {
        this.callers = callers;
        this.queries = queries;
        this.tasks = tasks;
        this.units = units;
        this.groups = groups;
        this.service = service;
    }

    @Query
    @Description("All plans the caller may see (ADMIN and LEADER all, other accounts those their unit has tasks in), newest first.")
    public Uni<@NonNull List<@NonNull Plan>> plans() {
        return callers.current().chain(queries::plans);
    }

    @Query
    public Uni<Plan> plan(@NonNull @Id String id) {
        return planById(Ids.parse(id, IdKind.PLAN));
    }

    @NonNull
    public Uni<List<Unit>> issuingUnit(@Source List<Plan> plans) {
        return units.unitsByIds(Batches.keys(plans, Plan::issuingUnitId))
                .map(found -> Batches.single(plans, Plan::issuingUnitId, found, Unit::id));
    }

    @Name("region")
    @NonNull
    public Uni<List<Region>> regionOfPlan(@Source List<Plan> plans) {
        return units.regionsByIds(Batches.keys(plans, Plan::regionId))
                .map(found -> Batches.single(plans, Plan::regionId, found, Region::id));
    }

    @NonNull
    @Description("主送: the units and unit sets the plan is addressed to, in the document's order")
    public Uni<List<List<@NonNull PlanAddressee>>> addressees(@Source List<Plan> plans) {
        return queries.addresseesOf(Batches.keys(plans, Plan::id))
                .map(found -> Batches.grouped(plans, Plan::id, found, PlanAddressee::planId));
    }

    @Name("unit")
    public Uni<List<Unit>> unitOfAddressee(@Source List<PlanAddressee> addressees) {
        return units.unitsByIds(Batches.keys(addressees, PlanAddressee::unitId))
                .map(found -> Batches.single(addressees, PlanAddressee::unitId, found, Unit::id));
    }

    @Name("unitSet")
    public Uni<List<UnitSet>> unitSetOfAddressee(@Source List<PlanAddressee> addressees) {
        return units.unitSetsByIds(Batches.keys(addressees, PlanAddressee::unitSetId))
                .map(found -> Batches.single(addressees, PlanAddressee::unitSetId, found, UnitSet::id));
    }

    @NonNull
    public Uni<List<List<@NonNull BasisDocument>>> basisDocuments(@Source List<Plan> plans) {
        return queries.basisDocumentsOf(Batches.keys(plans, Plan::id))
                .map(found -> Batches.grouped(plans, Plan::id, found, BasisDocument::planId));
    }

    @NonNull
    @Description("The leading groups steering the plan.")
    public Uni<List<List<@NonNull LeadingGroup>>> leadingGroups(@Source List<Plan> plans) {
        return groups.groupsOfPlans(Batches.keys(plans, Plan::id))
                .map(found -> Batches.grouped(plans, Plan::id, found, GroupQueries.PlanGroup::planId))
                .map(grouped -> grouped.stream().map(l -> l.stream().map(GroupQueries.PlanGroup::group).toList()).toList());
    }

    @NonNull
    @Description("The plan's sections, tasks and sub-items in document order.")
    public Uni<List<TaskConnection>> tasks(@Source List<Plan> plans, Integer first, String after) {
        PageRequest page = PageRequest.of(first, after);
        return callers.current().chain(caller -> tasks.pagesOfPlans(plans, page, caller));
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Enters a plan by hand; add its tasks with createTask.")
    public Uni<@NonNull Plan> createPlan(@NonNull PlanInputs.CreatePlan input) {
        return service.createPlan(input).chain(this::planById);
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    public Uni<@NonNull Plan> updatePlan(@NonNull @Id String id, @NonNull PlanInputs.UpdatePlan input) {
        return service.updatePlan(id, input).chain(this::planById);
    }

    private Uni<Plan> planById(long id) {
        return callers.current().chain(caller -> queries.byIds(new Long[] { id }, caller))
                .map(found -> Found.one(found, "Plan", id));
    }
}
