package org.duban.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.land.QuotaTest.assertDecimal;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.duban.plan.DemoPlanTestAccess;
import org.duban.support.GraphQL;
import org.duban.support.MutableClock;
import org.duban.support.TestAccounts;
import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;

/** The standard-land (标准地) lifecycle, indicator verdicts and the measures tasks carry. */
@QuarkusTest
class StandardLandTest {

    @Inject
    Pool pool;

    @Inject
    MutableClock clock;

    static final List<Map<String, Object>> INDICATORS = List.of(
            Map.of("kind", "INVESTMENT_INTENSITY", "target", new BigDecimal("300")),
            Map.of("kind", "FLOOR_AREA_RATIO", "target", new BigDecimal("1.0"), "targetMax", new BigDecimal("2.0")),
            Map.of("kind", "TAX_PER_MU", "target", new BigDecimal("15")),
            Map.of("kind", "ENERGY_PER_OUTPUT", "target", new BigDecimal("0.5")),
            Map.of("kind", "ENVIRONMENTAL_STANDARD"),
            Map.of("kind", "OTHER", "name", "亩均产值", "unit", "万元/亩", "comparator", "AT_LEAST", "target", new BigDecimal("200")));

    @Test
    void aParcelMovesStageByStageAndSellsOnlyWhenReady() {
        ParcelTest.Place place = ParcelTest.place("stages");
        String zone = place.otherUnit();
        Map<String, Object> input = ParcelTest.parcelInput(place, "STD-1", new BigDecimal("5.5"));
        input.put("standardLand", true);
        input.put("zoneId", zone);
        String parcel = ParcelTest.create(input);

        JsonPath skipped = move(parcel, "RESERVE", null);
        assertThat(errorCode(skipped)).isEqualTo("INVALID_TRANSITION");
        assertThat(stage(parcel)).isEqualTo("SELECT_AREA");
        ok(move(parcel, "PREPARATION", null));
        ok(move(parcel, "RESERVE", null));

        JsonPath notReady = move(parcel, "PUBLIC_SALE", null);
        assertThat(errorCode(notReady)).isEqualTo("INVALID_TRANSITION");
        assertThat(notReady.getString("errors[0].message")).contains("site is not ready", "control indicators not set",
                "TAX_PER_MU", "no regional evaluation");
        assertThat(stage(parcel)).isEqualTo("RESERVE");

        ok(run("admin", "set-control-indicators", "parcelId", parcel, "indicators", INDICATORS));
        ok(run("admin", "update-parcel", "id", parcel, "input", Map.of("siteReadyOn", "2022-05-01")));
        ok(evaluation(zone, "GEOLOGICAL_HAZARD", "DONE", "2022-03-01"));
        ok(evaluation(zone, "MINERAL_OVERLAY", "DONE", "2022-03-15"));
        String open = ok(evaluation(zone, "ENERGY", "IN_PROGRESS", null)).getString("data.createRegionalEvaluation.id");
        assertThat(move(parcel, "PUBLIC_SALE", null).getString("errors[0].message")).contains("round 1 not all done (2 of 3)");

        ok(run("admin", "update-regional-evaluation", "id", open, "input", Map.of("status", "DONE", "completedOn", "2022-04-01")));
        ok(move(parcel, "PUBLIC_SALE", "挂牌出让"));
        assertThat(errorCode(move(parcel, "CONSTRUCTION_STARTED", null))).isEqualTo("INVALID_TRANSITION");
        ok(run("admin", "supply-parcel", "id", parcel, "input", Map.of("suppliedOn", "2022-06-01", "method", "SALE")));
        ok(move(parcel, "CONSTRUCTION_STARTED", null));

        JsonPath history = run("admin", "parcel", "id", parcel);
        assertThat(history.getList("data.parcel.stageHistory.to")).containsExactly("PREPARATION", "RESERVE", "PUBLIC_SALE",
                "CONSTRUCTION_STARTED");
        assertThat(history.getString("data.parcel.stageHistory[2].note")).isEqualTo("挂牌出让");
        assertThat(history.getString("data.parcel.stageHistory[2].by")).isEqualTo("admin");
        assertThat(errorCode(run("admin", "set-control-indicators", "parcelId", parcel, "indicators", INDICATORS)))
                .isEqualTo("INVALID_TRANSITION");
    }

