package org.duban.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import jakarta.inject.Inject;

import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** A dry run says what importing would create, change and remove, with the warnings, and writes nothing. */
@QuarkusTest
class DryRunTest {

    @Inject
    Pool pool;

    @Test
    void aNewPlanIsCountedAndNotWritten() {
        TestPlans.Names names = TestPlans.fresh("dry-new");
        String document = TestPlans.demo(names);
        TestPlans.placeRegion(document);
        long auditBefore = lastAuditId();

        JsonPath dry = ok(run("admin", "import-plan", "document", document, "dryRun", true));

        assertThat(dry.getBoolean("data.importPlan.dryRun")).isTrue();
        assertThat(dry.getBoolean("data.importPlan.created")).isTrue();
        assertThat(dry.getString("data.importPlan.plan")).isNull();
        assertThat(dry.getList("data.importPlan.createdTasks", String.class)).startsWith("(一)", "(一)1", "(一)2")
                .hasSize(dry.getInt("data.importPlan.tasksCreated"));
        assertThat(dry.getList("data.importPlan.createdUnits", String.class)).contains("乡宁县自然资源局")
                .hasSize(dry.getInt("data.importPlan.unitsCreated"));
        assertThat(count("select count(*) from plan where document_number = $1", names.documentNumber())).isZero();
        assertThat(count("select count(*) from unit u join region r on r.id = u.region_id where r.code = $1", names.regionCode()))
                .isZero();
        assertThat(count("select count(*) from audit_log where id > " + auditBefore + " and operation = $1", "importPlan")).isZero();

        JsonPath real = ok(TestPlans.importDocument(document, false));
        assertThat(real.getList("data.importPlan.createdTasks", String.class))
                .isEqualTo(dry.getList("data.importPlan.createdTasks", String.class));
        assertThat(real.getList("data.importPlan.warnings", String.class))
                .isEqualTo(dry.getList("data.importPlan.warnings", String.class));
    }

    @Test
    void aReplacementListsWhatWouldChangeAndChangesNothing() {
        TestPlans.Names names = TestPlans.fresh("dry-replace");
        String document = TestPlans.document(names, """
                - { code: A, title: 保留, deadline: 2030-03-01, units: [{ unit: 局甲 }] }
                - { code: K, title: 不变, deadline: 2030-03-01, units: [{ unit: 局甲 }] }
                - { code: B, title: 删除, deadline: 2030-03-01, units: [{ unit: 局甲 }] }
                """);
        String planId = TestPlans.importPlan(document);
        String revised = TestPlans.document(names, """
                - { code: A, title: 保留但改名, deadline: 2030-03-01, units: [{ unit: 局甲 }] }
                - { code: K, title: 不变, deadline: 2030-03-01, units: [{ unit: 局甲 }] }
                - { code: C, title: 新增, deadline: 2030-04-01, units: [{ unit: 局乙 }] }
                """);
        String before = state(names);

        JsonPath dry = ok(run("admin", "import-plan", "document", revised, "replace", true, "dryRun", true));

        assertThat(dry.getBoolean("data.importPlan.dryRun")).isTrue();
        assertThat(dry.getString("data.importPlan.plan.id")).isEqualTo(planId);
        assertThat(dry.getList("data.importPlan.updatedTasks", String.class)).containsExactly("A");
        assertThat(dry.getList("data.importPlan.removedTasks", String.class)).containsExactly("B");
        assertThat(dry.getList("data.importPlan.createdTasks", String.class)).containsExactly("C");
        assertThat(state(names)).isEqualTo(before);

        assertThat(errorCode(run("admin", "import-plan", "document", revised, "dryRun", true)))
                .as("without replace, as the import itself").isEqualTo("CONFLICT");
    }

    private String state(TestPlans.Names names) {
        return pool.preparedQuery("select string_agg(t.code || ':' || t.title || ':' || t.version || ':' || (t.deleted_at is null),"
                        + " ',' order by t.id) as s from task t join plan p on p.id = t.plan_id where p.document_number = $1")
                .execute(Tuple.of(names.documentNumber())).await().indefinitely().iterator().next().getString("s");
    }

    private long lastAuditId() {
        return pool.query("select coalesce(max(id), 0) from audit_log").execute().await().indefinitely().iterator().next().getLong(0);
    }

    private long count(String sql, String parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().indefinitely().iterator().next().getLong(0);
    }
}
