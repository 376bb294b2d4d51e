package org.duban.group;

import static org.duban.common.sql.Rows.map;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class GroupQueries {

    private final Pool pool;

    GroupQueries(Pool pool) {
        this.pool = pool;
    }

    /** The groups of one region, or of all, among the regions {@code within}. */
    public Uni<List<LeadingGroup>> groups(Long regionId, Long[] within) {
        return pool.preparedQuery("select " + LeadingGroup.COLUMNS + " from leading_group g where g.region_id = any ($2)"
                + " and ($1::bigint is null or g.region_id = $1) order by g.region_id, g.name")
                .execute(Tuple.of(regionId, within))
                .map(rows -> map(rows, LeadingGroup::from));
    }

    public Uni<List<LeadingGroup>> groupsByIds(Long[] ids) {
        return pool.preparedQuery("select " + LeadingGroup.COLUMNS + " from leading_group g where g.id = any($1)")
                .execute(Tuple.of(ids))
                .map(rows -> map(rows, LeadingGroup::from));
    }

    public Uni<List<LeadingGroupMember>> membersOfGroups(Long[] groupIds) {
        return pool.preparedQuery("select " + LeadingGroupMember.COLUMNS + " from leading_group_member m"
                + " where m.group_id = any($1) order by m.group_id, m.ordinal, m.id")
                .execute(Tuple.of(groupIds))
                .map(rows -> map(rows, LeadingGroupMember::from));
    }

    /** The groups steering each plan, as (plan id, group) pairs. */
    public Uni<List<PlanGroup>> groupsOfPlans(Long[] planIds) {
        return pool.preparedQuery("select pg.plan_id, " + LeadingGroup.COLUMNS + " from plan_leading_group pg"
                + " join leading_group g on g.id = pg.group_id where pg.plan_id = any($1) order by pg.plan_id, g.name")
                .execute(Tuple.of(planIds))
                .map(rows -> map(rows, row -> new PlanGroup(row.getLong("plan_id"), LeadingGroup.from(row))));
    }

    public record PlanGroup(long planId, LeadingGroup group) {
    }
}
