package org.duban.unit;

import java.util.Arrays;
import java.util.List;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.duban.common.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("Unit")
@Description("A government body that can be responsible for tasks (责任单位).")
public record Unit(
        @Id @GlobalId(IdKind.UNIT) long id,
        @NonNull String name,
        @Description("The name documents usually use, e.g. 县自然资源局") String shortName,
        @NonNull @Description("Other names the unit goes by; the plan importer matches them") List<@NonNull String> aliases,
        @NonNull UnitKind kind,
        @Ignore long regionId,
        @Ignore Long parentId) implements Node {

    /** The unit columns of alias {@code u}, named with {@code prefix}, for {@link #from(Row, String)}. */
    public static String columns(String alias, String prefix) {
        return String.join(", ",
                alias + ".id as " + prefix + "id",
                alias + ".name as " + prefix + "name",
                alias + ".short_name as " + prefix + "short_name",
                alias + ".aliases as " + prefix + "aliases",
                alias + ".kind as " + prefix + "kind",
                alias + ".region_id as " + prefix + "region_id",
                alias + ".parent_id as " + prefix + "parent_id");
    }

    public static Unit from(Row row, String prefix) {
        String[] aliases = row.getArrayOfStrings(prefix + "aliases");
        return new Unit(
                row.getLong(prefix + "id"),
                row.getString(prefix + "name"),
                row.getString(prefix + "short_name"),
                aliases == null ? List.of() : Arrays.asList(aliases),
                UnitKind.valueOf(row.getString(prefix + "kind")),
                row.getLong(prefix + "region_id"),
                row.getLong(prefix + "parent_id"));
    }
}
