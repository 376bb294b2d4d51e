package org.duban.unit;

import java.util.Arrays;
import java.util.List;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("UnitSet")
@Description("A set of units named by reference in a document (成员单位, 相关乡镇政府). It stands for its members on the day.")
public record UnitSet(
        @Id @GlobalId(IdKind.UNIT_SET) long id,
        @NonNull String name,
        @NonNull @Description("Other names documents write for the set; the plan importer matches them") List<@NonNull String> aliases,
        @NonNull UnitSetKind kind,
        @Description("How many units the set stands for today") int unitCount,
        @Description("Set when nobody is responsible through this set, e.g. a group whose members are not listed")
        String warning,
        @Description("For UNITS_OF_KIND: the kind of unit it stands for") UnitKind unitKind,
        @Ignore long regionId,
        @Ignore Long leadingGroupId,
        @Ignore Long parentUnitId) {

    /** The set columns of alias {@code s}, named with {@code prefix}, including today's member count. */
    public static String columns(String alias, String prefix) {
        return String.join(", ",
                alias + ".id as " + prefix + "id",
                alias + ".name as " + prefix + "name",
                alias + ".aliases as " + prefix + "aliases",
                alias + ".kind as " + prefix + "kind",
                alias + ".region_id as " + prefix + "region_id",
                alias + ".leading_group_id as " + prefix + "leading_group_id",
                alias + ".unit_kind as " + prefix + "unit_kind",
                alias + ".parent_unit_id as " + prefix + "parent_unit_id",
                "(select count(*) from unit_set_unit su where su.set_id = " + alias + ".id)::int as " + prefix + "unit_count");
    }

    public static UnitSet from(Row row, String prefix) {
        int unitCount = row.getInteger(prefix + "unit_count");
        return new UnitSet(
                row.getLong(prefix + "id"),
                row.getString(prefix + "name"),
                Arrays.asList(row.getArrayOfStrings(prefix + "aliases")),
                UnitSetKind.valueOf(row.getString(prefix + "kind")),
                unitCount,
                unitCount == 0 ? "No unit belongs to this set: nobody is responsible through it" : null,
                row.getString(prefix + "unit_kind") == null ? null : UnitKind.valueOf(row.getString(prefix + "unit_kind")),
                row.getLong(prefix + "region_id"),
                row.getLong(prefix + "leading_group_id"),
                row.getLong(prefix + "parent_unit_id"));
    }
}
