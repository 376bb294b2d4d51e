package org.duban.unit;

import io.vertx.mutiny.sqlclient.Row;

public class RegionRow {

    public Long id;

    public String code;

    public String name;

    public Long parentId;

    static RegionRow from(Row row) {
        RegionRow region = new RegionRow();
        region.id = row.getLong("id");
        region.code = row.getString("code");
        region.name = row.getString("name");
        region.parentId = row.getLong("parent_id");
        return region;
    }
}
