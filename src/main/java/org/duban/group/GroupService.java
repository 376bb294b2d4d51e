package org.duban.group;

import static org.duban.common.Text.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.InputValidator;
import org.duban.common.Versions;
import org.duban.unit.UnitRow;
import org.duban.unit.UnitRows;
import org.duban.unit.UnitSetRow;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Writes of leading groups and their members; each method is one transaction returning the group id. */
@ApplicationScoped
public class GroupService {

    private final AuditTrail audit;
    private final Pool pool;
    private final GroupRows groups;
    private final UnitRows units;
    private final InputValidator validator;
    private final Clock clock;

    GroupService(GroupRows groups, UnitRows units, InputValidator validator, Clock clock, AuditTrail audit, Pool pool) {
        this.audit = audit;
        this.pool = pool;
        this.groups = groups;
        this.units = units;
        this.validator = validator;
        this.clock = clock;
    }

    /** See {@link GroupRows#linkLeaderAccount}. */
    public Uni<Void> linkLeaderAccount(String regionCode, String username) {
        return groups.linkLeaderAccount(pool, regionCode, username);
    }

    public Uni<Long> createGroup(GroupInputs.CreateGroup input) {
        validator.check("input", input);
        long regionId = Ids.parse(input.regionId(), IdKind.REGION);
        return audit.withTransaction(sql -> units.region(sql, regionId)
                .onItem().ifNull().failWith(() -> DubanException.notFound("Region", input.regionId()))
                .chain(region -> references(sql, regionId))
                .chain(refs -> groups.inRegion(sql, regionId).chain(existing -> {
                    String name = input.name().strip();
                    requireFreeName(existing, name, null);
                    Instant now = clock.instant();
                    LeadingGroupRow group = new LeadingGroupRow();
                    group.regionId = regionId;
                    group.name = name;
                    group.shortName = blankToNull(input.shortName());
                    group.officeUnitId = refs.unit(input.officeUnitId(), "input.officeUnitId");
                    group.officeDirectorName = blankToNull(input.officeDirectorName());
                    group.touch(now);
                    List<LeadingGroupMemberRow> newMembers = toMembers(input.members(), refs);
                    return requireAccount(sql, input.officeDirectorAccountId(), "input.officeDirectorAccountId")
                            .invoke(accountId -> group.officeDirectorAccountId = accountId)
                            .chain(() -> requireMemberAccounts(sql, newMembers))
                            .chain(() -> groups.insert(sql, group))
                            .chain(() -> groups.replaceMembers(sql, group.id, newMembers))
                            .map(done -> group.id);
                })));
    }

    public Uni<Long> updateGroup(String id, GroupInputs.UpdateGroup input) {
        validator.check("input", input);
        long groupId = Ids.parse(id, IdKind.LEADING_GROUP);
        return audit.withTransaction(sql -> groups.group(sql, groupId)
                .onItem().ifNull().failWith(() -> DubanException.notFound("LeadingGroup", id))
                .chain(group -> {
                    Versions.require(input.expectedVersion(), group.version, "LeadingGroup");
                    return references(sql, group.regionId).chain(refs -> groups.inRegion(sql, group.regionId).chain(existing -> {
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
                                : requireAccount(sql, input.officeDirectorAccountId(), "input.officeDirectorAccountId")
                                        .invoke(accountId -> group.officeDirectorAccountId = accountId)
                                        .replaceWithVoid();
                        Uni<Void> saved = account.chain(() -> groups.update(sql, group));
                        if (input.members() == null) {
                            return saved.replaceWith(group.id);
                        }
                        List<LeadingGroupMemberRow> newMembers = toMembers(input.members(), refs);
                        return saved.chain(() -> requireMemberAccounts(sql, newMembers))
                                .chain(() -> groups.replaceMembers(sql, group.id, newMembers))
                                .replaceWith(group.id);
                    }));
                }));
    }

    private List<LeadingGroupMemberRow> toMembers(List<GroupInputs.MemberInput> inputs, References refs) {
        List<LeadingGroupMemberRow> result = new ArrayList<>();
        if (inputs == null) {
            return result;
        }
        for (int i = 0; i < inputs.size(); i++) {
            GroupInputs.MemberInput input = inputs.get(i);
            String field = "input.members[" + i + "]";
            if (input == null) {
                throw DubanException.validation(field, "is required");
            }
            LeadingGroupMemberRow member = new LeadingGroupMemberRow();
            member.personName = blankToNull(input.personName());
            member.title = blankToNull(input.title());
            member.role = input.role();
            member.unitId = refs.unit(input.unitId(), field + ".unitId");
            member.unitSetId = refs.listedSet(input.unitSetId(), field + ".unitSetId");
            member.accountId = Ids.parseOptional(input.accountId(), IdKind.ACCOUNT);
            if (member.personName == null && member.unitId == null && member.unitSetId == null) {
                throw DubanException.validation(field, "name a person, a unit or a unit set");
            }
            result.add(member);
        }
        return result;
    }

    private static Uni<Void> requireMemberAccounts(SqlClient sql, List<LeadingGroupMemberRow> newMembers) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < newMembers.size(); i++) {
            Long accountId = newMembers.get(i).accountId;
            if (accountId != null) {
                String field = "input.members[" + i + "].accountId";
                chain = chain.chain(() -> requireAccount(sql, String.valueOf(accountId), field)).replaceWithVoid();
            }
        }
        return chain;
    }

    private static Uni<Long> requireAccount(SqlClient sql, String accountId, String field) {
        Long id = blankToNull(accountId) == null ? null : Ids.parseOptional(accountId, IdKind.ACCOUNT);
        if (id == null) {
            return Uni.createFrom().nullItem();
        }
        return sql.preparedQuery("select 1 from account where id = $1").execute(Tuple.of(id))
                .map(found -> {
                    if (found.size() == 0) {
                        throw DubanException.validation(field, "no such account");
                    }
                    return id;
                });
    }

    private static void requireFreeName(List<LeadingGroupRow> existing, String name, Long except) {
        for (LeadingGroupRow other : existing) {
            if (other.name.equals(name) && !other.id.equals(except)) {
                throw DubanException.conflict("A leading group named " + name + " exists already in this region");
            }
        }
    }

    private Uni<References> references(SqlClient sql, long regionId) {
        return units.unitsInRegion(sql, regionId).chain(regionUnits -> units.setsInRegion(sql, regionId)
                .map(sets -> new References(regionUnits, sets)));
    }

    /** The units and sets a group of this region may refer to. */
    private record References(List<UnitRow> units, List<UnitSetRow> sets) {

        Long unit(String id, String field) {
            if (blankToNull(id) == null) {
                return null;
            }
            long unitId = Ids.parse(id, IdKind.UNIT);
            if (units.stream().noneMatch(u -> u.id == unitId)) {
                throw DubanException.validation(field, "no such unit in this region");
            }
            return unitId;
        }

        Long listedSet(String id, String field) {
            if (blankToNull(id) == null) {
                return null;
            }
            long setId = Ids.parse(id, IdKind.UNIT_SET);
            UnitSetRow set = sets.stream().filter(s -> s.id == setId).findFirst()
                    .orElseThrow(() -> DubanException.validation(field, "no such unit set in this region"));
            if (!set.kind.canBeGroupMember()) {
                throw DubanException.validation(field, "members cannot refer to another group's member units");
            }
            return setId;
        }
    }
}
