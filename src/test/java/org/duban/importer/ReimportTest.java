package org.duban.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.ok;

import jakarta.inject.Inject;

import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Importing the file a plan came from again changes nothing: no version moves (so a client holding one gets no false
 * CONFLICT), no audit entry, no row deleted and written back. A file that changes one task changes that task only.
 */
@QuarkusTest
class ReimportTest {

    @Inject
    Pool pool;

    @Test
    void theSameFileAgainWritesNothing() {
        TestPlans.Names names = TestPlans.fresh("reimport");
        String document = TestPlans.demo(names);
        TestPlans.importPlan(document);
        long auditBefore = lastAuditId();
        String versionsBefore = versions(names);

        JsonPath again = ok(TestPlans.importDocument(document, true));

        assertThat(again.getBoolean("data.importPlan.created")).isFalse();
        assertThat(again.getInt("data.importPlan.tasksCreated")).isZero();
        assertThat(again.getInt("data.importPlan.tasksUpdated")).isZero();
        assertThat(again.getInt("data.importPlan.tasksRemoved")).isZero();
        assertThat(auditSince(auditBefore)).as("audit entries of a re-import").isEmpty();
        assertThat(versions(names)).isEqualTo(versionsBefore);
    }

    @Test
    void aFileThatChangesOneTaskWritesThatTaskOnly() {
        TestPlans.Names names = TestPlans.fresh("reimport-one");
        String document = TestPlans.demo(names);
        TestPlans.importPlan(document);
        long auditBefore = lastAuditId();

        String revised = document.replace("title: 完善工作制度，健全改革机制", "title: 完善工作制度，健全“标准地”改革机制");
        assertThat(revised).isNotEqualTo(document);
        JsonPath replaced = ok(TestPlans.importDocument(revised, true));

        assertThat(replaced.getInt("data.importPlan.tasksUpdated")).isEqualTo(1);
        assertThat(auditSince(auditBefore)).containsExactly("UPDATE Task");
    }

    private long lastAuditId() {
        return pool.query("select coalesce(max(id), 0) as id from audit_log").execute()
                .map(rows -> rows.iterator().next().getLong("id")).await().indefinitely();
    }

    private java.util.List<String> auditSince(long id) {
        return pool.preparedQuery("select action || ' ' || entity_type as entry from audit_log where id > $1"
                        + " and operation = 'importPlan' order by id")
                .execute(Tuple.of(id))
                .map(rows -> rows.stream().map(row -> row.getString("entry")).toList()).await().indefinitely();
    }

    /** Every version of the plan and its tasks, milestones, problems and its region's quotas, in one line. */
    private String versions(TestPlans.Names names) {
        return pool.preparedQuery("select p.version || ':' || (select string_agg(t.code || '=' || t.version, ',' order by t.id)"
                        + " from task t where t.plan_id = p.id) || ':' || (select coalesce(string_agg(m.version::text, ',' order by m.id), '')"
                        + " from task_milestone m join task t on t.id = m.task_id where t.plan_id = p.id) || ':'"
                        + " || (select coalesce(string_agg(q.version::text, ',' order by q.id), '') from land_quota q where q.region_id = p.region_id)"
                        + " as versions from plan p where p.document_number = $1")
                .execute(Tuple.of(names.documentNumber()))
                .map(rows -> rows.iterator().next()).map((Row row) -> row.getString("versions")).await().indefinitely();
    }
}
