package org.duban.land;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.Callers;
import org.duban.access.Roles;
import org.duban.common.Found;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.InputChecks;
import org.duban.common.graphql.Selections;
import org.duban.common.page.PageRequest;
import org.duban.common.sql.Batches;
import org.duban.unit.Region;
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
import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@Authenticated
public class ParcelApi {

    private final Callers callers;
    private final ParcelQueries queries;
    private final UnitQueries units;
    private final ParcelService service;

    private final Context context;

    ParcelApi(ParcelQueries queries, UnitQueries units, ParcelService service, Callers callers, Context context) {
        this.context = context;
        this.callers = callers;
        this.queries = queries;
        this.units = units;
        this.service = service;
    }

    @Query
    @Description("Parcels by code, a page at a time: those of the caller's region (all for ADMIN and LEADER).")
    public Uni<@NonNull ParcelConnection> parcels(ParcelFilter filter, Integer first, String after) {
        PageRequest page = PageRequest.of(first, after).counting(Selections.asks(context, "totalCount"));
        InputChecks.check("filter", filter);
        return callers.current().chain(caller -> queries.page(filter, page, caller));
    }

    @Query
    public Uni<Parcel> parcel(@NonNull @Id String id) {
        return parcelById(Ids.parse(id, IdKind.PARCEL));
    }

    @Query
    @Description("The parcels that have an outline, as a GeoJSON FeatureCollection (text) with their facts as "
            + "properties, ready for a web map: the standard-land digital map (标准地数字地图).")
    public Uni<@NonNull String> parcelsGeoJson(ParcelFilter filter) {
        InputChecks.check("filter", filter);
        return callers.current().chain(caller -> queries.featureCollection(filter, caller));
    }

    @NonNull
    public Uni<List<Unit>> township(@Source List<Parcel> parcels) {
        return units.unitsByIds(Batches.keys(parcels, Parcel::townshipId))
                .map(found -> Batches.single(parcels, Parcel::townshipId, found, Unit::id));
    }

    @Description("The development zone the parcel lies in")
    public Uni<List<Unit>> zone(@Source List<Parcel> parcels) {
        return units.unitsByIds(Batches.keys(parcels, Parcel::zoneId))
                .map(found -> Batches.single(parcels, Parcel::zoneId, found, Unit::id));
    }

    @Name("region")
    @NonNull
    public Uni<List<Region>> regionOfParcel(@Source List<Parcel> parcels) {
        return units.regionsByIds(Batches.keys(parcels, Parcel::regionId))
                .map(found -> Batches.single(parcels, Parcel::regionId, found, Region::id));
    }

    @Description("The parcel this one was split from by a partial supply")
    public Uni<List<Parcel>> splitFrom(@Source List<Parcel> parcels) {
        return queries.byIds(Batches.keys(parcels, Parcel::splitFromId))
                .map(found -> Batches.single(parcels, Parcel::splitFromId, found, Parcel::id));
    }

    @NonNull
    @Description("The parts a partial supply split this parcel into: the supplied part and the remainder")
    public Uni<List<List<@NonNull Parcel>>> parts(@Source List<Parcel> parcels) {
        return queries.partsOf(Batches.keys(parcels, Parcel::id))
                .map(found -> Batches.grouped(parcels, Parcel::id, found, Parcel::splitFromId));
    }

    @NonNull
    @Description("Approval adjustment requests, oldest first")
    public Uni<List<List<@NonNull ApprovalAdjustment>>> adjustments(@Source List<Parcel> parcels) {
        return queries.adjustmentsOf(Batches.keys(parcels, Parcel::id))
                .map(found -> Batches.grouped(parcels, Parcel::id, found, ApprovalAdjustment::parcelId));
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN, Roles.LAND_EDITOR })
    public Uni<@NonNull Parcel> createParcel(@NonNull ParcelInputs.CreateParcel input) {
        return service.create(input).chain(this::parcelById);
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN, Roles.LAND_EDITOR })
    public Uni<@NonNull Parcel> updateParcel(@NonNull @Id String id, @NonNull ParcelInputs.UpdateParcel input) {
        return service.update(id, input).chain(this::parcelById);
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN, Roles.LAND_EDITOR })
    @Description("Records the supply (供地) of a parcel. A supplied parcel is a CONFLICT; one waiting for an approval "
            + "adjustment, or out of the stock, an INVALID_TRANSITION.")
    public Uni<@NonNull Parcel> supplyParcel(@NonNull @Id String id, @NonNull ParcelInputs.SupplyParcel input) {
        return service.supply(id, input).chain(this::parcelById);
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN, Roles.LAND_EDITOR })
    public Uni<@NonNull Parcel> recordConstructionStart(@NonNull @Id String id, @NonNull LocalDate startedOn) {
        return service.recordConstructionStart(id, startedOn).chain(this::parcelById);
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN, Roles.LAND_EDITOR })
    @Description("Records the use of supplied land: handover (交地), construction start and completion (竣工), and the "
            + "contract's dates for them. An unsupplied parcel is an INVALID_TRANSITION.")
    public Uni<@NonNull Parcel> recordParcelUse(@NonNull @Id String id, @NonNull ParcelInputs.RecordUse input) {
        return service.recordUse(id, input).chain(this::parcelById);
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN, Roles.LAND_EDITOR })
    @Description("闲置认定: determines supplied land idle, with its cause and the disposal decided; the parcel's useState "
            + "becomes IDLE until construction starts.")
    public Uni<@NonNull Parcel> determineIdleLand(@NonNull @Id String id, @NonNull ParcelInputs.DetermineIdle input) {
        return service.determineIdle(id, input).chain(this::parcelById);
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN, Roles.LAND_EDITOR })
    @Description("Asks for an adjusted approval (调整批文); the parcel cannot be supplied until the request ends.")
    public Uni<@NonNull Parcel> requestApprovalAdjustment(@NonNull @Id String parcelId,
            @NonNull ParcelInputs.RequestAdjustment input) {
        return service.requestAdjustment(parcelId, input).chain(this::parcelById);
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN, Roles.LAND_EDITOR })
    @Description("Ends a pending adjustment request: ADJUSTED (with the new document number) or APPROVAL_WITHDRAWN take "
            + "the parcel out of the stock of approved-but-unsupplied land; CANCELLED puts it back.")
    public Uni<@NonNull Parcel> completeApprovalAdjustment(@NonNull @Id String adjustmentId,
            @NonNull ParcelInputs.CompleteAdjustment input) {
        return service.endAdjustment(adjustmentId, input).chain(this::parcelById);
    }

    private Uni<Parcel> parcelById(long id) {
        return callers.current().chain(caller -> queries.byIds(new Long[] { id }, caller))
                .map(found -> Found.one(found, "Parcel", id));
    }
}
