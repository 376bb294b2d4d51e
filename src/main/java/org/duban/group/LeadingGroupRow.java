package org.duban.group;

import org.duban.common.TrackedRow;

import io.vertx.mutiny.sqlclient.Row;

public class LeadingGroupRow extends TrackedRow {

    public Long regionId;

    public String name;

    public String shortName;

    public Long officeUnitId;

    public String officeDirectorName;

    public Long officeDirectorAccountId;

    static LeadingGroupRow from(Row row) {
        LeadingGroupRow group = new LeadingGroupRow();
        group.readTracked(row);
        group.regionId = row.getLong("region_id");
        group.name = row.getString("name");
        group.shortName = row.getString("short_name");
        group.officeUnitId = row.getLong("office_unit_id");
        group.officeDirectorName = row.getString("office_director_name");
        group.officeDirectorAccountId = row.getLong("office_director_account_id");
        return group;
    }
}
