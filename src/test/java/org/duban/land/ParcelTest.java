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
        assertThat(supplied.getString("data.supplyParcel.category")).isEqualTo("SUPPLIED");
        String once = snapshot(parcel);
        JsonPath twice = run("admin", "supply-parcel", "id", parcel, "input", Map.of("suppliedOn", "2021-08-01", "method", "LEASE"));
        assertThat(errorCode(twice)).isEqualTo("CONFLICT");
        assertThat(snapshot(parcel)).isEqualTo(once);
    }

    @Test
    void suppliedLandWithoutAConstructionStartAYearAfterTheAgreedDateIsIdle() {
        Place place = place("idle");
        String parcel = create(parcelInput(place, "I1", BigDecimal.ONE));
        ok(run("admin", "supply-parcel", "id", parcel, "input", Map.of("suppliedOn", "2021-07-01", "method", "SALE",
                "agreedStartOn", "2021-09-01")));
        GraphQL.token("admin");
        try {
            clock.pin(Instant.parse("2022-08-31T12:00:00Z"));
            assertThat(run("admin", "parcel", "id", parcel).getString("data.parcel.idleWarning")).isNull();
            clock.pin(Instant.parse("2022-09-02T12:00:00Z"));
            assertThat(run("admin", "parcel", "id", parcel).getString("data.parcel.idleWarning")).contains("Idle land");
        } finally {
            clock.reset();
        }
        ok(run("admin", "record-construction-start", "id", parcel, "startedOn", "2022-10-01"));
        assertThat(run("admin", "parcel", "id", parcel).getString("data.parcel.idleWarning")).isNull();
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
                .execute(Tuple.of(Long.valueOf(place.regionId()), Long.valueOf(place.township())))
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
