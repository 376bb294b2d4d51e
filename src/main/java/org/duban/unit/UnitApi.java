package org.duban.unit;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.Callers;
import org.duban.access.Callers.Caller;
import org.duban.access.Roles;
import org.duban.common.Found;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.sql.Batches;
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
public class UnitApi {

    private final UnitQueries queries;
    private final UnitService service;
    private final Callers callers;

    UnitApi(UnitQueries queries, UnitService service, Callers callers) {
        this.queries = queries;
        this.service = service;
        this.callers = callers;
    }

    @Query
    @Description("The regions the caller sees (its unit's, those its roles govern and every region below them; the "
            + "platform's operator sees all), by division code.")
    public Uni<@NonNull List<@NonNull Region>> regions() {
        return callers.current().chain(caller -> queries.regions(caller.is(Roles.SYSTEM) ? null : within(caller)));
    }

    @Query
    @Description("Units of the regions the caller sees, optionally of one region: governments first, then committees, "
            + "departments, townships.")
    public Uni<@NonNull List<@NonNull Unit>> units(@Id String regionId) {
        Long region = Ids.parseOptional(regionId, IdKind.REGION);
        return callers.current().chain(caller -> queries.units(region, within(caller)));
    }

    @Query
    @Description("A unit of a region the caller sees.")
    public Uni<Unit> unit(@NonNull @Id String id) {
        long unitId = Ids.parse(id, IdKind.UNIT);
        return callers.current().chain(caller -> queries.visible(unitId, caller))
                .map(found -> Found.one(found, "Unit", unitId));
    }

    @Query
    @Description("Unit sets named by reference in plans, of the regions the caller sees, optionally of one region.")
    public Uni<@NonNull List<@NonNull UnitSet>> unitSets(@Id String regionId) {
        Long region = Ids.parseOptional(regionId, IdKind.REGION);
        return callers.current().chain(caller -> queries.unitSets(region, within(caller)));
    }

    @NonNull
    @Description("The level its division code names: 140000 a province, 141000 a city, 141029 a county, longer codes townships")
    public RegionLevel level(@Source Region region) {
        return RegionLevel.of(region.code());
    }

    @Name("parent")
    @Description("The region it belongs under; null for a root, or one the caller does not see")
    public Uni<List<Region>> parentRegion(@Source List<Region> regions) {
        return callers.current().chain(caller -> queries.regionsByIds(Batches.keys(regions, Region::parentId))
                .map(parents -> parents.stream().filter(parent -> caller.is(Roles.SYSTEM)
                        || caller.referenceRegions().contains(parent.id())).toList())
                .map(parents -> Batches.single(regions, Region::parentId, parents, Region::id)));
    }

    private static Long[] within(Caller caller) {
        return caller.referenceRegions().toArray(Long[]::new);
    }

    @Name("region")
    @NonNull
    public Uni<List<Region>> regionOfUnit(@Source List<Unit> units) {
        return queries.regionsByIds(Batches.keys(units, Unit::regionId))
                .map(regions -> Batches.single(units, Unit::regionId, regions, Region::id));
    }

    public Uni<List<Unit>> parent(@Source List<Unit> units) {
        return queries.unitsByIds(Batches.keys(units, Unit::parentId))
                .map(parents -> Batches.single(units, Unit::parentId, parents, Unit::id));
    }

    @Name("region")
    @NonNull
    public Uni<List<Region>> regionOfSet(@Source List<UnitSet> sets) {
        return queries.regionsByIds(Batches.keys(sets, UnitSet::regionId))
                .map(regions -> Batches.single(sets, UnitSet::regionId, regions, Region::id));
    }

    @Name("parentUnit")
    @Description("For UNITS_OF_KIND: the unit whose units of the kind the set stands for; null for the whole region")
    public Uni<List<Unit>> parentUnitOfSet(@Source List<UnitSet> sets) {
        return queries.unitsByIds(Batches.keys(sets, UnitSet::parentUnitId))
                .map(found -> Batches.single(sets, UnitSet::parentUnitId, found, Unit::id));
    }

    @Name("units")
    @NonNull
    @Description("The units the set stands for today.")
    public Uni<List<List<@NonNull Unit>>> unitsOfSet(@Source List<UnitSet> sets) {
        return queries.membersOfSets(Batches.keys(sets, UnitSet::id))
                .map(members -> Batches.grouped(sets, UnitSet::id, members, UnitQueries.SetMember::setId))
                .map(grouped -> grouped.stream().map(list -> list.stream().map(UnitQueries.SetMember::unit).toList()).toList());
    }

    @Mutation
    @RolesAllowed(Roles.SYSTEM)
    @Description("Adds a region, under a parent when given (the platform's operator); its ADMIN is an account given the "
            + "region in createUser or updateUser.")
    public Uni<@NonNull Region> createRegion(@NonNull UnitInputs.CreateRegion input) {
        return service.createRegion(input)
                .chain(id -> queries.regionsByIds(new Long[] { id }).map(found -> Found.one(found, "Region", id)));
    }

    @Mutation
    @RolesAllowed(Roles.SYSTEM)
    @Description("Renames a region or places it under a parent (the platform's operator); the regions below it move along.")
    public Uni<@NonNull Region> updateRegion(@NonNull @Id String id, @NonNull UnitInputs.UpdateRegion input) {
        return service.updateRegion(id, input)
                .chain(regionId -> queries.regionsByIds(new Long[] { regionId }).map(found -> Found.one(found, "Region", regionId)));
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    public Uni<@NonNull Unit> createUnit(@NonNull UnitInputs.CreateUnit input) {
        return service.createUnit(input).chain(this::unitById);
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    public Uni<@NonNull Unit> updateUnit(@NonNull @Id String id, @NonNull UnitInputs.UpdateUnit input) {
        return service.updateUnit(id, input).chain(this::unitById);
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    public Uni<@NonNull UnitSet> createUnitSet(@NonNull UnitInputs.CreateUnitSet input) {
        return service.createUnitSet(input).chain(this::unitSetById);
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    public Uni<@NonNull UnitSet> updateUnitSet(@NonNull @Id String id, @NonNull UnitInputs.UpdateUnitSet input) {
        return service.updateUnitSet(id, input).chain(this::unitSetById);
    }

    private Uni<Unit> unitById(long id) {
        return queries.unitsByIds(new Long[] { id }).map(found -> Found.one(found, "Unit", id));
    }

    private Uni<UnitSet> unitSetById(long id) {
        return queries.unitSetsByIds(new Long[] { id }).map(found -> Found.one(found, "UnitSet", id));
    }
}
