package org.duban.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * {@code unit_set_unit} and {@code task_unit} are tables the V8 triggers keep: after every kind of change they
 * follow from (set members, group members, a set's own row, parcels, adjustments, assignments, and for task_unit's
 * copies of the task the task's deadline, status, recurrence and deletion, V32), each holds exactly what deriving it
 * afresh gives. A missed trigger would leave a unit seeing tasks it no longer has, or none it has, or in the wrong place.
 */
@QuarkusTest
class ResolvedUnitsTest {

    @Inject
    Pool pool;

    @Test
    void theResolvedUnitsFollowEveryChangeTheyDeriveFrom() {
        long region = one("insert into region (code, name) values ('RESOLVE' || " + System.nanoTime() + ", '派生县') returning id");
        long[] units = new long[6];
        for (int i = 0; i < units.length; i++) {
            units[i] = one("insert into unit (region_id, name, kind, created_at, updated_at) values (" + region + ", '派生单位"
                    + i + "', '" + (i >= 4 ? "TOWNSHIP" : "DEPARTMENT") + "', now(), now()) returning id");
        }
        long listed = set(region, "LISTED", null);
        long group = one("insert into leading_group (region_id, name, created_at, updated_at) values (" + region
                + ", '派生小组', now(), now()) returning id");
        long members = set(region, "GROUP_MEMBERS", group);
        long townships = set(region, "PARCEL_TOWNSHIPS", null);
        long plan = one("insert into plan (region_id, document_number, title, issuing_unit_id, issued_on, created_at, updated_at)"
                + " values (" + region + ", '派生〔2030〕' || " + region + ", '派生方案', " + units[0] + ", date '2030-01-01', now(), now())"
                + " returning id");
        long task = one("insert into task (plan_id, code, sort_path, title, created_at, updated_at) values (" + plan
                + ", 'A', '{1}', '甲', now(), now()) returning id");
        assertConsistent("a new set and task");

        steps(
                "insert into task_assignment (task_id, ordinal, unit_id, role) values (" + task + ", 1, " + units[0] + ", 'LEAD')",
                "insert into task_assignment (task_id, ordinal, unit_set_id, role) values (" + task + ", 2, " + listed
                        + ", 'ASSIST'), (" + task + ", 3, " + members + ", 'ASSIST'), (" + task + ", 4, " + townships + ", 'ASSIST')",
                "insert into unit_set_member (set_id, unit_id) values (" + listed + ", " + units[1] + "), (" + listed + ", "
                        + units[0] + ")",
                "insert into leading_group_member (group_id, ordinal, unit_id, role) values (" + group + ", 1, " + units[2]
                        + ", 'LEADER')",
                "insert into leading_group_member (group_id, ordinal, unit_set_id, role) values (" + group + ", 2, " + listed
                        + ", 'MEMBER')",
                "insert into unit_set_member (set_id, unit_id) values (" + listed + ", " + units[3] + ")",
                "insert into parcel (region_id, code, name, township_id, land_use, area_mu, approved_on, created_at, updated_at)"
                        + " values (" + region + ", 'P1', '地块一', " + units[4] + ", 'INDUSTRIAL', 10, date '2030-01-01', now(), now()),"
                        + " (" + region + ", 'P2', '地块二', " + units[5] + ", 'INDUSTRIAL', 10, date '2030-01-01', now(), now())",
                "insert into leading_group_member (group_id, ordinal, unit_set_id, role) values (" + group + ", 3, " + townships
                        + ", 'MEMBER')",
                "update parcel set supplied_on = date '2030-02-01', supply_method = 'SALE' where region_id = " + region + " and code = 'P1'",
                "insert into approval_adjustment (parcel_id, status, requested_on, reason, created_at, updated_at)"
                        + " select id, 'REQUESTED', date '2030-02-01', '调整', now(), now() from parcel where region_id = " + region
                        + " and code = 'P2'",
                "update approval_adjustment set status = 'ADJUSTED', completed_on = date '2030-02-02' where parcel_id in"
                        + " (select id from parcel where region_id = " + region + " and code = 'P2')",
                "delete from unit_set_member where set_id = " + listed + " and unit_id = " + units[0],
                "update leading_group_member set unit_id = " + units[3] + " where group_id = " + group + " and ordinal = 1",
                "update unit_set set leading_group_id = null, kind = 'LISTED' where id = " + members,
                "delete from leading_group_member where group_id = " + group,
                "update task_assignment set unit_id = " + units[1] + " where task_id = " + task + " and ordinal = 1",
                "delete from task_assignment where task_id = " + task + " and ordinal in (2, 4)",
                "update task set deadline = date '2030-06-30' where id = " + task,
                "update task set status = 'IN_PROGRESS' where id = " + task,
                "update task set deadline = null, recurrence = 'FREQ=MONTHLY', start_date = date '2030-01-01' where id = " + task,
                "update task set deleted_at = now() where id = " + task,
                "update task set deleted_at = null, recurrence = null, deadline = date '2030-03-31' where id = " + task);
        assertThat(strings("select unit_id::text from task_unit where task_id = " + task))
                .as("after the last change, only the direct unit is left").containsExactly(String.valueOf(units[1]));
    }

    private void steps(String... statements) {
        for (String statement : statements) {
            pool.withTransaction(sql -> sql.query(statement).execute()).await().atMost(Duration.ofSeconds(10));
            assertConsistent(statement);
        }
    }

    private void assertConsistent(String after) {
        String derived = "select r.*, coalesce(t.deadline, 'infinity'::date), t.status, t.recurrence is not null, t.deleted_at is null"
                + " from resolve_task_units(array(select id from task)) r join task t on t.id = r.task_id";
        String kept = "select task_id, unit_id, role, via_set_id, ordinal, task_due, task_status, task_recurring, task_live from task_unit";
        assertThat(one("select (select count(*) from (" + kept + " except " + derived + ") a)"
                + " + (select count(*) from (" + derived + " except " + kept + ") b)"
                + " + (select count(*) from (select * from unit_set_unit except select * from resolve_set_units(array(select id from unit_set))) c)"
                + " + (select count(*) from (select * from resolve_set_units(array(select id from unit_set)) except select * from unit_set_unit) d)"))
                .as("resolved units as derived afresh, after: " + after).isZero();
    }

    private long set(long region, String kind, Long group) {
        return one("insert into unit_set (region_id, name, kind, leading_group_id, created_at, updated_at) values (" + region
                + ", '派生' || '" + kind + "', '" + kind + "', " + group + ", now(), now()) returning id");
    }

    private long one(String sql) {
        return pool.withTransaction(connection -> connection.query(sql).execute())
                .map(rows -> rows.iterator().next().getLong(0)).await().atMost(Duration.ofSeconds(10));
    }

    private List<String> strings(String sql) {
        return pool.query(sql).execute().map(rows -> {
            List<String> values = new java.util.ArrayList<>();
            for (Row row : rows) {
                values.add(row.getString(0));
            }
            return values;
        }).await().atMost(Duration.ofSeconds(10));
    }
}
