package org.duban.land.standard;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.Callers;
import org.duban.access.Roles;
import org.duban.common.Found;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.sql.Batches;
import org.duban.land.Parcel;
import org.duban.land.ParcelQueries;
import org.duban.unit.Unit;
import org.duban.unit.UnitQueries;
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
public class StandardLandApi {

    private final StandardLandQueries queries;
    private final ParcelQueries parcels;
    private final UnitQueries units;
    private final StandardLandService service;
    private final EvaluationService evaluations;
    private final Callers callers;

    StandardLandApi(StandardLandQueries queries, ParcelQueries parcels, UnitQueries units, StandardLandService service,
            EvaluationService evaluations, Callers callers) {
        this.queries = queries;
        this.parcels = parcels;
        this.units = units;
        this.service = service;
        this.evaluations = evaluations;
        this.callers = callers;
    }

    @NonNull
    @Description("The control indicators agreed at sale, with actuals and verdicts after acceptance")
    public Uni<List<List<@NonNull ControlIndicator>>> controlIndicators(@Source List<Parcel> parcelList) {
        return queries.indicatorsOf(Batches.keys(parcelList, Parcel::id))
                .map(found -> Batches.grouped(parcelList, Parcel::id, found, ControlIndicator::parcelId));
    }

    @Description("The overall verdict against the indicators: MET, NOT_MET, or INCOMPLETE while values are missing; "
            + "null without indicators")
    public Uni<List<Verdict>> acceptanceVerdict(@Source List<Parcel> parcelList) {
        return controlIndicators(parcelList).map(grouped -> grouped.stream().map(ControlIndicator::overall).toList());
    }

    @NonNull
    @Description("Every stage move, oldest first")
    public Uni<List<List<@NonNull StageChange>>> stageHistory(@Source List<Parcel> parcelList) {
        return queries.stageHistoryOf(Batches.keys(parcelList, Parcel::id))
                .map(found -> Batches.grouped(parcelList, Parcel::id, found, StageChange::parcelId));
    }

    @Query
    @Description("Regional evaluations (区域评价), optionally of one zone and round.")
    public Uni<@NonNull List<@NonNull RegionalEvaluation>> regionalEvaluations(@Id String zoneId, Integer round) {
        Long zone = Ids.parseOptional(zoneId, IdKind.UNIT);
        return callers.current().chain(caller -> queries.evaluations(zone, round, caller));
    }

    @NonNull
    public Uni<List<Unit>> zone(@Source List<RegionalEvaluation> list) {
        return units.unitsByIds(Batches.keys(list, RegionalEvaluation::zoneId))
                .map(found -> Batches.single(list, RegionalEvaluation::zoneId, found, Unit::id));
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN, Roles.LAND_EDITOR })
    @Description("Moves a standard-land parcel to the next stage; an ADMIN may move it back with a reason. A skipped "
            + "stage, or PUBLIC_SALE without indicators, done regional evaluations and a ready site, is INVALID_TRANSITION.")
    public Uni<@NonNull Parcel> advanceParcelStage(@NonNull @Id String id, @NonNull StandardLandInputs.StageMove input) {
        return callers.current().chain(caller -> service.move(id, input, caller)).chain(this::parcelById);
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN, Roles.LAND_EDITOR })
    @Name("setControlIndicators")
    @Description("Replaces the agreed control indicators of a standard-land parcel (up to PUBLIC_SALE).")
    public Uni<@NonNull Parcel> setControlIndicators(@NonNull @Id String parcelId,
            @NonNull List<StandardLandInputs.@NonNull Indicator> indicators) {
        return service.setIndicators(parcelId, indicators).chain(this::parcelById);
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN, Roles.LAND_EDITOR })
    @Description("对表验收: records the actual values at the ACCEPTANCE stage; each indicator gets a verdict.")
    public Uni<@NonNull Parcel> recordAcceptance(@NonNull @Id String parcelId, @NonNull StandardLandInputs.Acceptance input) {
        return service.recordAcceptance(parcelId, input).chain(this::parcelById);
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN, Roles.LAND_EDITOR })
    public Uni<@NonNull RegionalEvaluation> createRegionalEvaluation(@NonNull StandardLandInputs.CreateEvaluation input) {
        return evaluations.create(input).chain(this::evaluationById);
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN, Roles.LAND_EDITOR })
    public Uni<@NonNull RegionalEvaluation> updateRegionalEvaluation(@NonNull @Id String id,
            @NonNull StandardLandInputs.UpdateEvaluation input) {
        return evaluations.update(id, input).chain(this::evaluationById);
    }

    private Uni<Parcel> parcelById(long id) {
        return parcels.byIds(new Long[] { id }).map(found -> Found.one(found, "Parcel", id));
    }

    private Uni<RegionalEvaluation> evaluationById(long id) {
        return queries.evaluationsByIds(new Long[] { id }).map(found -> Found.one(found, "RegionalEvaluation", id));
    }
}
