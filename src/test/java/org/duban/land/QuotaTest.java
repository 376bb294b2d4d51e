package org.duban.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The yearly quota of approved-but-unsupplied land, computed exactly from the parcels. */
@QuarkusTest
class QuotaTest {

    @Test
    void theDemoQuotaComputes8795AndFlagsTheStated8796() {
        Map<String, Object> quota = quotaOf(run("admin", "quotas", "year", 2022), "141029");

        assertDecimal(quota.get("targetMu"), "26.96");
        assertDecimal(quota.get("suppliedMu"), "23.71");
        assertDecimal(quota.get("remainingMu"), "3.25");
        assertDecimal(quota.get("completionRate"), "87.95");
        assertDecimal(quota.get("statedCompletionRate"), "87.96");
        assertDecimal(quota.get("statedSuppliedMu"), "23.71");
        assertThat(quota.get("statedMatchesComputed")).isEqualTo(false);
        assertThat(quota.get("deadlines")).isEqualTo(List.of("2022-10-31", "2022-11-30"));
        List<Map<String, Object>> counted = (List<Map<String, Object>>) quota.get("parcels");
        assertThat(counted).extracting(c -> c.get("countedAs")).containsOnly("SUPPLIED");
        assertThat(counted).hasSize(4);
        assertThat(quota.get("stock")).isEqualTo(Map.of("approvedUntil", "2021-12-31", "approvalBatches", List.of(),
                "parcels", List.of()));
        assertDecimal(quota.get("newSupplyMu"), "0");
    }

    @Test
    void landApprovedAfterTheCutOffIsNewSupplyAndLeavesTheRateAsItIs() {
        TestPlans.Names names = TestPlans.fresh("newsupply");
        ok(TestPlans.importDocument(demoLandIn(names), false));
        String regionId = TestPlans.regionId(names.regionCode());
        String township = TestPlans.unitId(names.regionCode(), "乡宁县昌宁镇人民政府");
        String approvedIn2022 = ok(run("admin", "create-parcel", "input", Map.of("code", "NEW-01", "name", "年内新批地块",
                "townshipId", township, "landUse", "INDUSTRIAL", "areaMu", new BigDecimal("3.0000"), "approvedOn", "2022-06-01")))
                .getString("data.createParcel.id");

        ok(run("admin", "supply-parcel", "id", approvedIn2022, "input", Map.of("suppliedOn", "2022-10-01", "method", "SALE")));
        Map<String, Object> after = quotaOf(run("admin", "quotas", "year", 2022), names.regionCode());
        assertDecimal(after.get("suppliedMu"), "23.71");
        assertDecimal(after.get("completionRate"), "87.95");
        assertDecimal(after.get("newSupplyMu"), "3.0000");
        List<Map<String, Object>> fresh = (List<Map<String, Object>>) after.get("newSupplyParcels");
        assertThat(fresh).singleElement().satisfies(c -> {
            assertThat(c.get("countedAs")).isEqualTo("NEW_SUPPLY");
            assertThat(((Map<?, ?>) c.get("parcel")).get("code")).isEqualTo("NEW-01");
        });
        assertThat((List<?>) after.get("parcels")).hasSize(4);

        ok(run("admin", "supply-parcel", "id", parcelIds(regionId).get("SAMPLE-05"), "input",
                Map.of("suppliedOn", "2022-10-20", "method", "SALE")));
        Map<String, Object> stockMoved = quotaOf(run("admin", "quotas", "year", 2022), names.regionCode());
        assertDecimal(stockMoved.get("suppliedMu"), "25.71");
        assertDecimal(stockMoved.get("completionRate"), "95.36");
        assertDecimal(stockMoved.get("newSupplyMu"), "3.0000");
    }

