package org.duban.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.execute;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;
import static org.duban.support.GraphQL.token;
import static org.duban.support.GraphQL.vars;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.duban.supervision.EvidenceFiles;
import org.duban.support.TestAccounts;
import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Ids reveal nothing: they are sealed, of one kind each, the same whichever instance or restart hands them out, and
 * node(id:) finds the six main kinds again under the same scopes as their own reads.
 */
@QuarkusTest
class GlobalIdsTest {

    private static final String SEALED = "[A-Za-z0-9_-]{22}";
    private static final String NODE = "query($id: ID!) { node(id: $id) { __typename id } }";

    @Inject
    Pool pool;

    @Test
    void idsAreSealedOfOneKindAndTamperingNamesNothing() {
        Place place = place("ids-sealed");
        List<String> planIds = ok(execute(token("admin"), "{ plans { id } }", vars())).getList("data.plans.id");
        assertThat(planIds).isNotEmpty().allMatch(id -> id.matches(SEALED));
        assertThat(place.tasks.values()).allMatch(id -> id.matches(SEALED));
        assertThat(place.unit).matches(SEALED);

        String tampered = flip(place.plan, 5);
        assertThat(errorCode(execute(token("admin"), "query($id: ID!) { plan(id: $id) { id } }", vars("id", tampered))))
                .isEqualTo("NOT_FOUND");
        JsonPath taskAsPlan = execute(token("admin"), "query($id: ID!) { plan(id: $id) { id } }", vars("id", place.task()));
        assertThat(errorCode(taskAsPlan)).as("a task's id names no plan").isEqualTo("NOT_FOUND");
        assertThat(taskAsPlan.getString("errors[0].message")).doesNotContain(String.valueOf(TestIds.key(place.task())));
    }

    @Test
    void aBareRowIdStillWorksForOneReleaseAndAnswersWithTheSealedId() {
        Place place = place("ids-bare");
        String bare = String.valueOf(TestIds.key(place.plan));
        assertThat(ok(execute(token("admin"), "query($id: ID!) { plan(id: $id) { id } }", vars("id", bare)))
                .getString("data.plan.id")).isEqualTo(place.plan);
        assertThat(errorCode(execute(token("admin"), NODE, vars("id", bare)))).as("a bare id names no kind").isEqualTo("NOT_FOUND");
    }

