package org.duban.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.execute;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.operation;
import static org.duban.support.GraphQL.run;
import static org.duban.support.GraphQL.vars;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.duban.supervision.EvidenceFiles;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Many governments on one platform: the operator builds a city with two counties and gives each its ADMIN; each
 * county sees and touches only its own; the city reads both and edits neither, and sees how its tasks are carried out.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenancyTest {

    private static final String PASSWORD = "Tenancy-2031-pass";

    private String city;
    private String countyA;
    private String countyB;
    private final Map<String, String> tokens = new java.util.HashMap<>();
    private final Map<String, String> accountIds = new java.util.HashMap<>();
    private String cityPlan;
    private Map<String, String> cityTasks;
    private String planA;
    private Map<String, String> tasksA;
    private String planB;
    private Map<String, String> tasksB;
    private String cityNumber;
    private String stamp;

    /** Once for the class (PER_CLASS), but not before Quarkus listens: @BeforeAll would run too early. */
    @BeforeEach
    void aCityWithTwoCounties() {
        if (city != null) {
            return;
        }
        int n = 101 + (int) (System.nanoTime() % 800);
        if (n % 100 == 0) {
            n++;
        }
        stamp = String.valueOf(n);
        String cityCode = "9" + n + "00";
        city = ok(run("operator", "create-region", "input", Map.of("code", cityCode, "name", "测试市" + n)))
                .getString("data.createRegion.id");
        countyA = ok(run("operator", "create-region", "input", Map.of("code", "9" + n + "01", "name", "甲县", "parentId", city)))
                .getString("data.createRegion.id");
        countyB = ok(run("operator", "create-region", "input", Map.of("code", "9" + n + "02", "name", "乙县", "parentId", city)))
                .getString("data.createRegion.id");
        admin("city", city);
        admin("a", countyA);
        admin("b", countyB);

        cityNumber = "测市发〔2031〕" + n + "号";
        cityPlan = importAs("city", cityCode, cityNumber, """
                - { code: C1, title: 市级任务一, deadline: 2099-06-30, units: [{ unit: 局甲 }] }
                - { code: C2, title: 市级任务二, deadline: 2099-06-30, units: [{ unit: 局甲 }] }
                """);
        cityTasks = taskIds("city", cityPlan);
        planA = importAs("a", "9" + n + "01", "甲县发〔2031〕" + n + "号", """
                - { code: A1, title: 甲县落实一, deadline: 2099-06-30, units: [{ unit: 局甲 }] }
                - { code: A2, title: 甲县落实二, deadline: 2099-06-30, units: [{ unit: 局甲 }] }
                """);
        tasksA = taskIds("a", planA);
        planB = importAs("b", "9" + n + "02", "乙县发〔2031〕" + n + "号", """
                - { code: B1, title: 乙县落实一, deadline: 2001-06-30, units: [{ unit: 局甲 }] }
                - { code: B2, title: 乙县落实二, deadline: 2099-06-30, units: [{ unit: 局甲 }] }
                """);
        tasksB = taskIds("b", planB);
    }

    @Test
    void theRegionsFormATreeThatTheirDivisionCodesAgreeWith() {
        List<Map<String, Object>> seenByCity = ok(as("city", operation("regions"), vars())).getList("data.regions");
        assertThat(seenByCity).extracting(r -> r.get("id")).contains(city, countyA, countyB);
        Map<String, Object> a = seenByCity.stream().filter(r -> r.get("id").equals(countyA)).findFirst().orElseThrow();
        assertThat(a.get("level")).isEqualTo("COUNTY");
        assertThat(((Map<?, ?>) a.get("parent")).get("id")).isEqualTo(city);

        List<Map<String, Object>> seenByA = ok(as("a", operation("regions"), vars())).getList("data.regions");
        assertThat(seenByA).extracting(r -> r.get("id")).containsExactly(countyA);
        assertThat(seenByA.get(0).get("parent")).as("the city is above the county's sight").isNull();

        String flat = ok(run("operator", "create-region", "input", Map.of("code", "9" + stamp + "09", "name", "后入县")))
                .getString("data.createRegion.id");
        assertThat(ok(as("city", operation("regions"), vars())).getList("data.regions.id", String.class)).doesNotContain(flat);
        ok(run("operator", "update-region", "id", flat, "input", Map.of("parentId", city)));
        assertThat(ok(as("city", operation("regions"), vars())).getList("data.regions.id", String.class))
                .as("a region placed under the city afterwards is the city's to read").contains(flat);
        assertThat(errorCode(run("operator", "update-region", "id", city, "input", Map.of("parentId", flat))))
                .as("a city never goes under its own county").isEqualTo("VALIDATION");

        assertThat(errorCode(run("operator", "create-region", "input", Map.of("code", "9" + stamp + "99" + "1", "name", "错位镇",
                "parentId", countyB)))).as("a code that does not lie within its parent's").isEqualTo("VALIDATION");
        assertThat(errorCode(as("a", operation("create-region"), vars("input", Map.of("code", "9" + stamp + "03", "name", "丙县")))))
                .as("only the platform's operator creates regions").isEqualTo("FORBIDDEN");
    }

    @Test
    void aCountySeesAndTouchesNothingOfAnother() {
        assertThat(ok(as("a", operation("plans"), vars())).getList("data.plans.id", String.class)).contains(planA).doesNotContain(planB, cityPlan);
        assertThat(errorCode(as("a", operation("plan-tasks"), vars("id", planB)))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(as("a", operation("task"), vars("id", tasksB.get("B1"))))).isEqualTo("NOT_FOUND");
        assertThat(ok(as("a", operation("tasks"), vars("filter", Map.of("planId", planB)))).getList("data.tasks.edges")).isEmpty();
        assertThat(errorCode(as("a", operation("update-task"), vars("id", tasksB.get("B2"), "input", Map.of("title", "改")))))
                .isEqualTo("NOT_FOUND");
        assertThat(errorCode(as("a", operation("report-progress"), vars("taskId", tasksB.get("B2"), "input",
                Map.of("percent", 10, "summary", "越权", "unitId", unitOf("b", countyB, "测试县甲局"))))))
                .isEqualTo("NOT_FOUND");
        assertThat(errorCode(as("a", operation("plan-dashboard"), vars("planId", planB)))).isEqualTo("NOT_FOUND");

        // Reference data and accounts
        assertThat(ok(as("a", operation("units"), vars())).getList("data.units.region.id", String.class)).containsOnly(countyA);
        List<String> users = ok(as("a", operation("users"), vars())).getList("data.users.id", String.class);
        assertThat(users).contains(accountIds.get("a")).doesNotContain(accountIds.get("b"), accountIds.get("city"));
        JsonPath renamed = as("a", operation("update-user"), vars("id", accountIds.get("b"), "input", Map.of("displayName", "改")));
        assertThat(errorCode(renamed)).as(renamed.prettify()).isEqualTo("NOT_FOUND");
        assertThat(errorCode(as("a", operation("create-user"), vars("input", Map.of("username", "grab-" + stamp,
                "displayName", "越权", "password", PASSWORD, "roles", List.of("ADMIN"), "regionIds", List.of(countyB))))))
                .as("an ADMIN gives only the regions it administers").isEqualTo("VALIDATION");

        // Land
        String parcelB = parcel("b", countyB);
        assertThat(errorCode(as("a", operation("parcel"), vars("id", parcelB)))).isEqualTo("NOT_FOUND");
        JsonPath touched = as("a", operation("update-parcel"), vars("id", parcelB, "input", Map.of("location", "越权")));
        assertThat(errorCode(touched)).as(touched.prettify()).isEqualTo("NOT_FOUND");

        // Evidence, over REST
        String evidence = ok(as("b", operation("add-evidence-link"), vars("taskId", tasksB.get("B2"), "url", "https://example.test/b",
                "title", "乙县佐证"))).getString("data.addEvidenceLink.id");
        assertThat(given().header("Authorization", "Bearer " + tokens.get("a")).get("/evidence/" + evidence).statusCode())
                .isEqualTo(404);
        assertThat(given().header("Authorization", "Bearer " + tokens.get("a"))
                .multiPart("file", "越权.pdf", EvidenceFiles.pdf(), "application/octet-stream")
                .post("/tasks/" + tasksB.get("B2") + "/evidence").statusCode()).isEqualTo(404);

        // and the audit trail of the other county's changes is out of sight too
        assertThat(ok(as("a", operation("audit-log"), vars("filter", Map.of("entityType", "Task"), "first", 100)))
                .getList("data.auditLog.edges.node.entityId", String.class)).doesNotContain(tasksB.get("B2"));
    }

    @Test
    void theCityReadsBothCountiesAndEditsNeither() {
        assertThat(ok(as("city", operation("plans"), vars())).getList("data.plans.id", String.class))
                .containsExactlyInAnyOrder(cityPlan, planA, planB);
        assertThat(ok(as("city", operation("task"), vars("id", tasksA.get("A1")))).getString("data.task.code")).isEqualTo("A1");
        ok(as("city", operation("plan-dashboard"), vars("planId", planB)));
        assertThat(ok(as("city", operation("units"), vars())).getList("data.units.region.id", String.class))
                .contains(city, countyA, countyB);

        assertThat(errorCode(as("city", operation("update-task"), vars("id", tasksA.get("A2"), "input", Map.of("title", "市里改")))))
                .isEqualTo("FORBIDDEN");
        assertThat(errorCode(as("city", operation("sign-off-task"), vars("taskId", tasksB.get("B2"), "overrideReason", "市里签")))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(as("city", operation("update-plan"), vars("id", planA, "input", Map.of("title", "市里改")))))
                .isEqualTo("FORBIDDEN");
        String parcelA = parcel("a", countyA);
        assertThat(ok(as("city", operation("parcel"), vars("id", parcelA))).getString("data.parcel.id")).isEqualTo(parcelA);
        assertThat(errorCode(as("city", operation("update-parcel"), vars("id", parcelA, "input", Map.of("location", "市里改")))))
                .isEqualTo("FORBIDDEN");
        assertThat(errorCode(as("city", operation("update-user"), vars("id", accountIds.get("a"), "input", Map.of("displayName", "改")))))
                .isEqualTo("FORBIDDEN");
        assertThat(ok(as("a", operation("task"), vars("id", tasksA.get("A2")))).getString("data.task.title")).isEqualTo("甲县落实二");
    }

    @Test
    void theCityRollsUpHowItsCountiesCarryItsTasksOut() {
        answer("a", planA, tasksA, Map.of("A1", "C1", "A2", "C1"));
        answer("b", planB, tasksB, Map.of("B1", "C1", "B2", "C2"));
        for (String code : List.of("A1", "A2")) {
            ok(as("a", operation("change-task-status"), vars("id", tasksA.get(code), "status", "IN_PROGRESS")));
            ok(as("a", operation("change-task-status"), vars("id", tasksA.get(code), "status", "SUBMITTED")));
            ok(as("a", operation("sign-off-task"), vars("taskId", tasksA.get(code), "overrideReason", "测试")));
        }

        JsonPath first = ok(as("city", operation("task-cascade"), vars("id", cityTasks.get("C1"))));
        assertThat(first.getList("data.task.cascade.tasks.code", String.class)).containsExactly("A1", "A2", "B1");
        assertThat(first.getInt("data.task.cascade.regions")).isEqualTo(2);
        assertThat(first.getInt("data.task.cascade.regionsDone")).as("甲县 signed off both").isEqualTo(1);
        assertThat(first.getInt("data.task.cascade.regionsOverdue")).as("乙县's B1 is past its deadline").isEqualTo(1);
        assertThat(first.getList("data.task.cascade.tasks.overdue", Boolean.class)).containsExactly(false, false, true);

        JsonPath second = ok(as("city", operation("task-cascade"), vars("id", cityTasks.get("C2"))));
        assertThat(second.getList("data.task.cascade.tasks.code", String.class)).containsExactly("B2");
        assertThat(second.getInt("data.task.cascade.regionsDone")).isZero();
        assertThat(second.getInt("data.task.cascade.regionsOverdue")).isZero();

        // A county plan file says what it answers as well: the plan's 文号 above, each task's code there.
        String answering = answeringPlan("甲县发〔2031〕" + stamp + "-2号", "C2");
        ok(as("a", operation("import-plan"), vars("document", answering, "replace", false)));
        assertThat(ok(as("city", operation("task-cascade"), vars("id", cityTasks.get("C2")))).getList("data.task.cascade.tasks.code",
                String.class)).containsExactly("A9", "B2");
        JsonPath unknown = as("a", operation("import-plan"), vars("document", answeringPlan("甲县发〔2031〕" + stamp + "-3号", "C9"),
                "replace", false));
        assertThat(errorCode(unknown)).isEqualTo("VALIDATION");
        assertThat(unknown.getString("errors[0].extensions.field")).endsWith("answers");

        assertThat(errorCode(as("a", operation("task-cascade"), vars("id", cityTasks.get("C1")))))
                .as("the city's own plan is out of a county's sight").isEqualTo("NOT_FOUND");
        assertThat(errorCode(as("a", operation("update-plan"), vars("id", planA, "input", Map.of("answersPlan", "乙县发〔2031〕" + stamp + "号")))))
                .as("a plan answers a plan of a region above, not a sibling's").isEqualTo("VALIDATION");
        assertThat(errorCode(as("a", operation("update-task"), vars("id", tasksA.get("A1"), "input", Map.of("answersTaskCode", "C9")))))
                .isEqualTo("VALIDATION");
    }

    private void answer(String who, String planId, Map<String, String> tasks, Map<String, String> links) {
        JsonPath plan = ok(as(who, operation("update-plan"), vars("id", planId, "input", Map.of("answersPlan", cityNumber))));
        assertThat(plan.getString("data.updatePlan.answers.documentNumber")).isEqualTo(cityNumber);
        links.forEach((mine, theirs) -> assertThat(ok(as(who, operation("update-task"), vars("id", tasks.get(mine), "input",
                Map.of("answersTaskCode", theirs)))).getString("data.updateTask.answers.taskCode")).isEqualTo(theirs));
    }

    /** A second plan of 甲县 whose file answers the city's plan, its task A9 carrying out {@code cityTask}. */
    private String answeringPlan(String documentNumber, String cityTask) {
        String codeA = ok(as("a", operation("regions"), vars())).getString("data.regions[0].code");
        return TestPlans.document(new TestPlans.Names(codeA, documentNumber),
                        "- { code: A9, title: 甲县落实九, deadline: 2099-06-30, units: [{ unit: 局甲 }], answers: " + cityTask + " }")
                .replace("  issuedOn: 2030-01-02", "  issuedOn: 2030-01-02\n  answers: \"" + cityNumber + "\"");
    }

    /** An ADMIN of the region, created by the operator through the API as a new platform would. */
    private void admin(String who, String region) {
        String username = "admin-" + who + "-" + stamp;
        String id = ok(run("operator", "create-user", "input", Map.of("username", username, "displayName", who + "督查室",
                "password", PASSWORD, "roles", List.of("ADMIN"), "regionIds", List.of(region))))
                .getString("data.createUser.id");
        accountIds.put(who, id);
        tokens.put(who, ok(execute(null, operation("login"), vars("username", username, "password", PASSWORD)))
                .getString("data.login.token"));
    }

    private String importAs(String who, String regionCode, String documentNumber, String tasks) {
        String document = TestPlans.withUnits(TestPlans.document(new TestPlans.Names(regionCode, documentNumber), tasks),
                TestPlans.TOWNSHIP);
        return ok(as(who, operation("import-plan"), vars("document", document, "replace", false))).getString("data.importPlan.plan.id");
    }

    private Map<String, String> taskIds(String who, String planId) {
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        List<Map<String, Object>> nodes = ok(as(who, operation("plan-tasks"), vars("id", planId, "first", 100)))
                .getList("data.plan.tasks.edges.node");
        nodes.forEach(node -> ids.put((String) node.get("code"), (String) node.get("id")));
        return ids;
    }

    private String unitOf(String who, String region, String name) {
        return ok(as(who, operation("units"), vars("regionId", region))).getList("data.units", Map.class).stream()
                .filter(u -> name.equals(u.get("name"))).map(u -> (String) u.get("id")).findFirst().orElseThrow();
    }

    private String parcel(String who, String region) {
        String township = unitOf(who, region, "测试镇人民政府");
        return ok(as(who, operation("create-parcel"), vars("input", Map.of("code", "T" + stamp + "-" + System.nanoTime(), "name", "地块",
                "townshipId", township, "landUse", "INDUSTRIAL", "approvedOn", "2021-03-01", "areaMu", BigDecimal.ONE))))
                .getString("data.createParcel.id");
    }

    private JsonPath as(String who, String document, Map<String, Object> variables) {
        return execute(tokens.get(who), document, variables);
    }
}