    @Test
    void aListedStockCountsItsParcelsAndBatchesOnly() {
        TestPlans.Names names = TestPlans.fresh("listedstock");
        // The city's list: SAMPLE-01 by itself and the batch of SAMPLE-02 and -06, read from the plan file.
        String listed = demoLandIn(names).replace("stock: { approvedUntil: 2021-12-31 }",
                "stock: { parcels: [SAMPLE-01], approvalBatches: [示例批次 乡宁县2021年度第1批次城镇建设用地] }");
        ok(TestPlans.importDocument(listed, false));
        String regionId = TestPlans.regionId(names.regionCode());
        Map<String, String> parcels = parcelIds(regionId);

        Map<String, Object> quota = quotaOf(run("admin", "quotas", "year", 2022), names.regionCode());
        assertDecimal(quota.get("suppliedMu"), "14.74");
        assertDecimal(quota.get("newSupplyMu"), "8.97");
        Map<String, Object> stock = (Map<String, Object>) quota.get("stock");
        assertThat(stock.get("approvedUntil")).isNull();
        assertThat(stock.get("approvalBatches")).isEqualTo(List.of("示例批次 乡宁县2021年度第1批次城镇建设用地"));
        assertThat((List<Map<String, Object>>) stock.get("parcels")).extracting(p -> p.get("code")).containsExactly("SAMPLE-01");

        ok(run("admin", "supply-parcel", "id", parcels.get("SAMPLE-06"), "input", Map.of("suppliedOn", "2022-10-20", "method", "SALE")));
        ok(run("admin", "supply-parcel", "id", parcels.get("SAMPLE-05"), "input", Map.of("suppliedOn", "2022-10-21", "method", "SALE")));
        Map<String, Object> after = quotaOf(run("admin", "quotas", "year", 2022), names.regionCode());
        assertDecimal(after.get("suppliedMu"), "15.99");
        assertDecimal(after.get("newSupplyMu"), "10.97");

        // The office lists by id; SAMPLE-05 now counts, and nothing else of the batch list is kept.
        JsonPath set = ok(run("admin", "set-quota", "input", Map.of("regionId", regionId, "year", 2022,
                "targetMu", new BigDecimal("26.96"), "stock", Map.of("parcelIds", List.of(parcels.get("SAMPLE-05"))))));
        assertDecimal(set.get("data.setQuota.suppliedMu"), "2.00");
        assertThat(set.getList("data.setQuota.stock.approvalBatches")).isEmpty();
        assertThat(set.getList("data.setQuota.stock.parcels.code")).containsExactly("SAMPLE-05");
    }

    @Test
    void aStockIsACutOffOrAListAndListsOnlyTheRegionsParcels() {
        TestPlans.Names names = TestPlans.fresh("badstock");
        ok(TestPlans.importDocument(demoLandIn(names), false));
        String regionId = TestPlans.regionId(names.regionCode());
        String ownParcel = parcelIds(regionId).get("SAMPLE-05");
        String elsewhere = parcelIds(TestPlans.regionId("141029")).get("SAMPLE-05");
        String before = run("admin", "quotas", "year", 2022).prettify();

        Map<String, Object> both = Map.of("approvedUntil", "2021-12-31", "parcelIds", List.of(ownParcel));
        Map<String, Object> late = Map.of("approvedUntil", "2023-01-01");
        Map<String, Object> foreign = Map.of("parcelIds", List.of(elsewhere));
        Map<String, Object> blankBatch = Map.of("approvalBatches", List.of(" "));
        for (Map<String, Object> stock : List.of(both, late, foreign, blankBatch)) {
            JsonPath refused = run("admin", "set-quota", "input", Map.of("regionId", regionId, "year", 2022,
                    "targetMu", new BigDecimal("26.96"), "stock", stock));
            assertThat(refused.getString("errors[0].extensions.code")).as(stock.toString()).isEqualTo("VALIDATION");
            assertThat(refused.getString("errors[0].extensions.field")).startsWith("input.stock");
        }
        assertThat(run("admin", "quotas", "year", 2022).prettify()).isEqualTo(before);

        String file = demoLandIn(TestPlans.fresh("badstockfile")).replace("stock: { approvedUntil: 2021-12-31 }",
                "stock: { approvedUntil: 2021-12-31, parcels: [SAMPLE-01] }");
        JsonPath imported = TestPlans.importDocument(file, false);
        assertThat(imported.getString("errors[0].extensions.field")).isEqualTo("land.quotas[0].stock");
    }

