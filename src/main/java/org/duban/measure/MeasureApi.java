package org.duban.measure;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.Roles;
import org.duban.common.Found;
import org.duban.common.sql.Batches;
import org.duban.land.quota.QuotaProgress;
import org.duban.land.quota.QuotaQueries;
import org.duban.plan.Task;
import org.duban.plan.TaskQueries;
import org.duban.unit.Region;
import org.duban.unit.Unit;
import org.duban.unit.UnitQueries;
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
public class MeasureApi {

    private final MeasureQueries queries;
    private final QuotaQueries quotas;
    private final UnitQueries units;
    private final TaskQueries tasks;
    private final MeasureService service;

    MeasureApi(MeasureQueries queries, QuotaQueries quotas, UnitQueries units, TaskQueries tasks, MeasureService service) {
        this.queries = queries;
        this.quotas = quotas;
        this.units = units;
        this.tasks = tasks;
        this.service = service;
    }

    @NonNull
    @Description("What the task's progress is measured by, with the figures")
    public Uni<List<List<@NonNull Measure>>> measures(@Source List<Task> taskList) {
        return queries.measuresOf(Batches.keys(taskList, Task::id))
                .map(found -> Batches.grouped(taskList, Task::id, found, Measure::taskId));
    }

    @Description("For QUOTA: the quota and its progress; null if the region has no quota for the year")
    public Uni<List<QuotaProgress>> quota(@Source List<Measure> measures) {
        List<Measure> quotaMeasures = measures.stream().filter(m -> m.kind() == MeasureKind.QUOTA).toList();
        return quotas.byRegionAndYear(quotaMeasures.stream().map(Measure::regionId).toArray(Long[]::new),
                quotaMeasures.stream().map(Measure::year).toArray(Integer[]::new))
                .map(found -> measures.stream().map(m -> m.kind() != MeasureKind.QUOTA ? null : found.stream()
                        .filter(q -> q.regionId() == m.regionId() && q.year() == m.year()).findFirst().orElse(null)).toList());
    }

    @Description("For REGIONAL_EVALUATIONS: how many of the round's evaluations are done")
    public Uni<List<RegionalEvaluationProgress>> regionalEvaluations(@Source List<Measure> measures) {
        return queries.evaluationProgress(measures)
                .map(found -> Batches.single(measures, Measure::id, found, RegionalEvaluationProgress::measureId));
    }

    @Description("For STANDARD_LAND_SALES: the zone's industrial land sold that year")
    public Uni<List<StandardLandSales>> standardLandSales(@Source List<Measure> measures) {
        return queries.sales(measures).map(found -> Batches.single(measures, Measure::id, found, StandardLandSales::measureId));
    }

    @Name("region")
    public Uni<List<Region>> regionOfMeasure(@Source List<Measure> measures) {
        return units.regionsByIds(Batches.keys(measures, Measure::regionId))
                .map(found -> Batches.single(measures, Measure::regionId, found, Region::id));
    }

    public Uni<List<Unit>> zone(@Source List<Measure> measures) {
        return units.unitsByIds(Batches.keys(measures, Measure::zoneId))
                .map(found -> Batches.single(measures, Measure::zoneId, found, Unit::id));
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Name("setTaskMeasures")
    @Description("Replaces what a task's progress is measured by.")
    public Uni<@NonNull Task> setTaskMeasures(@NonNull @Id String taskId, @NonNull List<@NonNull MeasureInput> measures) {
        return service.set(taskId, measures)
                .chain(id -> tasks.byIds(new Long[] { id }).map(found -> Found.one(found, "Task", id)));
    }
}