    @Test
    void onlyTheOfficeMovesAStageBackAndWithAReason() {
        ParcelTest.Place place = ParcelTest.place("back");
        Map<String, Object> input = ParcelTest.parcelInput(place, "STD-B", BigDecimal.ONE);
        input.put("standardLand", true);
        String parcel = ParcelTest.create(input);
        ok(move(parcel, "PREPARATION", null));

        String editor = "editor-" + place.regionCode();
        TestAccounts.create(pool, editor, "测试地块编辑", TestIds.key(place.otherUnit()), null, "UNIT", "LAND_EDITOR");
        Map<String, Object> back = Map.of("stage", "SELECT_AREA", "reason", "重新选址");
        assertThat(errorCode(run(editor, "advance-parcel-stage", "id", parcel, "input", back))).isEqualTo("FORBIDDEN");
        // zrzyj edits land of another region: to it, this parcel does not exist.
        assertThat(errorCode(run("zrzyj", "advance-parcel-stage", "id", parcel, "input", back))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(run("admin", "advance-parcel-stage", "id", parcel, "input", Map.of("stage", "SELECT_AREA"))))
                .isEqualTo("VALIDATION");
        assertThat(stage(parcel)).isEqualTo("PREPARATION");
        JsonPath movedBack = ok(run("admin", "advance-parcel-stage", "id", parcel, "input", back));
        assertThat(movedBack.getString("data.advanceParcelStage.stage")).isEqualTo("SELECT_AREA");
        assertThat(movedBack.getString("data.advanceParcelStage.stageHistory[1].reason")).isEqualTo("重新选址");
        // A unit's land editor advances stages.
        ok(run(editor, "advance-parcel-stage", "id", parcel, "input", Map.of("stage", "PREPARATION")));
    }

    @Test
    void acceptanceGivesEachIndicatorAndTheParcelAVerdict() {
        ParcelTest.Place place = ParcelTest.place("accept");
        Map<String, Object> input = ParcelTest.parcelInput(place, "STD-A", new BigDecimal("4"));
        input.put("standardLand", true);
        input.put("zoneId", place.otherUnit());
        String parcel = ParcelTest.create(input);
        ok(run("admin", "set-control-indicators", "parcelId", parcel, "indicators", INDICATORS));
        ok(run("admin", "update-parcel", "id", parcel, "input", Map.of("siteReadyOn", "2022-05-01")));
        ok(evaluation(place.otherUnit(), "GEOLOGICAL_HAZARD", "DONE", "2022-03-01"));
        for (String stage : List.of("PREPARATION", "RESERVE", "PUBLIC_SALE")) {
            ok(move(parcel, stage, null));
        }
        ok(run("admin", "supply-parcel", "id", parcel, "input", Map.of("suppliedOn", "2022-06-01", "method", "SALE")));
        ok(move(parcel, "CONSTRUCTION_STARTED", null));
        Map<String, Object> early = Map.of("acceptedOn", "2023-06-01", "actuals", List.of(Map.of("name", "投资强度", "value", 320)));
        assertThat(errorCode(run("admin", "record-acceptance", "parcelId", parcel, "input", early))).isEqualTo("INVALID_TRANSITION");
        ok(move(parcel, "ACCEPTANCE", null));

        JsonPath partial = ok(run("admin", "record-acceptance", "parcelId", parcel, "input", early));
        assertThat(partial.getString("data.recordAcceptance.acceptanceVerdict")).isEqualTo("INCOMPLETE");

        JsonPath failed = ok(run("admin", "record-acceptance", "parcelId", parcel, "input", Map.of("acceptedOn", "2023-06-02",
                "actuals", List.of(Map.of("name", "投资强度", "value", new BigDecimal("320")),
                        Map.of("name", "容积率", "value", new BigDecimal("2.3")),
                        Map.of("name", "亩均税收", "value", new BigDecimal("15")),
                        Map.of("name", "单位能耗", "value", new BigDecimal("0.45")),
                        Map.of("name", "环境标准", "passed", true),
                        Map.of("name", "亩均产值", "value", new BigDecimal("210"))))));
        assertThat(failed.getList("data.recordAcceptance.controlIndicators.verdict"))
                .containsExactly("MET", "NOT_MET", "MET", "MET", "MET", "MET");
        assertThat(failed.getString("data.recordAcceptance.acceptanceVerdict")).isEqualTo("NOT_MET");

        JsonPath met = ok(run("admin", "record-acceptance", "parcelId", parcel, "input", Map.of("acceptedOn", "2023-06-03",
                "actuals", List.of(Map.of("name", "容积率", "value", new BigDecimal("1.8"))))));
        assertThat(met.getString("data.recordAcceptance.acceptanceVerdict")).isEqualTo("MET");
        assertThat(errorCode(run("admin", "record-acceptance", "parcelId", parcel, "input", Map.of("acceptedOn", "2023-06-03",
                "actuals", List.of(Map.of("name", "不存在的指标", "value", 1)))))).isEqualTo("VALIDATION");
    }

