package org.duban.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.land.QuotaTest.assertDecimal;
import static org.duban.land.QuotaTest.parcelIds;
import static org.duban.land.QuotaTest.quotaOf;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The quota sums and standard-land counts kept as rows (V28) are what the parcels sum to, after every kind of change,
 * and after two transactions change the same quota at once.
 */
@QuarkusTest
class LandTallyTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Pool pool;

    @Test
    void everyTallyIsWhatTheLandSumsToAfterEachKindOfChange() {
        TestPlans.Names names = TestPlans.fresh("tally");
        ok(TestPlans.importDocument(QuotaTest.demoLandIn(names), false));
        String regionId = TestPlans.regionId(names.regionCode());
        Map<String, String> parcels = parcelIds(regionId);
        assertTalliesAreTheLandsSums();

        ok(run("admin", "supply-parcel", "id", parcels.get("SAMPLE-05"), "input",
                Map.of("suppliedOn", "2022-10-20", "method", "SALE", "areaMu", new BigDecimal("0.5000"))));
        assertTalliesAreTheLandsSums();
        ok(run("admin", "update-parcel", "id", parcels.get("SAMPLE-01"), "input", Map.of("areaMu", new BigDecimal("7.1234"))));
        assertTalliesAreTheLandsSums();
        String adjustment = run("admin", "parcel", "id", parcels.get("SAMPLE-07")).getString("data.parcel.adjustments[0].id");
        ok(run("admin", "complete-approval-adjustment", "adjustmentId", adjustment, "input",
                Map.of("completedOn", "2022-10-10", "outcome", "ADJUSTED", "newDocumentNumber", "示例〔2022〕9号")));
        ok(run("admin", "set-quota", "input", Map.of("regionId", regionId, "year", 2022, "targetMu", new BigDecimal("26.96"),
                "countsApprovalChanges", true, "stock", Map.of("parcelIds", List.of(parcels.get("SAMPLE-06"))))));
        assertTalliesAreTheLandsSums();
        ok(run("admin", "set-quota", "input", Map.of("regionId", regionId, "year", 2023, "targetMu", new BigDecimal("10"))));
        assertTalliesAreTheLandsSums();

        String standard = parcels.entrySet().stream().filter(e -> isStandardLand(e.getValue())).findFirst()
                .map(Map.Entry::getValue).orElseThrow();
        String stage = run("admin", "parcel", "id", standard).getString("data.parcel.stage");
        ok(run("admin", "advance-parcel-stage", "id", standard, "input", Map.of("stage", next(stage), "on", "2022-10-25")));
        assertTalliesAreTheLandsSums();

        Map<String, Object> quota = quotaOf(run("admin", "quotas", "year", 2022), names.regionCode());
        assertDecimal(quota.get("suppliedMu"), liveDigested(TestIds.key(regionId), 2022).toPlainString());
    }

    @Test
    void twoTransactionsSupplyingInOneRegionAtOnceAreBothCounted() throws Exception {
        TestPlans.Names names = TestPlans.fresh("tallyrace");
        ok(TestPlans.importDocument(QuotaTest.demoLandIn(names), false));
        long region = TestIds.key(TestPlans.regionId(names.regionCode()));
        Map<String, String> parcels = parcelIds(TestPlans.regionId(names.regionCode()));
        BigDecimal before = digested(region, 2022);

        SqlConnection first = pool.getConnection().await().atMost(WAIT);
        SqlConnection second = pool.getConnection().await().atMost(WAIT);
        try {
            first.query("begin").execute().await().atMost(WAIT);
            supply(first, parcels.get("SAMPLE-05")).await().atMost(WAIT);
            second.query("begin").execute().await().atMost(WAIT);
            CompletableFuture<?> waiting = supply(second, parcels.get("SAMPLE-06")).subscribeAsCompletionStage();
            Thread.sleep(300);
            assertThat(waiting).as("the second waits for the first's tally lock").isNotDone();

            first.query("commit").execute().await().atMost(WAIT);
            waiting.get(10, TimeUnit.SECONDS);
            second.query("commit").execute().await().atMost(WAIT);
        } finally {
            first.close().await().atMost(WAIT);
            second.close().await().atMost(WAIT);
        }

        assertThat(digested(region, 2022)).isEqualByComparingTo(before.add(new BigDecimal("3.25")));
        assertTalliesAreTheLandsSums();
    }

    @Test
    void aTransactionReadsItsOwnChangesBeforeTheTallyIsComputed() {
        TestPlans.Names names = TestPlans.fresh("tallyown");
        ok(TestPlans.importDocument(QuotaTest.demoLandIn(names), false));
        long region = TestIds.key(TestPlans.regionId(names.regionCode()));
        String parcel = parcelIds(TestPlans.regionId(names.regionCode())).get("SAMPLE-05");
        BigDecimal before = digested(region, 2022);

        Row inside = pool.withTransaction(sql -> supply(sql, parcel).chain(() -> sql.preparedQuery(
                "select t.stale, s.in_stock_mu from land_quota q join quota_tally t on t.quota_id = q.id,"
                        + " quota_sums(q.id) s where q.region_id = $1 and q.year = 2022")
                .execute(Tuple.of(region)).map(rows -> rows.iterator().next()))).await().atMost(WAIT);

        assertThat(inside.getBoolean("stale")).isTrue();
        assertThat(inside.getBigDecimal("in_stock_mu")).isEqualByComparingTo(before.add(new BigDecimal("2.00")));
        assertThat(digested(region, 2022)).isEqualByComparingTo(before.add(new BigDecimal("2.00")));
        assertThat(pool.query("select count(*) from quota_tally where stale").execute().await().atMost(WAIT)
                .iterator().next().getLong(0)).isZero();
    }

    private static io.smallrye.mutiny.Uni<?> supply(io.vertx.mutiny.sqlclient.SqlClient sql, String parcelId) {
        return sql.preparedQuery("update parcel set supplied_on = date '2022-10-20', supply_method = 'SALE' where id = $1")
                .execute(Tuple.of(TestIds.key(parcelId)));
    }

    /** Every quota and region in the database, including those other tests changed. */
    private void assertTalliesAreTheLandsSums() {
        long quotasOff = pool.query("select count(*) from land_quota q left join quota_tally t on t.quota_id = q.id,"
                + " quota_sums(q.id) s where t.quota_id is null or t.stale"
                + " or (t.in_stock_mu, t.new_supply_mu, t.approval_changes_mu)"
                + " is distinct from (s.in_stock_mu, s.new_supply_mu, s.approval_changes_mu)")
                .execute().await().atMost(WAIT).iterator().next().getLong(0);
        long stagesOff = pool.query("select count(*) from (select region_id, stage, count(*) as parcels from parcel"
                + " where standard_land group by region_id, stage) live full join (select * from standard_land_tally"
                + " where parcels > 0) kept using (region_id, stage) where live.parcels is distinct from kept.parcels")
                .execute().await().atMost(WAIT).iterator().next().getLong(0);
        assertThat(quotasOff).as("quotas whose tally is not their sums").isZero();
        assertThat(stagesOff).as("regions and stages whose count is not their parcels'").isZero();
    }

    /** What the quota's readers say it digested. */
    private BigDecimal digested(long region, int year) {
        return pool.preparedQuery("select t.in_stock_mu + t.approval_changes_mu from land_quota q join quota_tally t"
                + " on t.quota_id = q.id where q.region_id = $1 and q.year = $2").execute(Tuple.of(region, year))
                .await().atMost(WAIT).iterator().next().getBigDecimal(0);
    }

    private BigDecimal liveDigested(long region, int year) {
        return pool.preparedQuery("select s.in_stock_mu + s.approval_changes_mu from land_quota q, quota_sums(q.id) s"
                + " where q.region_id = $1 and q.year = $2").execute(Tuple.of(region, year))
                .await().atMost(WAIT).iterator().next().getBigDecimal(0);
    }

    private boolean isStandardLand(String parcelId) {
        return pool.preparedQuery("select standard_land from parcel where id = $1").execute(Tuple.of(TestIds.key(parcelId)))
                .await().atMost(WAIT).iterator().next().getBoolean(0);
    }

    private static String next(String stage) {
        List<String> stages = java.util.Arrays.stream(StandardLandStage.values()).map(Enum::name).toList();
        return stages.get(Math.min(stages.indexOf(stage) + 1, stages.size() - 1));
    }
}
