package org.duban.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
        String demo = demoDocument();
        String withoutTasks = demo.substring(0, demo.indexOf("\ntasks:")) + "\n" + demo.substring(demo.indexOf("\nland:"));
        return withoutTasks.replace("\"141029\"", "\"" + names.regionCode() + "\"")
                .replace("乡政办发〔2022〕60号", names.documentNumber());
    }

    static String demoDocument() {
        try (InputStream in = QuotaTest.class.getClassLoader().getResourceAsStream("demo/xiangning-2022-60.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
