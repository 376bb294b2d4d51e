package org.duban.unit;

import org.duban.common.TrackedRow;
import org.duban.common.sql.Rows;

import io.vertx.mutiny.sqlclient.Row;

public class UnitRow extends TrackedRow {

    public Long regionId;

    public String name;

    public String shortName;

    public String[] aliases = new String[0];

    public UnitKind kind;

    public Long parentId;

    static UnitRow from(Row row) {
        UnitRow unit = new UnitRow();
        unit.readTracked(row);
        unit.regionId = row.getLong("region_id");
        unit.name = row.getString("name");
        unit.shortName = row.getString("short_name");
        unit.aliases = row.getArrayOfStrings("aliases");
        unit.kind = Rows.enumOf(row, "kind", UnitKind.class);
        unit.parentId = row.getLong("parent_id");
        return unit;
    }
}
