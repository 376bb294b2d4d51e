package org.duban.support;

import static org.duban.support.GraphQL.run;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.arc.Arc;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Plans made for one test: each in its own region with its own units, so tests never see each other's
 * data and never touch the demo plan.
 */
public final class TestPlans {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestPlans() {
    }

    /** A fresh region code and document number. */
    public record Names(String regionCode, String documentNumber) {
    }

    public static Names fresh(String what) {
        int n = SEQUENCE.incrementAndGet();
        long stamp = System.nanoTime() % 100_000;
        return new Names(String.format("99%04d%05d", n, stamp), "测试〔2030〕" + what + n + "-" + stamp + "号");
    }

    /** A file with two units (局甲 leads, 局乙 assists), a listed set holding 局乙, and the given tasks. */
    public static String document(Names names, String tasksYaml) {
        return """
                format: duban-plan/1
                region: { code: "%s", name: 测试县 }
                units:
                  - { name: 测试县人民政府, shortName: 县政府, kind: COUNTY_GOVERNMENT }
                  - { name: 测试县甲局, shortName: 局甲, kind: DEPARTMENT, parent: 测试县人民政府 }
                  - { name: 测试县乙局, shortName: 局乙, aliases: [乙局别名], kind: DEPARTMENT, parent: 测试县人民政府 }
                unitSets:
                  - { name: 相关单位, kind: LISTED, units: [局乙] }
                plan:
                  documentNumber: "%s"
                  title: 测试方案
                  issuingUnit: 县政府
                  issuedOn: 2030-01-02
                tasks:
                %s
                """.formatted(names.regionCode(), names.documentNumber(), tasksYaml.indent(2).stripTrailing());
    }

    /** The demo plan file (the Xiangning plan, its land too) in a region and under a document number of the test's own. */
    public static String demo(Names names) {
        try (java.io.InputStream in = TestPlans.class.getClassLoader().getResourceAsStream("demo/xiangning-2022-60.yaml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("\"141029\"", "\"" + names.regionCode() + "\"")
                    .replace("乡政办发〔2022〕60号", names.documentNumber());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The township the land tests put their parcels in; add it with {@link #withUnits}. */
    public static final String TOWNSHIP = "{ name: 测试镇人民政府, shortName: 测试镇, kind: TOWNSHIP }";

    /** The document with more units in its region, e.g. {@link #TOWNSHIP}. */
    public static String withUnits(String document, String... units) {
        String anchor = "  - { name: 测试县乙局,";
        StringBuilder extra = new StringBuilder();
        for (String unit : units) {
            extra.append("  - ").append(unit).append('\n');
        }
        return document.replace(anchor, extra + anchor);
    }

    public static JsonPath importDocument(String document, boolean replace) {
        placeRegion(document);
        return run("admin", "import-plan", "document", document, "replace", replace);
    }

    /** The file's region, in flow style ({@link #document}) or block style (the demo file). */
    private static final Pattern REGION = Pattern.compile("region:\\s*\\{?\\s*code:\\s*[\"']?(\\d+)[\"']?\\s*,?\\s*name:\\s*([^\\s,}]+)");

    /**
     * A test's region exists before its plan comes in, governed by the demo's {@code admin} and {@code leader}: as the
     * platform's operator would create it and give it its ADMIN and LEADER (createRegion, updateUser), without more
     * requests per test. TenancyTest and AccessTableTest build regions whose accounts govern one region each.
     */
    public static void placeRegion(String document) {
        Matcher region = REGION.matcher(document);
        if (region.find()) {
            placeRegion(region.group(1), region.group(2));
        }
    }

    public static void placeRegion(String code, String name) {
        Pool pool = Arc.container().instance(Pool.class).get();
        // "do update" returns the row a racing import inserted too; "do nothing" and a select would not see it yet
        long id = pool.preparedQuery("insert into region (code, name) values ($1, $2) on conflict (code) do update"
                + " set name = region.name returning id")
                .execute(Tuple.of(code, name)).await().indefinitely().iterator().next().getLong("id");
        TestAccounts.govern(pool, "admin", id);
        TestAccounts.govern(pool, "leader", id);
    }

    /** Imports and returns the plan id; fails the test on any error. */
    public static String importPlan(String document) {
        JsonPath result = importDocument(document, false);
        String id = result.getString("data.importPlan.plan.id");
        if (id == null) {
            throw new AssertionError("import failed: " + result.prettify());
        }
        return id;
    }

    /** Task ids by code, in document order. */
    public static java.util.Map<String, String> taskIds(String planId) {
        JsonPath tasks = run("admin", "plan-tasks", "id", planId, "first", 100);
        java.util.Map<String, String> ids = new java.util.LinkedHashMap<>();
        List<java.util.Map<String, Object>> nodes = tasks.getList("data.plan.tasks.edges.node");
        nodes.forEach(n -> ids.put((String) n.get("code"), (String) n.get("id")));
        return ids;
    }

    public static String unitId(String regionCode, String name) {
        JsonPath units = run("admin", "units");
        List<java.util.Map<String, Object>> all = units.getList("data.units");
        String regionId = run("admin", "units").getList("data.regions", java.util.Map.class).stream()
                .filter(r -> regionCode.equals(r.get("code"))).map(r -> (String) r.get("id")).findFirst().orElseThrow();
        return all.stream().filter(u -> name.equals(u.get("name"))
                        && regionId.equals(((java.util.Map<?, ?>) u.get("region")).get("id")))
                .map(u -> (String) u.get("id")).findFirst().orElseThrow();
    }

    public static String regionId(String regionCode) {
        return run("admin", "units").getList("data.regions", java.util.Map.class).stream()
                .filter(r -> regionCode.equals(r.get("code"))).map(r -> (String) r.get("id")).findFirst().orElseThrow();
    }
}
