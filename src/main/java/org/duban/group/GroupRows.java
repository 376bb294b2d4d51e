package org.duban.group;

import java.util.List;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.sql.Rows;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one writer of {@code leading_group} and {@code leading_group_member}, and the reads a write takes of them;
 * every method runs in the caller's transaction (editing by hand, importing a plan file).
 */
@ApplicationScoped
public class GroupRows {

    private static final String GROUP = "select id, region_id, name, short_name, office_unit_id, office_director_name,"
            + " office_director_account_id, created_at, updated_at, version from leading_group";

    public Uni<LeadingGroupRow> group(SqlClient sql, long id) {
        return sql.preparedQuery(GROUP + " where id = $1").execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, LeadingGroupRow::from));
    }

    public Uni<List<LeadingGroupRow>> inRegion(SqlClient sql, long regionId) {
        return sql.preparedQuery(GROUP + " where region_id = $1 order by id").execute(Tuple.of(regionId))
                .map(rows -> Rows.map(rows, LeadingGroupRow::from));
    }

    public Uni<Void> insert(SqlClient sql, LeadingGroupRow group) {
        return Rows.insert(sql, "insert into leading_group (region_id, name, short_name, office_unit_id, office_director_name,"
                + " office_director_account_id, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id",
                group.regionId, group.name, group.shortName, group.officeUnitId,
                group.officeDirectorName, group.officeDirectorAccountId, Rows.utc(group.createdAt),
                Rows.utc(group.updatedAt))
                .invoke(id -> group.id = id).replaceWithVoid();
    }

    public Uni<Void> update(SqlClient sql, LeadingGroupRow group) {
        return Rows.update(sql, "update leading_group set name = $3, short_name = $4, office_unit_id = $5,"
                + " office_director_name = $6, office_director_account_id = $7, updated_at = $8, version = version + 1"
                + " where id = $1 and version = $2", group, "LeadingGroup",
                group.name, group.shortName, group.officeUnitId,
                group.officeDirectorName, group.officeDirectorAccountId, Rows.utc(group.updatedAt));
    }

    /**
     * Links the account to the leaders of the region's leading groups that have none, so that escalated reminders
     * reach it rather than only the office's administrators (the demo's county leader).
     */
    public Uni<Void> linkLeaderAccount(SqlClient sql, String regionCode, String username) {
        return sql.preparedQuery("update leading_group_member m set account_id = a.id from account a, leading_group g, region r"
                + " where a.username = $1 and g.id = m.group_id and r.id = g.region_id and r.code = $2"
                + " and m.role = 'LEADER' and m.account_id is null")
                .execute(Tuple.of(username, regionCode))
                .replaceWithVoid();
    }

    /** Makes the group's members these, in this order. */
    public Uni<Void> replaceMembers(SqlClient sql, long groupId, List<LeadingGroupMemberRow> members) {
        return sql.preparedQuery("delete from leading_group_member where group_id = $1").execute(Tuple.of(groupId))
                .chain(() -> members.isEmpty() ? Uni.createFrom().voidItem() : sql
                        .preparedQuery("insert into leading_group_member (group_id, ordinal, person_name, title, unit_id,"
                                + " unit_set_id, role, account_id) select $1, * from unnest($2::int[], $3::text[], $4::text[],"
                                + " $5::bigint[], $6::bigint[], $7::text[], $8::bigint[])")
                        .execute(Tuple.from(new Object[] { groupId,
                                IntStream.rangeClosed(1, members.size()).boxed().toArray(Integer[]::new),
                                members.stream().map(m -> m.personName).toArray(String[]::new),
                                members.stream().map(m -> m.title).toArray(String[]::new),
                                members.stream().map(m -> m.unitId).toArray(Long[]::new),
                                members.stream().map(m -> m.unitSetId).toArray(Long[]::new),
                                members.stream().map(m -> Rows.name(m.role)).toArray(String[]::new),
                                members.stream().map(m -> m.accountId).toArray(Long[]::new) }))
                        .replaceWithVoid());
    }
}
