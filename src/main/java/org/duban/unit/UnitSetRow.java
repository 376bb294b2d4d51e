package org.duban.unit;

import org.duban.common.TrackedRow;
import org.duban.common.sql.Rows;

import io.vertx.mutiny.sqlclient.Row;

public class UnitSetRow extends TrackedRow {

    public Long regionId;

    public String name;

    public UnitSetKind kind;

    public Long leadingGroupId;

    /** For UNITS_OF_KIND: the kind of unit the set stands for. */
    public UnitKind unitKind;

    /** For UNITS_OF_KIND: only the units of the kind directly under this one (各街道 of a district); null for the region's. */
    public Long parentUnitId;

    /** Other names documents write for the set; the plan importer matches them as it matches the name. */
    public String[] aliases = new String[0];

    static UnitSetRow from(Row row) {
        UnitSetRow set = new UnitSetRow();
        set.readTracked(row);
        set.regionId = row.getLong("region_id");
        set.name = row.getString("name");
        set.kind = Rows.enumOf(row, "kind", UnitSetKind.class);
        set.leadingGroupId = row.getLong("leading_group_id");
        set.unitKind = Rows.enumOf(row, "unit_kind", UnitKind.class);
        set.parentUnitId = row.getLong("parent_unit_id");
        set.aliases = row.getArrayOfStrings("aliases");
        return set;
    }
}