    @Test
    void badIndicatorsAreRefused() {
        ParcelTest.Place place = ParcelTest.place("badind");
        Map<String, Object> input = ParcelTest.parcelInput(place, "STD-X", BigDecimal.ONE);
        input.put("standardLand", true);
        String parcel = ParcelTest.create(input);
        assertThat(run("admin", "set-control-indicators", "parcelId", parcel, "indicators",
                List.of(Map.of("kind", "INVESTMENT_INTENSITY", "comparator", "AT_MOST", "target", 300)))
                .getString("errors[0].extensions.field")).isEqualTo("indicators[0].comparator");
        assertThat(errorCode(run("admin", "set-control-indicators", "parcelId", parcel, "indicators",
                List.of(Map.of("kind", "TAX_PER_MU"))))).isEqualTo("VALIDATION");
        assertThat(run("admin", "parcel", "id", parcel).getList("data.parcel.controlIndicators")).isEmpty();
        String plain = ParcelTest.create(ParcelTest.parcelInput(place, "PLAIN", BigDecimal.ONE));
        assertThat(errorCode(move(plain, "PREPARATION", null))).isEqualTo("INVALID_TRANSITION");
    }

    @Test
    void theDemoTasksShowTheirMeasures() {
        Map<String, String> tasks = TestPlans.taskIds(DemoPlanTestAccess.demoPlanId());

        JsonPath quota = run("admin", "task", "id", tasks.get("(二)2"));
        assertThat(quota.getString("data.task.measures[0].kind")).isEqualTo("QUOTA");
        assertDecimal(quota.get("data.task.measures[0].quota.completionRate"), "87.95");
        assertThat(quota.getBoolean("data.task.measures[0].quota.statedMatchesComputed")).isFalse();

        JsonPath evaluations = run("admin", "task", "id", tasks.get("(一)3(3)"));
        assertThat(evaluations.getMap("data.task.measures[0].regionalEvaluations"))
                .isEqualTo(Map.of("total", 5, "done", 2, "complete", false));
        assertThat(evaluations.getString("data.task.measures[0].zone.name")).isEqualTo("乡宁生态文化旅游示范区管委会");
        String zone = evaluations.getString("data.task.measures[0].zone.id");
        JsonPath round = run("admin", "regional-evaluations", "zoneId", zone, "round", 2);
        assertThat(round.getList("data.regionalEvaluations.status"))
                .containsExactly("DONE", "DONE", "IN_PROGRESS", "IN_PROGRESS", "NOT_STARTED");

        JsonPath sales = run("admin", "task", "id", tasks.get("(一)3(2)"));
        assertThat(sales.getMap("data.task.measures[0].standardLandSales")).isEqualTo(Map.of("industrialParcelsSold", 1,
                "standardLandSold", 1, "allStandardLand", true, "atLeastOneStandardLand", true));
        assertThat((Object) sales.get("data.task.measures[0].quota")).isNull();

        JsonPath none = run("admin", "task", "id", tasks.get("(一)1"));
        assertThat(none.getList("data.task.measures")).isEmpty();
    }

    @Test
    void theDemoTasksProgressFollowsTheirLand() {
        Map<String, String> tasks = TestPlans.taskIds(DemoPlanTestAccess.demoPlanId());

        JsonPath quota = run("admin", "task-supervision", "id", tasks.get("(二)2"));
        assertDecimal(quota.get("data.task.progress.percent"), "87.95");
        assertThat(quota.getString("data.task.progress.basis")).isEqualTo("MEASURES");
        assertThat(quota.getInt("data.task.percentComplete")).isEqualTo(88);
        assertThat(quota.getString("data.task.progress.measures[0].basis")).isEqualTo("23.7100 of 26.9600 mu digested (87.95 %)");
        assertThat(quota.getList("data.task.progress.measures[0].measure.quota.parcels.parcel.code"))
                .containsExactlyInAnyOrder("SAMPLE-01", "SAMPLE-02", "SAMPLE-03", "SAMPLE-04");

        JsonPath evaluations = run("admin", "task-supervision", "id", tasks.get("(一)3(3)"));
        assertDecimal(evaluations.get("data.task.progress.percent"), "40.00");
        assertThat(evaluations.getString("data.task.progress.measures[0].basis"))
                .isEqualTo("2 of 5 regional evaluations of round 2 done");

        JsonPath sales = run("admin", "task-supervision", "id", tasks.get("(一)3(2)"));
        assertDecimal(sales.get("data.task.progress.percent"), "100.00");
        assertThat(sales.getInt("data.task.percentComplete")).isEqualTo(100);

        JsonPath checklist = run("admin", "task-supervision", "id", tasks.get("(一)1"));
        assertThat(checklist.getString("data.task.progress.basis")).isEqualTo("CHECKLIST");
        assertThat(checklist.getList("data.task.progress.measures")).isEmpty();
    }

