package org.duban.unit;

import static org.duban.common.Text.blankToNull;
import static org.duban.common.Text.stripped;

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

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Writes of regions, units and unit sets. Each method is one transaction; it returns the id written. */
@ApplicationScoped
public class UnitService {

    private final AuditTrail audit;
    private final UnitRows rows;
    private final InputValidator validator;
    private final Clock clock;

    UnitService(UnitRows rows, InputValidator validator, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.rows = rows;
        this.validator = validator;
        this.clock = clock;
    }

    /** A region, under the parent its division code belongs to when one is named. */
    public Uni<Long> createRegion(UnitInputs.CreateRegion input) {
        validator.check("input", input);
        String code = input.code().strip();
        Long parentId = Ids.parseOptional(input.parentId(), IdKind.REGION);
        return audit.withTransaction(sql -> rows.regionByCode(sql, code).chain(existing -> {
            if (existing != null) {
                throw DubanException.conflict("A region with code " + input.code() + " exists already");
            }
            return parentId == null ? Uni.createFrom().<RegionRow> nullItem() : rows.regionById(sql, parentId);
        }).chain(parent -> {
            if (parentId != null) {
                requireUnder(code, parent, input.parentId());
            }
            RegionRow region = new RegionRow();
            region.code = code;
            region.name = input.name().strip();
            region.parentId = parentId;
            return rows.insert(sql, region).map(done -> region.id);
        }));
    }

    /** Renames a region or places it, with everything below it, under another parent. */
    public Uni<Long> updateRegion(String id, UnitInputs.UpdateRegion input) {
        validator.check("input", input);
        long regionId = Ids.parse(id, IdKind.REGION);
        Long parentId = Ids.parseOptional(input.parentId(), IdKind.REGION);
        return audit.withTransaction(sql -> rows.regionById(sql, regionId)
                .onItem().ifNull().failWith(() -> DubanException.notFound("Region", id))
                .chain(region -> (parentId == null ? Uni.createFrom().<RegionRow> nullItem() : rows.regionById(sql, parentId))
                        .chain(parent -> {
                            if (parentId != null) {
                                requireUnder(region.code, parent, input.parentId());
                                region.parentId = parentId;
                            }
                            if (input.name() != null) {
                                region.name = input.name().strip();
                            }
                            return rows.updateRegion(sql, region).replaceWith(region.id);
                        })));
    }

    /** 141029 belongs under 141000 and 140000, never under 142000: the code says where a division sits. */
    private static void requireUnder(String code, RegionRow parent, String parentId) {
        if (parent == null) {
            throw DubanException.notFound("Region", parentId);
        }
        String prefix = RegionLevel.prefixOf(parent.code);
        if (code.length() < parent.code.length() || code.equals(parent.code) || !code.startsWith(prefix)) {
            throw DubanException.validation("input.parentId", "division " + code + " does not belong under " + parent.code
                    + " " + parent.name);
        }
    }

    public Uni<Long> createUnit(UnitInputs.CreateUnit input) {
        validator.check("input", input);
        long regionId = Ids.parse(input.regionId(), IdKind.REGION);
        Long parentId = Ids.parseOptional(input.parentId(), IdKind.UNIT);
        return audit.withTransaction(sql -> rows.region(sql, regionId)
                .onItem().ifNull().failWith(() -> DubanException.notFound("Region", input.regionId()))
                .chain(region -> rows.unitsInRegion(sql, regionId))
                .chain(existing -> {
                    Instant now = clock.instant();
                    UnitRow unit = new UnitRow();
                    unit.regionId = regionId;
                    unit.name = input.name().strip();
                    unit.shortName = blankToNull(input.shortName());
                    unit.aliases = stripped(input.aliases());
                    unit.kind = input.kind();
                    unit.parentId = requireParent(existing, parentId, null);
                    unit.touch(now);
                    new UnitNames(existing).requireFree(unit);
                    return rows.insert(sql, unit).map(done -> unit.id);
                }));
    }

    public Uni<Long> updateUnit(String id, UnitInputs.UpdateUnit input) {
        validator.check("input", input);
        long unitId = Ids.parse(id, IdKind.UNIT);
        return audit.withTransaction(sql -> rows.unit(sql, unitId)
                .onItem().ifNull().failWith(() -> DubanException.notFound("Unit", id))
                .chain(unit -> {
                    Versions.require(input.expectedVersion(), unit.version, "Unit");
                    return rows.unitsInRegion(sql, unit.regionId)
                            .chain(regionUnits -> {
                                apply(input, unit, regionUnits);
                                return rows.update(sql, unit);
                            })
                            .map(done -> unit.id);
                }));
    }

