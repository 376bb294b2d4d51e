package org.duban.unit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.duban.common.DubanException;

/**
 * Every name the units of one region go by (full name, short name, aliases). Documents refer to units by
 * any of them, so within a region each may belong to one unit only.
 */
public final class UnitNames {

    private final Map<String, List<UnitRow>> unitsByName = new HashMap<>();

    public UnitNames(List<UnitRow> unitsOfRegion) {
        unitsOfRegion.forEach(this::add);
    }

    public void add(UnitRow unit) {
        for (String name : namesOf(unit)) {
            unitsByName.computeIfAbsent(name, n -> new ArrayList<>()).add(unit);
        }
    }

    /** The unit a document means by {@code reference}; VALIDATION on {@code field} when none or several. */
    public UnitRow resolve(String reference, String field) {
        List<UnitRow> matches = unitsByName.getOrDefault(normalise(reference), List.of());
        if (matches.size() == 1) {
            return matches.get(0);
        }
        throw DubanException.validation(field, matches.isEmpty()
                ? "no unit named " + reference + " in this region"
                : "ambiguous unit name " + reference);
    }

    public Optional<UnitRow> find(String reference) {
        List<UnitRow> matches = unitsByName.getOrDefault(normalise(reference), List.of());
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /**
     * VALIDATION on {@code field} when the unit's parents lead back to it: a region's units form a tree, and a loop
     * would have every walk up it run for ever.
     */
    public void requireNoParentLoop(UnitRow unit, String field) {
        Map<Long, UnitRow> byId = new HashMap<>();
        unitsByName.values().forEach(units -> units.forEach(u -> byId.put(u.id, u)));
        List<String> chain = new ArrayList<>(List.of(unit.name));
        for (UnitRow up = byId.get(unit.parentId); up != null; up = byId.get(up.parentId)) {
            chain.add(up.name);
            if (up == unit || chain.size() > byId.size() + 1) {
                throw DubanException.validation(field, "the units' parents go round in a circle: " + String.join(" → ", chain));
            }
        }
    }

    /** CONFLICT when one of the unit's names already belongs to another unit of the region. */
    public void requireFree(UnitRow unit) {
        for (String name : namesOf(unit)) {
            for (UnitRow other : unitsByName.getOrDefault(name, List.of())) {
                if (other != unit && (unit.id == null || !unit.id.equals(other.id))) {
                    throw DubanException.conflict("The name " + name + " already belongs to unit " + other.id
                            + " (" + other.name + ") in this region");
                }
            }
        }
    }

    static Set<String> namesOf(UnitRow unit) {
        Set<String> names = new LinkedHashSet<>();
        names.add(normalise(unit.name));
        if (unit.shortName != null && !unit.shortName.isBlank()) {
            names.add(normalise(unit.shortName));
        }
        if (unit.aliases != null) {
            for (String alias : unit.aliases) {
                names.add(normalise(alias));
            }
        }
        return names;
    }

    private static String normalise(String name) {
        return name == null ? "" : name.strip();
    }
}