    @Test
    void aQuotaTaskWithNothingSuppliedFallsBehindPaceAndCatchesUpWithTheSupply() {
        TestPlans.Names names = TestPlans.fresh("pace");
        ok(TestPlans.importDocument(QuotaTest.demoLandIn(names), false));
        String region = TestPlans.regionId(names.regionCode());
        String planId = TestPlans.importPlan(TestPlans.document(TestPlans.fresh("paceplan"),
                "- { code: Q, title: 消化, startDate: 2022-09-01, deadline: 2022-10-31, units: [{ unit: 测试县甲局, role: LEAD }] }"));
        String task = TestPlans.taskIds(planId).get("Q");
        ok(run("admin", "set-task-measures", "taskId", task, "measures",
                List.of(Map.of("kind", "QUOTA", "year", 2022, "regionId", region))));
        Map<String, String> parcels = QuotaTest.parcelIds(region);
        ok(run("admin", "set-quota", "input", Map.of("regionId", region, "year", 2022, "targetMu", new BigDecimal("3.25"),
                "stock", Map.of("parcelIds", List.of(parcels.get("SAMPLE-05"), parcels.get("SAMPLE-06"))))));
        GraphQL.token("admin");
        try {
            clock.pin(Instant.parse("2022-10-10T04:00:00Z"));
            JsonPath behind = run("admin", "task-supervision", "id", task);
            assertDecimal(behind.get("data.task.progress.percent"), "0.00");
            assertThat(behind.getString("data.task.warningBasis")).isEqualTo("PACE");

            ok(run("admin", "supply-parcel", "id", parcels.get("SAMPLE-05"), "input", Map.of("suppliedOn", "2022-10-08", "method", "SALE")));
            JsonPath ahead = run("admin", "task-supervision", "id", task);
            assertDecimal(ahead.get("data.task.progress.percent"), "61.54");
            assertThat(ahead.getString("data.task.warningLevel")).isEqualTo("GREEN");
        } finally {
            clock.reset();
        }
    }

    @Test
    void measuresAreSetOnATaskAndCheckedForWhatTheirKindNeeds() {
        String planId = TestPlans.importPlan(TestPlans.document(TestPlans.fresh("measure"), "- { code: M, title: 测量 }"));
        String task = TestPlans.taskIds(planId).get("M");
        JsonPath missing = run("admin", "set-task-measures", "taskId", task, "measures", List.of(Map.of("kind", "QUOTA", "year", 2022)));
        assertThat(errorCode(missing)).isEqualTo("VALIDATION");
        String region = TestPlans.regionId("141029");
        JsonPath set = ok(run("admin", "set-task-measures", "taskId", task, "measures",
                List.of(Map.of("kind", "QUOTA", "year", 2022, "regionId", region))));
        assertThat(set.getList("data.setTaskMeasures.measures.kind")).containsExactly("QUOTA");
        assertDecimal(run("admin", "task", "id", task).get("data.task.measures[0].quota.suppliedMu"), "23.71");
    }

    private static JsonPath move(String parcel, String stage, String note) {
        Map<String, Object> input = new java.util.HashMap<>(Map.of("stage", stage, "on", "2022-05-02"));
        if (note != null) {
            input.put("note", note);
        }
        return run("admin", "advance-parcel-stage", "id", parcel, "input", input);
    }

    private static String stage(String parcel) {
        return run("admin", "parcel", "id", parcel).getString("data.parcel.stage");
    }

    private static JsonPath evaluation(String zone, String kind, String status, String completedOn) {
        Map<String, Object> input = new java.util.HashMap<>(Map.of("zoneId", zone, "round", 1, "kind", kind, "status", status));
        if (completedOn != null) {
            input.put("completedOn", completedOn);
        }
        return run("admin", "create-regional-evaluation", "input", input);
    }
}
