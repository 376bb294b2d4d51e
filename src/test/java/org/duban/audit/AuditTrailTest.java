package org.duban.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.duban.support.TestAccounts;
import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The audit trail (留痕): who changed what, before and after; written with the change, never rewritten. */
@QuarkusTest
class AuditTrailTest {

    @Inject
    Pool pool;

    @Test
    void aChangeIsRecordedWithWhoWhenWhatBeforeAndAfter() {
        TestPlans.Names names = TestPlans.fresh("audit");
        String planId = TestPlans.importPlan(TestPlans.document(names, "- { code: A1, title: 甲, deadline: 2031-05-05 }"));
        String task = TestPlans.taskIds(planId).get("A1");
        ok(run("admin", "update-task", "id", task, "input", Map.of("title", "甲（修订）")));
        ok(run("admin", "assign-units", "taskId", task, "assignments",
                List.of(Map.of("unitId", TestPlans.unitId(names.regionCode(), "测试县甲局"), "role", "LEAD"))));

        JsonPath log = ok(run("leader", "audit-log", "filter", Map.of("entityType", "Task", "entityId", task)));
        Map<String, Object> update = log.getMap("data.auditLog.edges.find { it.node.operation == 'updateTask' }.node");
        assertThat(update.get("actorName")).isEqualTo("admin");
        assertThat(update.get("action")).isEqualTo("UPDATE");
        assertThat(new JsonObject((String) update.get("before")).getString("title")).isEqualTo("甲");
        assertThat(new JsonObject((String) update.get("after")).getString("title")).isEqualTo("甲（修订）");

        JsonPath history = ok(run("admin", "task-history", "id", task));
        assertThat(history.getList("data.task.history.operation", String.class)).startsWith("assignUnits").contains("updateTask");
        assertThat(history.getList("data.task.history.entityType", String.class)).contains("TaskAssignment", "Task");
        assertThat(ok(run("admin", "audit-log", "filter", Map.of("entityType", "Task", "entityId", task, "actorId", "999999")))
                .getList("data.auditLog.edges")).isEmpty();
    }

    @Test
    void aRefusedChangeLeavesNoEntryAndSecretsNeverEnterOne() {
        TestPlans.Names names = TestPlans.fresh("audit-refused");
        String planId = TestPlans.importPlan(TestPlans.document(names, "- { code: A1, title: 甲 }"));
        String task = TestPlans.taskIds(planId).get("A1");
        long before = entries(task);
        assertThat(errorCode(run("admin", "update-task", "id", task, "input", Map.of("title", "")))).isEqualTo("VALIDATION");
        assertThat(errorCode(run("admin", "change-task-status", "id", task, "status", "SIGNED_OFF"))).isEqualTo("INVALID_TRANSITION");
        assertThat(entries(task)).isEqualTo(before);

        String user = "audit-" + names.regionCode();
        long account = TestAccounts.create(pool, user, "审计", TestIds.key(TestPlans.unitId(names.regionCode(), "测试县甲局")), null);
        ok(run(user, "rotate-calendar-feed"));
        ok(run(user, "change-password", "oldPassword", "demo", "newPassword", "Shenji-2031-x")); // its token dies here
        List<String> rows = pool.preparedQuery("select coalesce(before::text, '') || coalesce(after::text, '') as row from audit_log"
                + " where entity_type = 'User' and entity_id = $1").execute(Tuple.of(String.valueOf(account)))
                .await().indefinitely().stream().map(r -> r.getString("row")).toList();
        assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row).doesNotContain("password_hash", "calendar_feed_digest", "$2a$"));
    }

    @Test
    void entriesCannotBeChangedOrDeletedEvenFromSql() {
        for (String sql : List.of("update audit_log set operation = 'x'", "delete from audit_log", "truncate audit_log")) {
            assertThatThrownBy(() -> pool.query(sql).execute().await().indefinitely()).as(sql)
                    .hasMessageContaining("append-only");
        }
    }

    private long entries(String taskId) {
        return pool.preparedQuery("select count(*) as n from audit_log where task_id = $1").execute(Tuple.of(TestIds.key(taskId)))
                .await().indefinitely().iterator().next().getLong("n");
    }
}