    @Test
    void theSealIsTheDeploymentsKeyInTheDatabaseSoEveryInstanceAndRestartHandsOutTheSame() throws Exception {
        Place place = place("ids-key");
        byte[] key = pool.query("select aes_key from id_key").execute().await().indefinitely().iterator().next()
                .getBuffer("aes_key").getBytes();
        Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        byte[] block = ByteBuffer.allocate(16).put((byte) 1).putLong(TestIds.key(place.plan)).array();
        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(aes.doFinal(block))).isEqualTo(place.plan);
    }

    @Test
    void nodeFindsEachMainKindAgain() {
        Place place = place("ids-node");
        String parcel = ok(run("admin", "create-parcel", "input", Map.of("code", "G-" + place.region, "name", "节点地块",
                "townshipId", TestPlans.unitId(place.region, "测试镇人民政府"), "landUse", "INDUSTRIAL", "approvedOn",
                "2021-03-01", "areaMu", java.math.BigDecimal.ONE))).getString("data.createParcel.id");
        String evidence = ok(run("admin", "add-evidence-link", "taskId", place.task(), "url", "https://example.org/a",
                "title", "链接")).getString("data.addEvidenceLink.id");
        pool.preparedQuery("insert into notification (account_id, task_id, kind, title, body, created_at)"
                + " select id, $1, 'SIGNED_OFF', '节点', '节点通知', now() from account where username = 'admin'")
                .execute(Tuple.of(TestIds.key(place.task()))).await().indefinitely();
        String notification = ok(execute(token("admin"), "{ myNotifications(first: 1) { edges { node { id } } } }", vars()))
                .getString("data.myNotifications.edges[0].node.id");

        Map<String, String> expected = Map.of(place.plan, "Plan", place.task(), "Task", place.unit, "Unit", parcel,
                "Parcel", evidence, "Evidence", notification, "Notification");
        expected.forEach((id, type) -> {
            JsonPath node = ok(execute(token("admin"), NODE, vars("id", id)));
            assertThat(node.getString("data.node.__typename")).isEqualTo(type);
            assertThat(node.getString("data.node.id")).isEqualTo(id);
        });
        assertThat(errorCode(execute(token("admin"), NODE, vars("id", TestPlans.regionId(place.region)))))
                .as("a region is no node").isEqualTo("NOT_FOUND");
        assertThat(errorCode(execute(token("sfq"), NODE, vars("id", notification))))
                .as("another account's notification").isEqualTo("NOT_FOUND");
    }

    @Test
    void nodeKeepsEachCountysAdminToItsCounty() {
        Place mine = place("ids-mine");
        Place theirs = place("ids-theirs");
        String admin = "ids-admin-" + mine.region;
        TestAccounts.create(pool, admin, "本县管理员", TestIds.key(mine.unit), null, "ADMIN");
        assertThat(ok(execute(token(admin), NODE, vars("id", mine.plan))).getString("data.node.id")).isEqualTo(mine.plan);
        for (String foreign : List.of(theirs.plan, theirs.task(), theirs.unit)) {
            assertThat(errorCode(execute(token(admin), NODE, vars("id", foreign)))).as(foreign).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void restRoutesAndOccurrencesCarrySealedIds() {
        Place place = place("ids-rest");
        String occurrence = ok(execute(token("admin"), "query($id: ID!) { task(id: $id) { occurrences { id } } }",
                vars("id", place.task()))).getString("data.task.occurrences[0].id");
        assertThat(occurrence).matches(place.task().replace("-", "\\-") + "@\\d{4}-\\d{2}-\\d{2}");
        String uploaded = given().header("Authorization", "Bearer " + token("admin"))
                .multiPart("file", "a.pdf", EvidenceFiles.pdf()).post("/tasks/" + place.task() + "/evidence")
                .then().statusCode(201).extract().jsonPath().getString("id");
        assertThat(uploaded).matches(SEALED);
        String path = ok(execute(token("admin"), "query($id: ID!) { task(id: $id) { evidence { downloadPath } } }",
                vars("id", place.task()))).getString("data.task.evidence[0].downloadPath");
        assertThat(path).isEqualTo("/evidence/" + uploaded);
        given().header("Authorization", "Bearer " + token("admin")).get(path).then().statusCode(200);
        given().header("Authorization", "Bearer " + token("admin")).get("/evidence/" + flip(path.substring(10), 7))
                .then().statusCode(404);

        ok(execute(token("admin"), "mutation($t: ID!, $e: [ID]) { reportProgress(taskId: $t, input: {percent: 10,"
                + " summary: \"起步\", evidenceIds: $e, unitId: $u}) { id } }".replace("$u", "\"" + place.unit + "\""),
                vars("t", place.task(), "e", List.of(uploaded))));
        JsonPath reports = ok(execute(token("admin"), "query($id: ID!) { task(id: $id) { progressReports { id evidenceIds }"
                + " history { entityType entityId } } }", vars("id", place.task())));
        assertThat(reports.getList("data.task.progressReports[0].evidenceIds", String.class)).containsExactly(uploaded);
        assertThat(reports.getString("data.task.progressReports[0].id")).matches(SEALED);
        assertThat(reports.getList("data.task.history.entityId", String.class)).as("rows of one key are named by their id;"
                + " rows of several keys (a signing: task@unit) by their keys").contains(place.task())
                .allMatch(id -> id.matches(SEALED) || id.matches("\\d+[@,].*"));
    }

    private record Place(String region, String plan, Map<String, String> tasks, String unit) {
        String task() {
            return tasks.get("G1");
        }
    }

    private Place place(String what) {
        TestPlans.Names names = TestPlans.fresh(what);
        String plan = TestPlans.importPlan(TestPlans.withUnits(TestPlans.document(names,
                "- { code: G1, title: 编号之事, deadline: 2031-05-01, units: [{ unit: 局甲 }] }"), TestPlans.TOWNSHIP));
        return new Place(names.regionCode(), plan, TestPlans.taskIds(plan), TestPlans.unitId(names.regionCode(), "测试县甲局"));
    }

    private static String flip(String id, int at) {
        char replacement = id.charAt(at) == 'A' ? 'B' : 'A';
        return id.substring(0, at) + replacement + id.substring(at + 1);
    }
}
