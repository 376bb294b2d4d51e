package org.duban.inspection;

import static org.duban.common.sql.Rows.map;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.duban.common.Found;
import org.duban.common.Ids;
import org.duban.plan.PlanQueries;
import org.duban.access.Callers;
import org.duban.access.Roles;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@GraphQLApi
@Authenticated
public class InspectionApi {

    private final Pool pool;
    private final PlanQueries plans;
    private final InspectionService service;
    private final Callers callers;

    InspectionApi(Pool pool, PlanQueries plans, InspectionService service, Callers callers) {
        this.pool = pool;
        this.plans = plans;
        this.service = service;
        this.callers = callers;
    }

    @Query
    @Description("The plan's inspections by window, for whoever sees the plan.")
    public Uni<@NonNull List<@NonNull Inspection>> inspections(@NonNull @Id String planId) {
        long id = Ids.parse(planId, "Plan");
        return callers.current().chain(caller -> plans.byIds(new Long[] { id }, caller))
                .map(found -> Found.one(found, "Plan", planId))
                .chain(plan -> pool.preparedQuery("select " + Inspection.COLUMNS + " from inspection i where i.plan_id = $1"
                        + " order by i.starts_on, i.id").execute(Tuple.of(id)))
                .map(rows -> map(rows, Inspection::from));
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Announces an inspection of a plan, or records what it found and each unit's outcome.")
    public Uni<@NonNull Inspection> recordInspection(@NonNull InspectionInput input) {
        return service.record(input)
                .chain(id -> pool.preparedQuery("select " + Inspection.COLUMNS + " from inspection i where i.id = $1").execute(Tuple.of(id)))
                .map(rows -> Inspection.from(rows.iterator().next()));
    }
}
