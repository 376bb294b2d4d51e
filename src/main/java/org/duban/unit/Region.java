package org.duban.unit;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("Region")
@Description("An administrative region (province, city, county or township) in the tree of divisions; unit names are "
        + "unique within one.")
public record Region(@Id @GlobalId(IdKind.REGION) long id, @NonNull @Description("Administrative division code, e.g. 141029") String code,
        @NonNull String name, @Ignore Long parentId) {

    static final String COLUMNS = "id, code, name, parent_id";

    static Region from(Row row) {
        return new Region(row.getLong("id"), row.getString("code"), row.getString("name"), row.getLong("parent_id"));
    }
}
