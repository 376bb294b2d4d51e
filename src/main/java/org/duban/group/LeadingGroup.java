package org.duban.group;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("LeadingGroup")
@Description("A leading group or task force (领导小组 / 工作专班) steering a plan, with an office (办公室).")
public record LeadingGroup(
        @Id @GlobalId(IdKind.LEADING_GROUP) long id,
        @NonNull String name,
        String shortName,
        @Description("The director of the group's office (办公室主任)") String officeDirectorName,
        @NonNull Integer version,
        @Ignore long regionId,
        @Ignore Long officeUnitId) {

    static final String COLUMNS = "g.id, g.name, g.short_name, g.office_director_name, g.version, g.region_id, g.office_unit_id";

    static LeadingGroup from(Row row) {
        return new LeadingGroup(row.getLong("id"), row.getString("name"), row.getString("short_name"),
                row.getString("office_director_name"), row.getInteger("version"), row.getLong("region_id"),
                row.getLong("office_unit_id"));
    }
}
