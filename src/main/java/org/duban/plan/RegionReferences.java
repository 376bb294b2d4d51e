package org.duban.plan;

import static org.duban.common.Text.blankToNull;

import java.util.List;

import org.duban.common.DubanException;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.group.GroupRows;
import org.duban.group.LeadingGroupRow;
import org.duban.unit.UnitRow;
import org.duban.unit.UnitRows;
import org.duban.unit.UnitSetRow;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * The units, unit sets and leading groups of one region, loaded once per write: a plan may only refer to
 * those of its own region.
 */
public record RegionReferences(long regionId, List<UnitRow> units, List<UnitSetRow> sets, List<LeadingGroupRow> groups) {

    static Uni<RegionReferences> load(SqlClient sql, UnitRows unitRows, GroupRows groupRows, long regionId) {
        return unitRows.unitsInRegion(sql, regionId)
                .chain(units -> unitRows.setsInRegion(sql, regionId)
                        .chain(sets -> groupRows.inRegion(sql, regionId).map(groups -> new RegionReferences(regionId, units, sets,
                                groups))));
    }

    public Long unitId(String id, String field) {
        if (blankToNull(id) == null) {
            return null;
        }
        long unitId = Ids.parse(id, IdKind.UNIT);
        if (units.stream().noneMatch(u -> u.id == unitId)) {
            throw DubanException.validation(field, "no such unit in the plan's region");
        }
        return unitId;
    }

    public Long setId(String id, String field) {
        if (blankToNull(id) == null) {
            return null;
        }
        long setId = Ids.parse(id, IdKind.UNIT_SET);
        if (sets.stream().noneMatch(s -> s.id == setId)) {
            throw DubanException.validation(field, "no such unit set in the plan's region");
        }
        return setId;
    }

    public Long groupId(String id, String field) {
        long groupId = Ids.parse(id, IdKind.LEADING_GROUP);
        if (groups.stream().noneMatch(g -> g.id == groupId)) {
            throw DubanException.validation(field, "no such leading group in the plan's region");
        }
        return groupId;
    }
}
