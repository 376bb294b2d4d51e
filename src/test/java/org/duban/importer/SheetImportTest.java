package org.duban.importer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.support.GraphQL;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Task lists from spreadsheets: an exported ledger imports back as a plan, a list in another shape imports with its
 * columns mapped, and every mistake names its sheet, row and column.
 */
@QuarkusTest
class SheetImportTest {

    @Test
    void anExportedLedgerImportsBackAsAPlanWithItsCodesParentsUnitsRolesAndDeadlines() {
        TestPlans.Names names = TestPlans.fresh("sheet-roundtrip");
        String planId = TestPlans.importPlan(TestPlans.demo(names));
        String regionId = TestPlans.regionId(names.regionCode());
        byte[] ledger = given().header("Authorization", "Bearer " + GraphQL.token("admin")).queryParam("planId", planId)
                .get("/exports/tasks.xlsx").then().statusCode(200).extract().asByteArray();

        JsonPath uploaded = upload("admin", "台账.xlsx", ledger).then().statusCode(201).extract().jsonPath();
        assertThat(uploaded.getList("sheets.name", String.class)).containsExactly("任务台账");
        assertThat(uploaded.getList("sheets[0].firstRow", String.class).get(0)).startsWith("任务台账");
        Map<String, Object> plan = Map.of("regionId", regionId, "documentNumber", names.documentNumber() + "-副本",
                "title", "导回的方案", "issuingUnit", "乡宁县人民政府办公室", "issuedOn", "2022-09-05");

        JsonPath dry = ok(run("admin", "import-plan-sheet", "uploadId", uploaded.getString("id"), "plan", plan, "dryRun", true));
        List<String> original = ok(run("admin", "plan-tasks", "id", planId, "first", 100)).getList("data.plan.tasks.edges.node.code",
                String.class);
        assertThat(dry.getList("data.importPlanSheet.createdTasks", String.class)).containsExactlyInAnyOrderElementsOf(original);
        assertThat(dry.getBoolean("data.importPlanSheet.dryRun")).isTrue();

        String copy = ok(run("admin", "import-plan-sheet", "uploadId", uploaded.getString("id"), "plan", plan))
                .getString("data.importPlanSheet.plan.id");
        Map<String, Map<String, Object>> before = tasks(planId);
        Map<String, Map<String, Object>> after = tasks(copy);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((code, task) -> {
            Map<String, Object> imported = after.get(code);
            assertThat(imported.get("title")).as(code).isEqualTo(task.get("title"));
            assertThat(parent(imported)).as(code + " parent").isEqualTo(parent(task));
            assertThat(units(imported)).as(code + " units").isEqualTo(units(task));
            if (task.get("recurrence") == null) {
                assertThat(imported.get("deadline")).as(code + " deadline").isEqualTo(task.get("deadline"));
            }
        });
    }

    @Test
    void aListOfAnotherShapeImportsWithItsColumnsMapped() throws Exception {
        TestPlans.Names names = TestPlans.fresh("sheet-mapped");
        TestPlans.importPlan(TestPlans.document(names, "- { code: A, title: 先有的, deadline: 2030-03-01, units: [{ unit: 局甲 }] }"));
        byte[] sheet = workbook(book -> {
            book.createSheet("说明").createRow(0).createCell(0).setCellValue("本表为测试县整改任务清单");
            Sheet list = book.createSheet("清单");
            list.createRow(0).createCell(0).setCellValue("测试县整改任务清单");
            row(list, 2, "序号", "事项名称", "承办单位", "截止日期", "要求");
            row(list, 3, "1", "核查闲置土地", "局甲（牵头）、局乙", LocalDate.of(2030, 5, 31), "");
            row(list, 4, "1.1", "逐宗建立台账", "局乙", null, "9月底前");
            row(list, 5, "2", "处置批而未供土地", "相关单位", LocalDate.of(2030, 11, 30), "");
        });
        String upload = upload("admin", "list.xlsx", sheet).then().statusCode(201).extract().jsonPath().getString("id");
        Map<String, Object> columns = Map.of("sheet", "清单", "headerRow", 3, "code", "序号", "title", "事项名称", "units", "承办单位",
                "deadline", "D", "deadlineWords", "要求");
        String planId = ok(run("admin", "import-plan-sheet", "uploadId", upload, "plan", plan(names, "映射清单"), "columns", columns))
                .getString("data.importPlanSheet.plan.id");

        Map<String, Map<String, Object>> tasks = tasks(planId);
        assertThat(tasks.keySet()).containsExactly("1", "1.1", "2");
        assertThat(units(tasks.get("1"))).containsExactlyInAnyOrder("测试县甲局 LEAD", "测试县乙局 ASSIST");
        assertThat(tasks.get("1").get("deadline")).isEqualTo("2030-05-31");
        assertThat(parent(tasks.get("1.1"))).isEqualTo("1");
        assertThat(tasks.get("1.1").get("deadline")).as("9月底前 of the plan's year").isEqualTo("2030-09-30");
        assertThat(units(tasks.get("2"))).as("a unit set by its name").containsExactly("测试县乙局 LEAD");
    }

