package org.duban.group;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.Callers;
import org.duban.access.Roles;
import org.duban.common.Found;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.sql.Batches;
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
public class GroupApi {

    private final GroupQueries queries;
    private final UnitQueries units;
    private final GroupService service;
    private final Callers callers;

    GroupApi(GroupQueries queries, UnitQueries units, GroupService service, Callers callers) {
        this.queries = queries;
        this.units = units;
        this.service = service;
        this.callers = callers;
    }

    @Query
    @Description("Leading groups and task forces of the regions the caller sees, optionally of one region.")
    public Uni<@NonNull List<@NonNull LeadingGroup>> leadingGroups(@Id String regionId) {
        Long region = Ids.parseOptional(regionId, IdKind.REGION);
        return callers.current().chain(caller -> queries.groups(region, caller.referenceRegions().toArray(Long[]::new)));
    }

    @Query
    @Description("A leading group of a region the caller sees.")
    public Uni<LeadingGroup> leadingGroup(@NonNull @Id String id) {
        long groupId = Ids.parse(id, IdKind.LEADING_GROUP);
        return callers.current().chain(caller -> queries.groupsByIds(new Long[] { groupId })
                .map(found -> found.stream().filter(group -> caller.referenceRegions().contains(group.regionId())).toList())
                .map(found -> Found.one(found, "LeadingGroup", groupId)));
    }

    @Name("region")
    @NonNull
    public Uni<List<Region>> regionOfGroup(@Source List<LeadingGroup> groups) {
        return units.regionsByIds(Batches.keys(groups, LeadingGroup::regionId))
                .map(regions -> Batches.single(groups, LeadingGroup::regionId, regions, Region::id));
    }

    @Description("The unit hosting the group's office (办公室设在…)")
    public Uni<List<Unit>> officeUnit(@Source List<LeadingGroup> groups) {
        return units.unitsByIds(Batches.keys(groups, LeadingGroup::officeUnitId))
                .map(found -> Batches.single(groups, LeadingGroup::officeUnitId, found, Unit::id));
    }

    @NonNull
    public Uni<List<List<@NonNull LeadingGroupMember>>> members(@Source List<LeadingGroup> groups) {
        return queries.membersOfGroups(Batches.keys(groups, LeadingGroup::id))
                .map(found -> Batches.grouped(groups, LeadingGroup::id, found, LeadingGroupMember::groupId));
    }

    @Name("unit")
    public Uni<List<Unit>> unitOfMember(@Source List<LeadingGroupMember> members) {
        return units.unitsByIds(Batches.keys(members, LeadingGroupMember::unitId))
                .map(found -> Batches.single(members, LeadingGroupMember::unitId, found, Unit::id));
    }

    @Description("For members named by reference: the units they come from")
    public Uni<List<UnitSet>> unitSet(@Source List<LeadingGroupMember> members) {
        return units.unitSetsByIds(Batches.keys(members, LeadingGroupMember::unitSetId))
                .map(found -> Batches.single(members, LeadingGroupMember::unitSetId, found, UnitSet::id));
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    public Uni<@NonNull LeadingGroup> createLeadingGroup(@NonNull GroupInputs.CreateGroup input) {
        return service.createGroup(input).chain(this::groupById);
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Changes a group; `members`, when given, replaces the member list.")
    public Uni<@NonNull LeadingGroup> updateLeadingGroup(@NonNull @Id String id, @NonNull GroupInputs.UpdateGroup input) {
        return service.updateGroup(id, input).chain(this::groupById);
    }

    private Uni<LeadingGroup> groupById(long id) {
        return queries.groupsByIds(new Long[] { id }).map(found -> Found.one(found, "LeadingGroup", id));
    }
}
