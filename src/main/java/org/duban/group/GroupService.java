package org.duban.group;

import static org.duban.common.Text.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;
import org.duban.common.Ids;
import org.duban.common.InputValidator;
import org.duban.common.Versions;
import org.duban.unit.RegionRepository;
import org.duban.unit.UnitEntity;
import org.duban.unit.UnitRepository;
import org.duban.unit.UnitSetEntity;
import org.duban.unit.UnitSetRepository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Writes of leading groups and their members; each method is one transaction returning the group id. */
@ApplicationScoped
public class GroupService {

    private final AuditTrail audit;
    private final Pool pool;
    private final LeadingGroupRepository groups;
    private final LeadingGroupMemberRepository members;
    private final RegionRepository regions;
    private final UnitRepository units;
    private final UnitSetRepository unitSets;
    private final InputValidator validator;
    private final Clock clock;

    GroupService(LeadingGroupRepository groups, LeadingGroupMemberRepository members, RegionRepository regions,
            UnitRepository units, UnitSetRepository unitSets, InputValidator validator, Clock clock, AuditTrail audit,
            Pool pool) {
        this.audit = audit;
        this.pool = pool;
        this.groups = groups;
        this.members = members;
        this.regions = regions;
        this.units = units;
        this.unitSets = unitSets;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * Links the account to the leaders of the region's leading groups that have none, so that escalated reminders
     * reach it rather than only the office's administrators (the demo's county leader).
     */
    public Uni<Void> linkLeaderAccount(String regionCode, String username) {
        return pool.preparedQuery("update leading_group_member m set account_id = a.id from account a, leading_group g, region r"
                + " where a.username = $1 and g.id = m.group_id and r.id = g.region_id and r.code = $2"
                + " and m.role = 'LEADER' and m.account_id is null")
                .execute(Tuple.of(username, regionCode))
                .replaceWithVoid();
    }

    @WithTransaction
    public Uni<Long> createGroup(GroupInputs.CreateGroup input) {
        validator.check("input", input);
        long regionId = Ids.parse(input.regionId(), "Region");
        return audit.stamp().chain(() -> regions.findById(regionId)
                .onItem().ifNull().failWith(() -> DubanException.notFound("Region", input.regionId()))
                .chain(region -> references(regionId))
                .chain(refs -> groups.inRegion(regionId).chain(existing -> {
                    String name = input.name().strip();
                    requireFreeName(existing, name, null);
                    Instant now = clock.instant();
                    LeadingGroupEntity group = new LeadingGroupEntity();
                    group.regionId = regionId;
                    group.name = name;
                    group.shortName = blankToNull(input.shortName());
                    group.officeUnitId = refs.unit(input.officeUnitId(), "input.officeUnitId");
                    group.officeDirectorName = blankToNull(input.officeDirectorName());
                    group.touch(now);
                    List<LeadingGroupMemberEntity> newMembers = toMembers(input.members(), refs);
                    return requireAccount(input.officeDirectorAccountId(), "input.officeDirectorAccountId")
                            .invoke(accountId -> group.officeDirectorAccountId = accountId)
                            .chain(() -> requireMemberAccounts(newMembers))
                            .chain(() -> groups.persist(group))
                            .chain(saved -> persistMembers(saved.id, newMembers).replaceWith(saved.id));
                })));
    }

    @WithTransaction
    public Uni<Long> updateGroup(String id, GroupInputs.UpdateGroup input) {
        validator.check("input", input);
        long groupId = Ids.parse(id, "LeadingGroup");
        return audit.stamp().chain(() -> groups.findById(groupId)
                .onItem().ifNull().failWith(() -> DubanException.notFound("LeadingGroup", id))
                .chain(group -> {
                    Versions.require(input.expectedVersion(), group.version, "LeadingGroup");
                    return references(group.regionId).chain(refs -> groups.inRegion(group.regionId).chain(existing -> {
                        if (input.name() != null) {
                            requireFreeName(existing, input.name().strip(), group.id);
                            group.name = input.name().strip();
                        }
                        if (input.shortName() != null) {
                            group.shortName = blankToNull(input.shortName());
                        }
                        if (input.officeUnitId() != null) {
                            group.officeUnitId = refs.unit(input.officeUnitId(), "input.officeUnitId");
                        }
                        if (input.officeDirectorName() != null) {
                            group.officeDirectorName = blankToNull(input.officeDirectorName());
                        }
                        group.touch(clock.instant());
                        Uni<Void> account = input.officeDirectorAccountId() == null ? Uni.createFrom().voidItem()
                                : requireAccount(input.officeDirectorAccountId(), "input.officeDirectorAccountId")
                                        .invoke(accountId -> group.officeDirectorAccountId = accountId)
                                        .replaceWithVoid();
                        if (input.members() == null) {
                            return account.replaceWith(group.id);
                        }
                        List<LeadingGroupMemberEntity> newMembers = toMembers(input.members(), refs);
                        return account.chain(() -> requireMemberAccounts(newMembers))
                                .chain(() -> members.delete("groupId", group.id))
                                .chain(() -> persistMembers(group.id, newMembers))
                                .replaceWith(group.id);
                    }));
                }));
    }