    @Test
    void everyMistakeNamesItsSheetRowAndColumn() throws Exception {
        TestPlans.Names names = TestPlans.fresh("sheet-mistakes");
        TestPlans.importPlan(TestPlans.document(names, "- { code: A, title: 先有的, deadline: 2030-03-01, units: [{ unit: 局甲 }] }"));
        byte[] shape = workbook(book -> {
            Sheet list = book.createSheet("任务清单");
            row(list, 0, "编号", "整改任务", "责任单位", "完成时限");
            row(list, 1, "1", "第一项", "局甲", LocalDate.of(2030, 5, 31));
            row(list, 2, "2", "", "局甲", LocalDate.of(2030, 5, 31));
            row(list, 3, "1", "另一项用了同一编号", "局甲", LocalDate.of(2030, 5, 31));
        });
        JsonPath refused = run("admin", "import-plan-sheet", "uploadId", upload("admin", "a.xlsx", shape).then().statusCode(201)
                .extract().jsonPath().getString("id"), "plan", plan(names, "有错的清单"));
        assertThat(refused.getList("errors.extensions.field", String.class)).containsExactly("任务清单!B3", "任务清单!A4");
        assertThat(refused.getList("errors.message", String.class)).anySatisfy(m -> assertThat(m).contains("第3行没有任务"));

        byte[] phrases = workbook(book -> {
            Sheet list = book.createSheet("任务清单");
            row(list, 0, "编号", "整改任务", "责任单位", "完成时限");
            row(list, 1, "1", "第一项", "局甲", LocalDate.of(2030, 5, 31));
            row(list, 2, "2", "第二项", "局乙", "尽快");
        });
        refused = run("admin", "import-plan-sheet", "uploadId", upload("admin", "b.xlsx", phrases).then().statusCode(201)
                .extract().jsonPath().getString("id"), "plan", plan(names, "有错的清单"), "dryRun", true);
        assertThat(refused.getList("errors.extensions.field", String.class)).containsExactly("任务清单!D3");
        assertThat(refused.getString("errors[0].message")).startsWith("任务清单!D3（第3行，完成时限）：").contains("尽快");

        byte[] references = workbook(book -> {
            Sheet list = book.createSheet("任务清单");
            row(list, 0, "编号", "整改任务", "责任单位", "完成时限");
            row(list, 1, "1", "第一项", "局甲", LocalDate.of(2030, 5, 31));
            row(list, 2, "2", "第二项", "县不存在局", LocalDate.of(2030, 5, 31));
            row(list, 3, "3", "第三项", "局乙、县也不存在局", LocalDate.of(2030, 5, 31));
        });
        refused = run("admin", "import-plan-sheet", "uploadId", upload("admin", "c.xlsx", references).then().statusCode(201)
                .extract().jsonPath().getString("id"), "plan", plan(names, "有错的清单"), "dryRun", true);
        assertThat(refused.getList("errors.extensions.field", String.class)).containsExactly("任务清单!C3", "任务清单!C4");
        assertThat(refused.getList("errors.message", String.class)).allSatisfy(m -> assertThat(m).containsPattern("任务清单!C[34]（第[34]行，责任单位）"));
        assertThat(refused.getList("errors.extensions.code", String.class)).containsOnly("VALIDATION");
        assertThat(ok(run("admin", "plans")).getList("data.plans.title", String.class)).doesNotContain("有错的清单");
    }

