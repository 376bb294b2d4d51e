package org.duban.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.plan.DemoPlanTestAccess.demoPlanId;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.duban.schedule.SchedulerRuns;
import org.duban.support.MutableClock;
import org.duban.support.ReminderWorkers;
import org.duban.support.TestAccounts;
import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.duban.support.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
class InspectionTest {

    @Inject
    Pool pool;
    @Inject
    MutableClock clock;
    @Inject
    SchedulerRuns runs;
    @Inject
    Vertx vertx;

    @AfterEach
    void unpin() {
        clock.reset();
    }

    @Test
    void theDemoPlanCarriesTheCitysCheckInSeptember() {
        JsonPath inspections = ok(run("leader", "inspections", "planId", demoPlanId()));
        assertThat(inspections.getList("data.inspections.inspectingBody")).containsExactly("临汾市人民政府");
        // 9月中下旬: 中旬 begins on the 11th. Five working days before Sunday 11 September, counted back over the
        // Mid-Autumn holiday (10-12 September) of the 2022 calendar, is Monday 5 September.
        assertThat(inspections.getString("data.inspections[0].startsOn")).isEqualTo("2022-09-11");
        assertThat(inspections.getString("data.inspections[0].endsOn")).isEqualTo("2022-09-30");
        assertThat(inspections.getString("data.inspections[0].noticeFrom")).isEqualTo("2022-09-05");
    }

    @Test
    void anInspectionIsAnnouncedToThePlansUnitsOnceBeforeItsWindowAndThenRecorded() {
        TestPlans.Names names = TestPlans.fresh("inspection");
        String planId = TestPlans.importPlan(TestPlans.withUnits(TestPlans.document(names,
                "- { code: I1, title: 受检任务, deadline: 2030-09-30, units: [{ unit: 局甲 }] }"),
                "{ name: 测试县丙局, shortName: 局丙, kind: DEPARTMENT }"));
        String code = names.regionCode();
        String unitA = TestPlans.unitId(code, "测试县甲局");
        String member = "insp-a-" + code;
        String bystander = "insp-b-" + code;
        TestAccounts.create(pool, member, "甲局人员", TestIds.key(unitA), null, "UNIT");
        TestAccounts.create(pool, bystander, "乙局人员", TestIds.key(TestPlans.unitId(code, "测试县乙局")), null, "UNIT");

        Map<String, Object> input = new HashMap<>(Map.of("planId", planId, "inspectingBody", "测试市人民政府",
                "startsOn", "2030-09-16", "endsOn", "2030-09-27"));
        assertThat(errorCode(run(member, "record-inspection", "input", input))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(run("leader", "record-inspection", "input", input))).isEqualTo("FORBIDDEN");
        Map<String, Object> backwards = new HashMap<>(input);
        backwards.put("endsOn", "2030-09-01");
        assertThat(errorCode(run("admin", "record-inspection", "input", backwards))).isEqualTo("VALIDATION");
        JsonPath announced = ok(run("admin", "record-inspection", "input", input));
        String id = announced.getString("data.recordInspection.id");
        assertThat(announced.getList("data.recordInspection.outcomes")).isEmpty();
        assertThat(announced.getString("data.recordInspection.noticeFrom")).isEqualTo("2030-09-09");

        // 2030 has no holiday notice loaded: five working days before Monday 16 September is Monday 9 September.
        // The unit hears of it in its inbox and through its webhook, once, however many runs there are.
        try (WebhookReceiver receiver = WebhookReceiver.start(vertx.getDelegate(), attempt -> false)) {
            ok(run("admin", "set-unit-channels", "unitId", unitA, "input", Map.of("webhookUrl", receiver.url("/inspection"))));
            ReminderWorkers.runOnceAt(LocalDate.of(2030, 9, 6), LocalTime.of(9, 0), runs, clock, vertx);
            assertThat(inspectionNotices(member)).isEmpty();
            ReminderWorkers.runOnceAt(LocalDate.of(2030, 9, 9), LocalTime.of(9, 0), runs, clock, vertx);
            ReminderWorkers.runOnceAt(LocalDate.of(2030, 9, 10), LocalTime.of(9, 0), runs, clock, vertx);
            List<Map<String, Object>> notices = inspectionNotices(member);
            assertThat(notices).hasSize(1);
            assertThat((String) notices.get(0).get("title")).contains("测试市人民政府", "2030-09-16");
            assertThat(inspectionNotices(bystander)).isEmpty();
            assertThat(receiver.calls().stream().filter(c -> c.body().contains("\"kind\":\"INSPECTION\"")))
                    .singleElement().satisfies(call -> assertThat(call.body()).contains("测试市人民政府", "\"event\":\"notice\""));
        }

        // Afterwards the office records findings and each unit's outcome; a unit of another region is refused.
        String elsewhere = TestPlans.unitId("141029", "乡宁县自然资源局");
        Map<String, Object> wrongUnit = new HashMap<>(input);
        wrongUnit.put("inspectionId", id);
        wrongUnit.put("outcomes", List.of(Map.of("unitId", elsewhere, "outcome", "REWARD")));
        assertThat(errorCode(run("admin", "record-inspection", "input", wrongUnit))).isEqualTo("VALIDATION");
        Map<String, Object> findings = new HashMap<>(input);
        findings.put("inspectionId", id);
        findings.put("expectedVersion", 0);
        findings.put("findings", "整改总体到位，个别佐证不足");
        findings.put("outcomes", List.of(Map.of("unitId", unitA, "outcome", "ACCOUNTABILITY", "note", "佐证不足，约谈",
                "people", List.of("张三（副局长）", " 李四（科长） "))));
        JsonPath recorded = ok(run("admin", "record-inspection", "input", findings));
        assertThat(recorded.getString("data.recordInspection.findings")).isEqualTo("整改总体到位，个别佐证不足");
        assertThat(recorded.getList("data.recordInspection.outcomes.outcome")).containsExactly("ACCOUNTABILITY");
        assertThat(recorded.getList("data.recordInspection.outcomes.unitName")).containsExactly("测试县甲局");
        // Accountability may name people as well as the unit (问责到人).
        assertThat(recorded.getList("data.recordInspection.outcomes[0].people")).containsExactly("张三（副局长）", "李四（科长）");
        assertThat(errorCode(run("admin", "record-inspection", "input", findings))).as("a stale version").isEqualTo("CONFLICT");

        assertThat(ok(run(member, "inspections", "planId", planId)).getList("data.inspections.id")).containsExactly(id);
        assertThat(errorCode(run(bystander, "inspections", "planId", planId))).isEqualTo("NOT_FOUND");
    }

    private static List<Map<String, Object>> inspectionNotices(String user) {
        List<Map<String, Object>> inbox = ok(run(user, "my-notifications")).getList("data.myNotifications.edges.node");
        return inbox.stream().filter(n -> "INSPECTION".equals(n.get("kind"))).toList();
    }
}