    @Test
    void supplyingTheMissingThreePointTwoFiveMuCompletesTheQuota() {
        // The demo plan's land, in a region of its own, so that the demo data stays as shipped.
        TestPlans.Names names = TestPlans.fresh("quota");
        String document = demoLandIn(names);
        ok(TestPlans.importDocument(document, false));
        String regionId = TestPlans.regionId(names.regionCode());
        Map<String, String> parcels = parcelIds(regionId);

        ok(run("admin", "supply-parcel", "id", parcels.get("SAMPLE-05"), "input",
                Map.of("suppliedOn", "2022-10-20", "method", "SALE", "landUser", "示例企业")));
        Map<String, Object> partly = quotaOf(run("admin", "quotas", "year", 2022), names.regionCode());
        assertDecimal(partly.get("suppliedMu"), "25.71");
        assertDecimal(partly.get("completionRate"), "95.36");

        ok(run("admin", "supply-parcel", "id", parcels.get("SAMPLE-06"), "input",
                Map.of("suppliedOn", "2022-10-28", "method", "SALE")));
        Map<String, Object> done = quotaOf(run("admin", "quotas", "year", 2022), names.regionCode());
        assertDecimal(done.get("suppliedMu"), "26.96");
        assertDecimal(done.get("remainingMu"), "0");
        assertDecimal(done.get("completionRate"), "100.00");
    }

    @Test
    void approvalChangesCountOnlyWhereTheQuotaSaysSo() {
        TestPlans.Names names = TestPlans.fresh("adjusted");
        String document = demoLandIn(names);
        ok(TestPlans.importDocument(document, false));
        String regionId = TestPlans.regionId(names.regionCode());
        JsonPath parcel = run("admin", "parcel", "id", parcelIds(regionId).get("SAMPLE-07"));
        String adjustment = parcel.getString("data.parcel.adjustments[0].id");

        JsonPath adjusted = ok(run("admin", "complete-approval-adjustment", "adjustmentId", adjustment, "input",
                Map.of("completedOn", "2022-10-10", "outcome", "ADJUSTED", "newDocumentNumber", "示例〔2022〕9号")));
        assertThat(adjusted.getString("data.completeApprovalAdjustment.category")).isEqualTo("APPROVAL_ADJUSTED");
        assertDecimal(quotaOf(run("admin", "quotas", "year", 2022), names.regionCode()).get("suppliedMu"), "23.71");

        ok(run("admin", "set-quota", "input", Map.of("regionId", regionId, "year", 2022, "targetMu", new BigDecimal("26.96"),
                "countsApprovalChanges", true, "statedSuppliedMu", new BigDecimal("23.71"),
                "statedCompletionRate", new BigDecimal("87.96"))));
        Map<String, Object> counting = quotaOf(run("admin", "quotas", "year", 2022), names.regionCode());
        assertDecimal(counting.get("suppliedMu"), "24.51");
        List<Map<String, Object>> counted = (List<Map<String, Object>>) counting.get("parcels");
        assertThat(counted).anyMatch(c -> "ADJUSTED".equals(c.get("countedAs"))
                && "SAMPLE-07".equals(((Map<?, ?>) c.get("parcel")).get("code")));
    }

    /**
     * The demo file's units, groups and land in a region and plan of their own, without its tasks (which
     * would join the demo's on the task list), so that the demo data stays as shipped.
     */
    static String demoLandIn(TestPlans.Names names) {
        String demo = TestPlans.demo(names);
        return demo.substring(0, demo.indexOf("\ntasks:")) + "\n" + demo.substring(demo.indexOf("\nland:"));
    }

    static Map<String, String> parcelIds(String regionId) {
        JsonPath parcels = run("admin", "parcels", "filter", Map.of("regionId", regionId), "first", 100);
        Map<String, String> ids = new java.util.HashMap<>();
        List<Map<String, Object>> nodes = parcels.getList("data.parcels.edges.node");
        nodes.forEach(n -> ids.put((String) n.get("code"), (String) n.get("id")));
        return ids;
    }

    static Map<String, Object> quotaOf(JsonPath quotas, String regionCode) {
        List<Map<String, Object>> all = quotas.getList("data.quotas");
        return all.stream().filter(q -> regionCode.equals(((Map<?, ?>) q.get("region")).get("code"))).findFirst()
                .orElseThrow(() -> new AssertionError("no quota of " + regionCode + " in " + quotas.prettify()));
    }

    static void assertDecimal(Object actual, String expected) {
        assertThat(actual).isInstanceOf(BigDecimal.class);
        assertThat((BigDecimal) actual).isEqualByComparingTo(expected);
    }
}
