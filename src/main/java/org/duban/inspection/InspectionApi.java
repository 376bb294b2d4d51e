package org.duban.inspection;

import static org.duban.common.sql.Rows.map;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.Callers;
import org.duban.access.Roles;
import org.duban.calendar.CalendarStore;
import org.duban.common.Found;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.plan.PlanQueries;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@Authenticated
public class InspectionApi {

    private final InspectionQueries inspections;
    private final PlanQueries plans;
    private final InspectionService service;
    private final InspectionNotices notices;
    private final CalendarStore calendars;
    private final Callers callers;

    InspectionApi(InspectionQueries inspections, PlanQueries plans, InspectionService service, InspectionNotices notices,
            CalendarStore calendars, Callers callers) {
        this.inspections = inspections;
        this.plans = plans;
        this.service = service;
        this.notices = notices;
        this.calendars = calendars;
        this.callers = callers;
    }

    @Description("The first day the plan's responsible units are told of the inspection (duban.inspections."
            + "notice-working-days working days before its window opens, by the working-day calendar)")
    public Uni<@NonNull List<@NonNull LocalDate>> noticeFrom(@Source List<Inspection> inspections) {
        return calendars.current().map(calendar -> inspections.stream()
                .map(inspection -> notices.noticeFrom(calendar, inspection.startsOn())).toList());
    }

    @Query
    @Description("The plan's inspections by window, for whoever sees the plan.")
    public Uni<@NonNull List<@NonNull Inspection>> inspections(@NonNull @Id String planId) {
        long id = Ids.parse(planId, IdKind.PLAN);
        return callers.current().chain(caller -> plans.byIds(new Long[] { id }, caller))
                .map(found -> Found.one(found, "Plan", planId))
                .chain(plan -> inspections.ofPlan(id));
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Announces an inspection of a plan, or records what it found and each unit's outcome.")
    public Uni<@NonNull Inspection> recordInspection(@NonNull InspectionInput input) {
        return service.record(input)
                .chain(inspections::byId);
    }
}
