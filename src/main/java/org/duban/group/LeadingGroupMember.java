package org.duban.group;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("LeadingGroupMember")
@Description("A member of a leading group: a person with a title and unit, or members named by reference "
        + "(\"the heads of the township governments concerned\"), which then come from a unit set.")
public record LeadingGroupMember(
        @Id @GlobalId(IdKind.LEADING_GROUP_MEMBER) long id,
        String personName,
        String title,
        @NonNull MemberRole role,
        @Ignore long groupId,
        @Ignore Long unitId,
        @Ignore Long unitSetId) {

    static final String COLUMNS = "m.id, m.person_name, m.title, m.role, m.group_id, m.unit_id, m.unit_set_id";

    static LeadingGroupMember from(Row row) {
        return new LeadingGroupMember(row.getLong("id"), row.getString("person_name"), row.getString("title"),
                MemberRole.valueOf(row.getString("role")), row.getLong("group_id"), row.getLong("unit_id"),
                row.getLong("unit_set_id"));
    }
}
