package org.duban.unit;

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

import static org.duban.common.Text.blankToNull;
import static org.duban.common.Text.stripped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Writes of regions, units and unit sets. Each method is one transaction; it returns the id written. */
@ApplicationScoped
public class UnitService {

    private final AuditTrail audit;
    private final RegionRepository regions;
    private final UnitRepository units;
    private final UnitSetRepository unitSets;
    private final InputValidator validator;
    private final Clock clock;

    UnitService(RegionRepository regions, UnitRepository units, UnitSetRepository unitSets, InputValidator validator,
            Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.regions = regions;
        this.units = units;
        this.unitSets = unitSets;
        this.validator = validator;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Long> createRegion(UnitInputs.CreateRegion input) {
        validator.check("input", input);
        return audit.stamp().chain(() -> regions.byCode(input.code().strip()).chain(existing -> {
            if (existing != null) {
                throw DubanException.conflict("A region with code " + input.code() + " exists already");
            }
            RegionEntity region = new RegionEntity();
            region.code = input.code().strip();
            region.name = input.name().strip();
            return regions.persist(region).map(r -> r.id);
        }));
    }

    @WithTransaction
    public Uni<Long> createUnit(UnitInputs.CreateUnit input) {
        validator.check("input", input);
        long regionId = Ids.parse(input.regionId(), "Region");
        Long parentId = Ids.parseOptional(input.parentId(), "Unit");
        return audit.stamp().chain(() -> regions.findById(regionId)
                .onItem().ifNull().failWith(() -> DubanException.notFound("Region", input.regionId()))
                .chain(region -> units.inRegion(regionId))
                .chain(existing -> {
                    Instant now = clock.instant();
                    UnitEntity unit = new UnitEntity();
                    unit.regionId = regionId;
                    unit.name = input.name().strip();
                    unit.shortName = blankToNull(input.shortName());
                    unit.aliases = stripped(input.aliases());
                    unit.kind = input.kind();
                    unit.parentId = requireParent(existing, parentId, null);
                    unit.touch(now);
                    new UnitNames(existing).requireFree(unit);
                    return units.persist(unit).map(u -> u.id);
                }));
    }

    @WithTransaction
    public Uni<Long> updateUnit(String id, UnitInputs.UpdateUnit input) {
        validator.check("input", input);
        long unitId = Ids.parse(id, "Unit");
        return audit.stamp().chain(() -> units.findById(unitId)
                .onItem().ifNull().failWith(() -> DubanException.notFound("Unit", id))
                .chain(unit -> {
                    Versions.require(input.expectedVersion(), unit.version, "Unit");
                    return units.inRegion(unit.regionId).map(regionUnits -> {
                        apply(input, unit, regionUnits);
                        return unit.id;
                    });
                }));
    }

    private void apply(UnitInputs.UpdateUnit input, UnitEntity unit, List<UnitEntity> regionUnits) {
        if (input.name() != null) {
            unit.name = input.name().strip();
        }
        if (input.shortName() != null) {
            unit.shortName = blankToNull(input.shortName());
        }
        if (input.aliases() != null) {
            unit.aliases = stripped(input.aliases());
        }
        if (input.kind() != null) {
            unit.kind = input.kind();
        }
        if (input.parentId() != null) {
            unit.parentId = requireParent(regionUnits, Ids.parseOptional(input.parentId(), "Unit"), unit.id);
        }
        List<UnitEntity> others = regionUnits.stream().filter(u -> !u.id.equals(unit.id)).toList();
        new UnitNames(others).requireFree(unit);
        unit.touch(clock.instant());
    }

    @WithTransaction
    public Uni<Long> createUnitSet(UnitInputs.CreateUnitSet input) {
        validator.check("input", input);
        long regionId = Ids.parse(input.regionId(), "Region");
        Long groupId = Ids.parseOptional(input.leadingGroupId(), "LeadingGroup");
        List<Long> memberIds = parseAll(input.unitIds());
        if (input.kind() == UnitSetKind.GROUP_MEMBERS && (groupId == null || !memberIds.isEmpty())) {
            throw DubanException.validation("input.leadingGroupId", "a GROUP_MEMBERS set names a leading group and lists no units");
        }
        if (input.kind() != UnitSetKind.GROUP_MEMBERS && groupId != null) {
            throw DubanException.validation("input.leadingGroupId", "only a GROUP_MEMBERS set has a leading group");
        }
        if (input.kind() == UnitSetKind.PARCEL_TOWNSHIPS && !memberIds.isEmpty()) {
            throw DubanException.validation("input.unitIds", "a PARCEL_TOWNSHIPS set follows the parcels; it lists no units");
        }
        return audit.stamp().chain(() -> regions.findById(regionId)
                .onItem().ifNull().failWith(() -> DubanException.notFound("Region", input.regionId()))
                .chain(() -> groupId == null ? Uni.createFrom().voidItem() : requireGroupInRegion(groupId, regionId))
                .chain(() -> requireUnitsInRegion(memberIds, regionId, "input.unitIds"))
                .chain(() -> unitSets.inRegion(regionId))
                .chain(existing -> {
                    requireFreeSetName(existing, input.name().strip(), null);
                    Instant now = clock.instant();
                    UnitSetEntity set = new UnitSetEntity();
                    set.regionId = regionId;
                    set.name = input.name().strip();
                    set.kind = input.kind();
                    set.leadingGroupId = groupId;
                    set.touch(now);
                    return unitSets.persist(set);
                })
                .call(set -> unitSets.flush())
                .call(set -> unitSets.replaceMembers(set.id, memberIds))
                .map(set -> set.id));
    }

    @WithTransaction
    public Uni<Long> updateUnitSet(String id, UnitInputs.UpdateUnitSet input) {
        validator.check("input", input);
        long setId = Ids.parse(id, "UnitSet");
        return audit.stamp().chain(() -> unitSets.findById(setId)
                .onItem().ifNull().failWith(() -> DubanException.notFound("UnitSet", id))
                .chain(set -> {
                    if (input.unitIds() != null && set.kind != UnitSetKind.LISTED) {
                        throw DubanException.validation("input.unitIds",
                                "only a LISTED set lists its units; a " + set.kind + " set resolves them itself");
                    }
                    List<Long> memberIds = parseAll(input.unitIds());
                    Uni<Void> members = input.unitIds() == null ? Uni.createFrom().voidItem()
                            : requireUnitsInRegion(memberIds, set.regionId, "input.unitIds")
                                    .chain(() -> unitSets.replaceMembers(set.id, memberIds));
                    Uni<Void> rename = input.name() == null ? Uni.createFrom().voidItem()
                            : unitSets.inRegion(set.regionId).invoke(existing -> {
                                requireFreeSetName(existing, input.name().strip(), set.id);
                                set.name = input.name().strip();
                            }).replaceWithVoid();
                    set.touch(clock.instant());
                    return rename.chain(() -> members).replaceWith(set.id);
                }));
    }

    private static void requireFreeSetName(List<UnitSetEntity> existing, String name, Long except) {
        for (UnitSetEntity other : existing) {
            if (other.name.equals(name) && !other.id.equals(except)) {
                throw DubanException.conflict("A unit set named " + name + " exists already in this region");
            }
        }
    }

    private Uni<Void> requireGroupInRegion(long groupId, long regionId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("select region_id from leading_group where id = ?1", Long.class)
                        .setParameter(1, groupId)
                        .getResultList())
                .invoke(found -> {
                    if (found.isEmpty() || found.get(0) != regionId) {
                        throw DubanException.notFound("LeadingGroup", groupId);
                    }
                })
                .replaceWithVoid();
    }