    private List<LeadingGroupMemberEntity> toMembers(List<GroupInputs.MemberInput> inputs, References refs) {
        List<LeadingGroupMemberEntity> result = new ArrayList<>();
        if (inputs == null) {
            return result;
        }
        for (int i = 0; i < inputs.size(); i++) {
            GroupInputs.MemberInput input = inputs.get(i);
            String field = "input.members[" + i + "]";
            if (input == null) {
                throw DubanException.validation(field, "is required");
            }
            LeadingGroupMemberEntity member = new LeadingGroupMemberEntity();
            member.ordinal = i + 1;
            member.personName = blankToNull(input.personName());
            member.title = blankToNull(input.title());
            member.role = input.role();
            member.unitId = refs.unit(input.unitId(), field + ".unitId");
            member.unitSetId = refs.listedSet(input.unitSetId(), field + ".unitSetId");
            member.accountId = Ids.parseOptional(input.accountId(), "Account");
            if (member.personName == null && member.unitId == null && member.unitSetId == null) {
                throw DubanException.validation(field, "name a person, a unit or a unit set");
            }
            result.add(member);
        }
        return result;
    }

    private Uni<Void> persistMembers(long groupId, List<LeadingGroupMemberEntity> newMembers) {
        newMembers.forEach(m -> m.groupId = groupId);
        return newMembers.isEmpty() ? Uni.createFrom().voidItem() : members.persist(newMembers);
    }

    private Uni<Void> requireMemberAccounts(List<LeadingGroupMemberEntity> newMembers) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < newMembers.size(); i++) {
            Long accountId = newMembers.get(i).accountId;
            if (accountId != null) {
                String field = "input.members[" + i + "].accountId";
                chain = chain.chain(() -> requireAccount(String.valueOf(accountId), field)).replaceWithVoid();
            }
        }
        return chain;
    }

    private Uni<Long> requireAccount(String accountId, String field) {
        Long id = blankToNull(accountId) == null ? null : Ids.parseOptional(accountId, "Account");
        if (id == null) {
            return Uni.createFrom().nullItem();
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("select count(*) from account where id = ?1", Long.class)
                        .setParameter(1, id)
                        .getSingleResult())
                .map(count -> {
                    if (count == 0) {
                        throw DubanException.validation(field, "no account " + accountId);
                    }
                    return id;
                });
    }

    private static void requireFreeName(List<LeadingGroupEntity> existing, String name, Long except) {
        for (LeadingGroupEntity other : existing) {
            if (other.name.equals(name) && !other.id.equals(except)) {
                throw DubanException.conflict("A leading group named " + name + " exists already in this region");
            }
        }
    }

    private Uni<References> references(long regionId) {
        return units.inRegion(regionId).chain(regionUnits -> unitSets.inRegion(regionId)
                .map(sets -> new References(regionUnits, sets)));
    }

    /** The units and sets a group of this region may refer to. */
    private record References(List<UnitEntity> units, List<UnitSetEntity> sets) {

        Long unit(String id, String field) {
            if (blankToNull(id) == null) {
                return null;
            }
            long unitId = Ids.parse(id, "Unit");
            if (units.stream().noneMatch(u -> u.id == unitId)) {
                throw DubanException.validation(field, "no unit " + id + " in this region");
            }
            return unitId;
        }

        Long listedSet(String id, String field) {
            if (blankToNull(id) == null) {
                return null;
            }
            long setId = Ids.parse(id, "UnitSet");
            UnitSetEntity set = sets.stream().filter(s -> s.id == setId).findFirst()
                    .orElseThrow(() -> DubanException.validation(field, "no unit set " + id + " in this region"));
            if (!set.kind.canBeGroupMember()) {
                throw DubanException.validation(field, "members cannot refer to another group's member units");
            }
            return setId;
        }
    }
}