    @Test
    void onlyAnAdminUploadsAndImportsItsOwnSheetsIntoItsOwnRegions() throws Exception {
        TestPlans.Names names = TestPlans.fresh("sheet-access");
        TestPlans.importPlan(TestPlans.document(names, "- { code: A, title: 先有的, deadline: 2030-03-01, units: [{ unit: 局甲 }] }"));
        byte[] sheet = workbook(book -> row(book.createSheet("任务清单"), 0, "编号", "整改任务", "责任单位"));
        assertThat(upload("leader", "a.xlsx", sheet).statusCode()).isEqualTo(403);
        assertThat(upload(null, "a.xlsx", sheet).statusCode()).isEqualTo(401);
        assertThat(upload("admin", "a.docx", WordDocuments.typed("不是表格")).statusCode()).isEqualTo(400);
        String mine = upload("admin", "a.xlsx", sheet).then().statusCode(201).extract().jsonPath().getString("id");
        assertThat(errorCode(run("linfen", "import-plan-sheet", "uploadId", mine, "plan", plan(names, "别人的"))))
                .as("the city's ADMIN does not govern the county").isEqualTo("VALIDATION");
        assertThat(errorCode(run("zrzyj", "import-plan-sheet", "uploadId", mine, "plan", plan(names, "单位的")))).isEqualTo("FORBIDDEN");
    }

    private static Map<String, Object> plan(TestPlans.Names names, String title) {
        return Map.of("regionId", TestPlans.regionId(names.regionCode()), "documentNumber", names.documentNumber() + title,
                "title", title, "issuingUnit", "县政府", "issuedOn", "2030-01-02");
    }

    private static Response upload(String user, String name, byte[] content) {
        var request = given();
        if (user != null) {
            request.header("Authorization", "Bearer " + GraphQL.token(user));
        }
        return request.multiPart("file", name, content).post(ImportRoutes.SHEETS);
    }

    private static Map<String, Map<String, Object>> tasks(String planId) {
        List<Map<String, Object>> nodes = ok(GraphQL.execute(GraphQL.token("admin"), """
                query($id: ID!) { plan(id: $id) { tasks(first: 100) { edges { node { code title deadline recurrence
                  parent { code } units { role unit { name } } } } } } }""", GraphQL.vars("id", planId))).getList("data.plan.tasks.edges.node");
        Map<String, Map<String, Object>> byCode = new java.util.LinkedHashMap<>();
        nodes.forEach(node -> byCode.put((String) node.get("code"), node));
        return byCode;
    }

    private static String parent(Map<String, Object> task) {
        return task.get("parent") == null ? null : (String) ((Map<?, ?>) task.get("parent")).get("code");
    }

    private static List<String> units(Map<String, Object> task) {
        return ((List<Map<String, Object>>) task.get("units")).stream()
                .map(u -> ((Map<?, ?>) u.get("unit")).get("name") + " " + u.get("role")).sorted().toList();
    }

    private static void row(Sheet sheet, int index, Object... cells) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] instanceof LocalDate date) {
                var cell = row.createCell(i);
                cell.setCellValue(date);
                CellStyle style = sheet.getWorkbook().createCellStyle();
                style.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("yyyy-mm-dd"));
                cell.setCellStyle(style);
            } else if (cells[i] != null && !cells[i].toString().isEmpty()) {
                row.createCell(i).setCellValue(cells[i].toString());
            }
        }
    }

    private static byte[] workbook(java.util.function.Consumer<XSSFWorkbook> fill) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill.accept(book);
            book.write(out);
            return out.toByteArray();
        }
    }
}
