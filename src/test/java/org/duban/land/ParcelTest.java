package org.duban.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.land.QuotaTest.assertDecimal;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.duban.support.GraphQL;
import org.duban.support.MutableClock;
import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class ParcelTest {

    static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[110.80,35.90],[110.81,35.90],[110.81,35.91],[110.80,35.90]]]}";

    @Inject
    MutableClock clock;

    @Inject
    Pool pool;

    /** A region with a township, a second unit and no parcels yet. */
    record Place(String regionCode, String regionId, String township, String otherUnit) {
    }

    static Place place(String what) {
        TestPlans.Names names = TestPlans.fresh(what);
        String document = TestPlans.withUnits(TestPlans.document(names, "- { code: A, title: 甲 }"), TestPlans.TOWNSHIP);
        ok(TestPlans.importDocument(document, false));
        return new Place(names.regionCode(), TestPlans.regionId(names.regionCode()),
                TestPlans.unitId(names.regionCode(), "测试镇人民政府"), TestPlans.unitId(names.regionCode(), "测试县甲局"));
    }

    static Map<String, Object> parcelInput(Place place, String code, Object areaMu) {
        Map<String, Object> input = new HashMap<>(Map.of("code", code, "name", "地块" + code, "townshipId", place.township(),
                "landUse", "INDUSTRIAL", "approvedOn", "2021-03-01"));
        input.put("areaMu", areaMu);
        return input;
    }

    static String create(Map<String, Object> input) {
        return ok(run("admin", "create-parcel", "input", input)).getString("data.createParcel.id");
    }

    @Test
    void areasAreExactInMuAndShownInSquareMetresAndHectares() {
        Place place = place("area");
        JsonPath created = ok(run("admin", "create-parcel", "input", parcelInput(place, "P1", new BigDecimal("1.5"))));
        assertDecimal(created.get("data.createParcel.areaMu"), "1.5");
        assertDecimal(created.get("data.createParcel.areaSquareMetres"), "1000.00");
        assertDecimal(created.get("data.createParcel.areaHectares"), "0.1000");

        Map<String, Object> inSquareMetres = parcelInput(place, "P2", null);
        inSquareMetres.remove("areaMu");
        inSquareMetres.put("areaSquareMetres", new BigDecimal("1234.56"));
        JsonPath converted = ok(run("admin", "create-parcel", "input", inSquareMetres));
        // 1234.56 m² × 15 / 10000 = 1.851840 mu, rounded half-up to 4 decimals.
        assertDecimal(converted.get("data.createParcel.areaMu"), "1.8518");
        assertDecimal(converted.get("data.createParcel.areaSquareMetres"), "1234.53");
    }

    @Test
    void badParcelsAreRefusedAndWriteNothing() {
        Place place = place("badparcel");
        Map<String, Object> geometryRing = parcelInput(place, "G", BigDecimal.ONE);
        geometryRing.put("geometry", "{\"type\":\"Polygon\",\"coordinates\":[[[110.8,35.9],[110.81,35.9],[110.81,35.91]]]}");
        Map<String, Object> geometryRange = parcelInput(place, "G", BigDecimal.ONE);
        geometryRange.put("geometry", SQUARE.replace("35.90", "95.90"));
        Map<String, Object> unknownTownship = parcelInput(place, "T", BigDecimal.ONE);
        unknownTownship.put("townshipId", place.otherUnit());
        List<Map<String, Object>> refused = List.of(
                parcelInput(place, "Z", BigDecimal.ZERO),
                parcelInput(place, "N", new BigDecimal("-1")),
                parcelInput(place, "D", new BigDecimal("1.23456")),
                unknownTownship, geometryRing, geometryRange);
        List<String> fields = List.of("input.areaMu", "input.areaMu", "input.areaMu", "input.townshipId",
                "input.geometry.coordinates[0]", "input.geometry.coordinates[0][0]");
        for (int i = 0; i < refused.size(); i++) {
            JsonPath response = run("admin", "create-parcel", "input", refused.get(i));
            assertThat(errorCode(response)).as(refused.get(i).toString()).isEqualTo("VALIDATION");
            assertThat(response.getString("errors[0].extensions.field")).isEqualTo(fields.get(i));
        }
        assertThat(parcelCount(place)).isZero();
    }

    @Test
    void supplyIsOnceAfterApprovalAndNotWhileAnAdjustmentIsPending() {
        Place place = place("supply");
        String parcel = create(parcelInput(place, "S1", new BigDecimal("2.5")));
        String before = snapshot(parcel);

        JsonPath early = run("admin", "supply-parcel", "id", parcel, "input", Map.of("suppliedOn", "2021-02-28", "method", "SALE"));
        assertThat(early.getString("errors[0].extensions.field")).isEqualTo("input.suppliedOn");
        assertThat(snapshot(parcel)).isEqualTo(before);

        ok(run("admin", "request-approval-adjustment", "parcelId", parcel, "input",
                Map.of("requestedOn", "2021-06-01", "reason", "规划调整")));
        String waiting = snapshot(parcel);
        JsonPath blocked = run("admin", "supply-parcel", "id", parcel, "input", Map.of("suppliedOn", "2021-07-01", "method", "SALE"));
        assertThat(errorCode(blocked)).isEqualTo("INVALID_TRANSITION");
        assertThat(snapshot(parcel)).isEqualTo(waiting);
        assertThat(errorCode(run("admin", "request-approval-adjustment", "parcelId", parcel, "input",
                Map.of("requestedOn", "2021-06-02", "reason", "again")))).isEqualTo("CONFLICT");

        String adjustment = run("admin", "parcel", "id", parcel).getString("data.parcel.adjustments[0].id");
        JsonPath cancelled = ok(run("admin", "complete-approval-adjustment", "adjustmentId", adjustment, "input",
                Map.of("completedOn", "2021-06-20", "outcome", "CANCELLED")));
        assertThat(cancelled.getString("data.completeApprovalAdjustment.category")).isEqualTo("APPROVED_UNSUPPLIED");

        JsonPath supplied = ok(run("admin", "supply-parcel", "id", parcel, "input", Map.of("suppliedOn", "2021-07-01",
                "method", "SALE", "contractNumber", "C-1", "landUser", "某公司", "agreedStartOn", "2021-10-01")));
        assertThat(supplied.getString("data.supplyParcel.category")).isEqualTo("SUPPLIED_UNUSED");
        String once = snapshot(parcel);
        JsonPath twice = run("admin", "supply-parcel", "id", parcel, "input", Map.of("suppliedOn", "2021-08-01", "method", "LEASE"));
        assertThat(errorCode(twice)).isEqualTo("CONFLICT");
        assertThat(snapshot(parcel)).isEqualTo(once);
    }

    @Test
    void suppliedLandMovesFromUnusedToUsedAsItsFactsArrive() {
        Place place = place("use");
        String parcel = create(parcelInput(place, "U1", BigDecimal.ONE));
        GraphQL.token("admin");
        try {
            clock.pin(Instant.parse("2021-07-02T04:00:00Z"));
            ok(run("admin", "supply-parcel", "id", parcel, "input", Map.of("suppliedOn", "2021-07-01", "method", "SALE",
                    "handoverAgreedOn", "2021-07-15", "agreedStartOn", "2021-09-01", "agreedCompletionOn", "2023-06-30")));
            assertUse(parcel, "SUPPLIED_UNUSED", "NOT_HANDED_OVER");

            clock.pin(Instant.parse("2021-08-01T04:00:00Z"));
            ok(run("admin", "record-parcel-use", "id", parcel, "input", Map.of("handedOverOn", "2021-07-20")));
            assertUse(parcel, "SUPPLIED_UNUSED", "AWAITING_START");

            clock.pin(Instant.parse("2021-10-01T04:00:00Z"));
            assertUse(parcel, "SUPPLIED_UNUSED", "START_OVERDUE");
            assertThat(codes(place, Map.of("useState", "START_OVERDUE"))).containsExactly("U1");
            assertThat(codes(place, Map.of("category", "SUPPLIED_UNUSED"))).containsExactly("U1");
            assertThat(codes(place, Map.of("category", "USED"))).isEmpty();

            clock.pin(Instant.parse("2022-09-02T04:00:00Z"));
            assertUse(parcel, "SUPPLIED_UNUSED", "SUSPECTED_IDLE");
            String suspected = snapshot(parcel);
            JsonPath noNote = run("admin", "determine-idle-land", "id", parcel, "input", Map.of("determinedOn", "2022-09-02",
                    "cause", "企业资金不足", "disposal", "OTHER"));
            assertThat(noNote.getString("errors[0].extensions.field")).isEqualTo("input.disposalNote");
            assertThat(snapshot(parcel)).isEqualTo(suspected);
            JsonPath idle = ok(run("admin", "determine-idle-land", "id", parcel, "input", Map.of("determinedOn", "2022-09-02",
                    "cause", "企业资金不足", "disposal", "EXTEND_START_DEADLINE", "disposalNote", "延长至2022年12月31日")));
            assertThat(idle.getString("data.determineIdleLand.useState")).isEqualTo("IDLE");
            assertThat(idle.getString("data.determineIdleLand.supply.idleDetermination.disposal")).isEqualTo("EXTEND_START_DEADLINE");
            assertThat(codes(place, Map.of("useState", "IDLE"))).containsExactly("U1");

            clock.pin(Instant.parse("2022-10-01T04:00:00Z"));
            ok(run("admin", "record-construction-start", "id", parcel, "startedOn", "2022-09-20"));
            assertUse(parcel, "USED", "UNDER_CONSTRUCTION");
            assertThat(codes(place, Map.of("category", "USED"))).containsExactly("U1");

            clock.pin(Instant.parse("2023-07-01T04:00:00Z"));
            assertUse(parcel, "SUPPLIED_UNUSED", "COMPLETION_OVERDUE");

            clock.pin(Instant.parse("2023-07-15T04:00:00Z"));
            String overdue = snapshot(parcel);
            JsonPath early = run("admin", "record-parcel-use", "id", parcel, "input", Map.of("completedOn", "2022-09-01"));
            assertThat(early.getString("errors[0].extensions.field")).isEqualTo("input.completedOn");
            JsonPath ahead = run("admin", "record-parcel-use", "id", parcel, "input", Map.of("completedOn", "2023-08-01"));
            assertThat(ahead.getString("errors[0].extensions.field")).isEqualTo("input.completedOn");
            JsonPath stale = run("admin", "record-parcel-use", "id", parcel, "input", Map.of("completedOn", "2023-07-10",
                    "expectedVersion", 0));
            assertThat(errorCode(stale)).isEqualTo("CONFLICT");
            assertThat(snapshot(parcel)).isEqualTo(overdue);
            ok(run("admin", "record-parcel-use", "id", parcel, "input", Map.of("completedOn", "2023-07-10")));
            assertUse(parcel, "USED", "COMPLETED");
        } finally {
            clock.reset();
        }
        String unsupplied = create(parcelInput(place, "U2", BigDecimal.ONE));
        assertThat(errorCode(run("admin", "record-parcel-use", "id", unsupplied, "input", Map.of("handedOverOn", "2022-01-01"))))
                .isEqualTo("INVALID_TRANSITION");
        assertThat(errorCode(run("admin", "determine-idle-land", "id", unsupplied, "input", Map.of("determinedOn", "2022-01-01",
                "cause", "x", "disposal", "TAKE_BACK")))).isEqualTo("INVALID_TRANSITION");
        assertThat(run("admin", "parcel", "id", unsupplied).getString("data.parcel.useState")).isNull();
    }

    @Test
    void aPartialSupplySplitsTheParcelIntoPartsThatSumExactly() {
        Place place = place("split");
        String parcel = create(parcelInput(place, "P1", new BigDecimal("10.1234")));
        String whole = snapshot(parcel);
        for (String bad : List.of("10.1235", "0", "3.12345")) {
            JsonPath refused = run("admin", "supply-parcel", "id", parcel, "input", Map.of("suppliedOn", "2022-05-01",
                    "method", "SALE", "areaMu", new BigDecimal(bad)));
            assertThat(errorCode(refused)).as(bad).isEqualTo("VALIDATION");
            assertThat(refused.getString("errors[0].extensions.field")).isEqualTo("input.areaMu");
            assertThat(snapshot(parcel)).isEqualTo(whole);
        }

        JsonPath supplied = ok(run("admin", "supply-parcel", "id", parcel, "input", Map.of("suppliedOn", "2022-05-01",
                "method", "SALE", "areaMu", new BigDecimal("3.0001"), "landUser", "某公司")));
        assertThat(supplied.getString("data.supplyParcel.code")).isEqualTo("P1-1");
        assertDecimal(supplied.get("data.supplyParcel.areaMu"), "3.0001");
        assertThat(supplied.getString("data.supplyParcel.approval.approvedOn")).isEqualTo("2021-03-01");
        assertThat(supplied.getString("data.supplyParcel.category")).isEqualTo("SUPPLIED_UNUSED");
        assertThat(supplied.getString("data.supplyParcel.splitFrom.category")).isEqualTo("SPLIT");
        assertThat(supplied.getString("data.supplyParcel.splitFrom.splitOn")).isEqualTo("2022-05-01");
        List<Map<String, Object>> parts = supplied.getList("data.supplyParcel.splitFrom.parts");
        assertThat(parts).extracting(p -> p.get("code")).containsExactly("P1-1", "P1-2");
        assertThat(parts).extracting(p -> p.get("category")).containsExactly("SUPPLIED_UNUSED", "APPROVED_UNSUPPLIED");
        BigDecimal sum = parts.stream().map(p -> (BigDecimal) p.get("areaMu")).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualTo(new BigDecimal("10.1234"));
        assertThat(errorCode(run("admin", "supply-parcel", "id", parcel, "input", Map.of("suppliedOn", "2022-06-01",
                "method", "SALE")))).isEqualTo("INVALID_TRANSITION");

        String remainder = (String) parts.get(1).get("id");
        JsonPath again = ok(run("admin", "supply-parcel", "id", remainder, "input", Map.of("suppliedOn", "2022-06-01",
                "method", "LEASE", "areaMu", new BigDecimal("0.0001"), "partCode", "P1-2a", "remainderCode", "P1-2b")));
        assertThat(again.getList("data.supplyParcel.splitFrom.parts.code")).containsExactly("P1-2a", "P1-2b");
        assertDecimal(again.get("data.supplyParcel.splitFrom.parts[1].areaMu"), "7.1232");
        assertThat(errorCode(run("admin", "update-parcel", "id", remainder, "input", Map.of("areaMu", new BigDecimal("7")))))
                .isEqualTo("INVALID_TRANSITION");

        // The quota counts the supplied parts, by the cut-off and by a list naming the original.
        ok(run("admin", "set-quota", "input", Map.of("regionId", place.regionId(), "year", 2022, "targetMu", BigDecimal.TEN)));
        assertDecimal(QuotaTest.quotaOf(run("admin", "quotas", "year", 2022), place.regionCode()).get("suppliedMu"), "3.0002");
        ok(run("admin", "set-quota", "input", Map.of("regionId", place.regionId(), "year", 2022, "targetMu", BigDecimal.TEN,
                "stock", Map.of("parcelIds", List.of(parcel)))));
        Map<String, Object> listed = QuotaTest.quotaOf(run("admin", "quotas", "year", 2022), place.regionCode());
        assertDecimal(listed.get("suppliedMu"), "3.0002");
        assertDecimal(listed.get("newSupplyMu"), "0");
        assertThat(codes(place, Map.of("category", "APPROVED_UNSUPPLIED"))).containsExactly("P1-2b");
        assertThat(codes(place, Map.of("category", "SPLIT"))).containsExactly("P1", "P1-2");
    }

    @Test
    void theDemoParcelsShowEachKindOfUse() {
        GraphQL.token("admin");
        try {
            clock.pin(Instant.parse("2025-01-01T04:00:00Z"));
            Map<String, String> states = new HashMap<>();
            List<Map<String, Object>> nodes = run("admin", "parcels", "filter", Map.of("regionId", TestPlans.regionId("141029")),
                    "first", 100).getList("data.parcels.edges.node");
            nodes.forEach(n -> states.put((String) n.get("code"), n.get("category") + "/" + n.get("useState")));
            assertThat(states).containsEntry("SAMPLE-01", "USED/COMPLETED")
                    .containsEntry("SAMPLE-02", "SUPPLIED_UNUSED/COMPLETION_OVERDUE")
                    .containsEntry("SAMPLE-03", "SUPPLIED_UNUSED/NOT_HANDED_OVER")
                    .containsEntry("SAMPLE-04", "SUPPLIED_UNUSED/IDLE")
                    .containsEntry("SAMPLE-05", "APPROVED_UNSUPPLIED/null");

            // On the day of the demo's clock the ledger's later facts have not happened: the file still imports, and
            // reads as it stood then.
            clock.pin(Instant.parse("2022-09-30T04:00:00Z"));
            TestPlans.Names then = TestPlans.fresh("ledgerthen");
            ok(TestPlans.importDocument(QuotaTest.demoLandIn(then), false));
            Map<String, String> asThen = new HashMap<>();
            List<Map<String, Object>> thenNodes = run("admin", "parcels", "filter",
                    Map.of("regionId", TestPlans.regionId(then.regionCode())), "first", 100).getList("data.parcels.edges.node");
            thenNodes.forEach(n -> asThen.put((String) n.get("code"), n.get("category") + "/" + n.get("useState")));
            assertThat(asThen).containsEntry("SAMPLE-01", "USED/UNDER_CONSTRUCTION")
                    .containsEntry("SAMPLE-02", "USED/UNDER_CONSTRUCTION")
                    .containsEntry("SAMPLE-03", "SUPPLIED_UNUSED/NOT_HANDED_OVER")
                    .containsEntry("SAMPLE-04", "SUPPLIED_UNUSED/START_OVERDUE");
        } finally {
            clock.reset();
        }
        TestPlans.Names names = TestPlans.fresh("badusefile");
        String file = QuotaTest.demoLandIn(names).replace("constructionStartedOn: 2022-08-30, ", "");
        JsonPath refused = TestPlans.importDocument(file, false);
        assertThat(refused.getString("errors[0].extensions.field")).isEqualTo("land.parcels[0].supply.completedOn");
    }

    private static void assertUse(String parcel, String category, String useState) {
        JsonPath read = run("admin", "parcel", "id", parcel);
        assertThat(read.getString("data.parcel.category") + "/" + read.getString("data.parcel.useState"))
                .isEqualTo(category + "/" + useState);
    }

    private static List<String> codes(Place place, Map<String, Object> filter) {
        Map<String, Object> withRegion = new HashMap<>(filter);
        withRegion.put("regionId", place.regionId());
        return run("admin", "parcels", "filter", withRegion, "first", 100).getList("data.parcels.edges.node.code");
    }

    @Test
    void outlinesAreExportedAsAGeoJsonFeatureCollection() {
        Place place = place("geo");
        Map<String, Object> withOutline = parcelInput(place, "M1", new BigDecimal("3.2"));
        withOutline.put("geometry", SQUARE);
        String mapped = create(withOutline);
        create(parcelInput(place, "M2", BigDecimal.ONE));

        JsonPath collection = new JsonPath(run("admin", "parcels-geojson", "filter", Map.of("regionId", place.regionId()))
                .getString("data.parcelsGeoJson")).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertThat(collection.getString("type")).isEqualTo("FeatureCollection");
        assertThat(collection.getList("features")).hasSize(1);
        assertThat(collection.getString("features[0].id")).isEqualTo(mapped);
        assertThat(collection.getString("features[0].geometry.type")).isEqualTo("Polygon");
        assertThat(collection.getString("features[0].properties.code")).isEqualTo("M1");
        assertThat(collection.getString("features[0].properties.township")).isEqualTo("测试镇人民政府");
        assertThat(collection.getString("features[0].properties.category")).isEqualTo("APPROVED_UNSUPPLIED");
        assertDecimal(collection.get("features[0].properties.areaMu"), "3.2");

        ok(run("admin", "update-parcel", "id", mapped, "input", Map.of("geometry", "")));
        assertThat(new JsonPath(run("admin", "parcels-geojson", "filter", Map.of("regionId", place.regionId()))
                .getString("data.parcelsGeoJson")).getList("features")).isEmpty();
    }

    @Test
    void thousandsOfTinyParcelsSumExactly() {
        Place place = place("tiny");
        // 3,333 parcels of 0.0001 mu supplied in 2021: in binary floating point their sum drifts off 0.3333.
        pool.preparedQuery("insert into parcel (region_id, code, name, township_id, land_use, area_mu, approved_on, "
                + "supplied_on, supply_method, created_at, updated_at) select $1, 'TINY-' || n, '微地块' || n, $2, 'OTHER', "
                + "0.0001, date '2020-12-04', date '2021-02-01', 'ALLOCATION', now(), now() from generate_series(1, 3333) n")
                .execute(Tuple.of(TestIds.key(place.regionId()), TestIds.key(place.township())))
                .await().indefinitely();
        ok(run("admin", "set-quota", "input", Map.of("regionId", place.regionId(), "year", 2021, "targetMu", new BigDecimal("0.5"))));

        Map<String, Object> quota = QuotaTest.quotaOf(run("admin", "quotas", "year", 2021), place.regionCode());
        assertDecimal(quota.get("suppliedMu"), "0.3333");
        assertDecimal(quota.get("remainingMu"), "0.1667");
        assertDecimal(quota.get("completionRate"), "66.66");
        assertThat(((List<?>) quota.get("parcels"))).hasSize(3333);
        assertThat(run("admin", "parcels", "filter", Map.of("regionId", place.regionId()), "first", 1)
                .getInt("data.parcels.totalCount")).isEqualTo(3333);
    }

    private int parcelCount(Place place) {
        return run("admin", "parcels", "filter", Map.of("regionId", place.regionId())).getInt("data.parcels.totalCount");
    }

    /** Everything the API shows of a parcel, to prove a refused change left it as it was. */
    private static String snapshot(String parcelId) {
        return run("admin", "parcel", "id", parcelId).prettify();
    }
}