    Uni<Void> requireUnitsInRegion(List<Long> unitIds, long regionId, String field) {
        if (unitIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return units.inRegion(regionId).invoke(regionUnits -> {
            for (Long unitId : unitIds) {
                if (regionUnits.stream().noneMatch(u -> u.id.equals(unitId))) {
                    throw DubanException.validation(field, "no unit " + unitId + " in this region");
                }
            }
        }).replaceWithVoid();
    }

    private static Long requireParent(List<UnitEntity> regionUnits, Long parentId, Long unitId) {
        if (parentId == null) {
            return null;
        }
        if (parentId.equals(unitId)) {
            throw DubanException.validation("input.parentId", "a unit cannot be its own parent");
        }
        UnitEntity parent = regionUnits.stream().filter(u -> u.id.equals(parentId)).findFirst()
                .orElseThrow(() -> DubanException.validation("input.parentId", "no unit " + parentId + " in this region"));
        for (UnitEntity up = parent; up != null && up.parentId != null;) {
            if (up.parentId.equals(unitId)) {
                throw DubanException.validation("input.parentId", "the parent would become its own ancestor");
            }
            Long next = up.parentId;
            up = regionUnits.stream().filter(u -> u.id.equals(next)).findFirst().orElse(null);
        }
        return parentId;
    }

    private static List<Long> parseAll(List<String> ids) {
        List<Long> parsed = new ArrayList<>();
        if (ids != null) {
            for (String id : ids) {
                Long value = Ids.parse(id, "Unit");
                if (!parsed.contains(value)) {
                    parsed.add(value);
                }
            }
        }
        return parsed;
    }
}