    private void apply(UnitInputs.UpdateUnit input, UnitRow unit, List<UnitRow> regionUnits) {
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
            unit.parentId = requireParent(regionUnits, Ids.parseOptional(input.parentId(), IdKind.UNIT), unit.id);
        }
        List<UnitRow> others = regionUnits.stream().filter(u -> !u.id.equals(unit.id)).toList();
        new UnitNames(others).requireFree(unit);
        unit.touch(clock.instant());
    }

    public Uni<Long> createUnitSet(UnitInputs.CreateUnitSet input) {
        validator.check("input", input);
        long regionId = Ids.parse(input.regionId(), IdKind.REGION);
        Long groupId = Ids.parseOptional(input.leadingGroupId(), IdKind.LEADING_GROUP);
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
        if ((input.kind() == UnitSetKind.UNITS_OF_KIND) != (input.unitKind() != null)) {
            throw DubanException.validation("input.unitKind", "a UNITS_OF_KIND set names a unit kind, and only it");
        }
        if (input.kind() == UnitSetKind.UNITS_OF_KIND && !memberIds.isEmpty()) {
            throw DubanException.validation("input.unitIds", "a UNITS_OF_KIND set follows the units; it lists no units");
        }
        Long parentUnitId = Ids.parseOptional(input.parentUnitId(), IdKind.UNIT);
        if (parentUnitId != null && input.kind() != UnitSetKind.UNITS_OF_KIND) {
            throw DubanException.validation("input.parentUnitId", "only a UNITS_OF_KIND set has a parent unit");
        }
        return audit.withTransaction(sql -> rows.region(sql, regionId)
                .onItem().ifNull().failWith(() -> DubanException.notFound("Region", input.regionId()))
                .chain(() -> groupId == null ? Uni.createFrom().voidItem() : requireGroupInRegion(sql, groupId, regionId))
                .chain(() -> requireUnitsInRegion(sql, memberIds, regionId, "input.unitIds"))
                .chain(() -> requireUnitsInRegion(sql, parentUnitId == null ? List.of() : List.of(parentUnitId), regionId,
                        "input.parentUnitId"))
                .chain(() -> rows.setsInRegion(sql, regionId))
                .chain(existing -> {
                    requireFreeSetName(existing, input.name().strip(), null);
                    Instant now = clock.instant();
                    UnitSetRow set = new UnitSetRow();
                    set.regionId = regionId;
                    set.name = input.name().strip();
                    set.kind = input.kind();
                    set.leadingGroupId = groupId;
                    set.unitKind = input.unitKind();
                    set.parentUnitId = parentUnitId;
                    set.aliases = stripped(input.aliases());
                    set.touch(now);
                    return rows.insert(sql, set)
                            .chain(() -> rows.replaceMembers(sql, set.id, memberIds))
                            .map(done -> set.id);
                }));
    }

    public Uni<Long> updateUnitSet(String id, UnitInputs.UpdateUnitSet input) {
        validator.check("input", input);
        long setId = Ids.parse(id, IdKind.UNIT_SET);
        return audit.withTransaction(sql -> rows.unitSet(sql, setId)
                .onItem().ifNull().failWith(() -> DubanException.notFound("UnitSet", id))
                .chain(set -> {
                    if (input.unitIds() != null && set.kind != UnitSetKind.LISTED) {
                        throw DubanException.validation("input.unitIds",
                                "only a LISTED set lists its units; a " + set.kind + " set resolves them itself");
                    }
                    List<Long> memberIds = parseAll(input.unitIds());
                    Uni<Void> members = input.unitIds() == null ? Uni.createFrom().voidItem()
                            : requireUnitsInRegion(sql, memberIds, set.regionId, "input.unitIds")
                                    .chain(() -> rows.replaceMembers(sql, set.id, memberIds));
                    Uni<Void> rename = input.name() == null ? Uni.createFrom().voidItem()
                            : rows.setsInRegion(sql, set.regionId).invoke(existing -> {
                                requireFreeSetName(existing, input.name().strip(), set.id);
                                set.name = input.name().strip();
                            }).replaceWithVoid();
                    if (input.aliases() != null) {
                        set.aliases = stripped(input.aliases());
                    }
                    set.touch(clock.instant());
                    return rename.chain(() -> members).chain(() -> rows.update(sql, set)).replaceWith(set.id);
                }));
    }

    private static void requireFreeSetName(List<UnitSetRow> existing, String name, Long except) {
        for (UnitSetRow other : existing) {
            if (other.name.equals(name) && !other.id.equals(except)) {
                throw DubanException.conflict("A unit set named " + name + " exists already in this region");
            }
        }
    }

    private static Uni<Void> requireGroupInRegion(SqlClient sql, long groupId, long regionId) {
        return sql.preparedQuery("select 1 from leading_group where id = $1 and region_id = $2")
                .execute(Tuple.of(groupId, regionId))
                .invoke(found -> {
                    if (found.size() == 0) {
                        throw DubanException.notFound("LeadingGroup", groupId);
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> requireUnitsInRegion(SqlClient sql, List<Long> unitIds, long regionId, String field) {
        if (unitIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return rows.unitsInRegion(sql, regionId).invoke(regionUnits -> {
            for (Long unitId : unitIds) {
                if (regionUnits.stream().noneMatch(u -> u.id.equals(unitId))) {
                    throw DubanException.validation(field, "no such unit in this region");
                }
            }
        }).replaceWithVoid();
    }

    private static Long requireParent(List<UnitRow> regionUnits, Long parentId, Long unitId) {
        if (parentId == null) {
            return null;
        }
        if (parentId.equals(unitId)) {
            throw DubanException.validation("input.parentId", "a unit cannot be its own parent");
        }
        UnitRow parent = regionUnits.stream().filter(u -> u.id.equals(parentId)).findFirst()
                .orElseThrow(() -> DubanException.validation("input.parentId", "no such unit in this region"));
        for (UnitRow up = parent; up != null && up.parentId != null;) {
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
                Long value = Ids.parse(id, IdKind.UNIT);
                if (!parsed.contains(value)) {
                    parsed.add(value);
                }
            }
        }
        return parsed;
    }
}
