package org.duban.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.ledger.Sheets.download;
import static org.duban.ledger.Sheets.headers;
import static org.duban.ledger.Sheets.rows;
import static org.duban.ledger.Sheets.text;
import static org.duban.ledger.Sheets.workbook;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.support.MutableClock;
import org.duban.support.SqlStatements;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The ledgers as an office opens them in Excel: the task ledger with the task list's filters, the land ledger, a
 * quota's parcels; cells typed and formatted; exactly what the caller sees through GraphQL.
 */
@QuarkusTest
class LedgerExportTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theTaskLedgerHasTheOfficesColumnsTypedAndColoured() throws Exception {
        TestPlans.Names names = TestPlans.fresh("ledger-demo");
        String planId = TestPlans.importPlan(TestPlans.demo(names));
        clock.pin(LocalDate.of(2022, 10, 27), java.time.LocalTime.NOON);

        try (XSSFWorkbook book = workbook(download("admin", LedgerRoutes.TASKS + "?planId=" + planId))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("任务台账");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("任务台账（截至2022年10月27日）");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).as("the header stays in sight").isEqualTo((short) 2);
            Map<String, Integer> column = headers(sheet);
            assertThat(column.keySet()).contains("序号", "编号", "整改任务", "整改措施及目标", "责任单位", "责任人", "完成时限", "节点",
                    "办理状态", "预警", "预警依据", "完成进度", "最新进展", "销号日期", "是否按时完成");
            assertThat(sheet.getColumnWidth(column.get("整改任务"))).isGreaterThan(sheet.getColumnWidth(column.get("序号")));

            List<Row> rows = rows(sheet);
            JsonTasks listed = JsonTasks.of(ok(run("admin", "tasks", "filter", Map.of("planId", planId), "first", 100)));
            assertThat(rows.stream().map(r -> text(r, column.get("编号"))).distinct().toList())
                    .as("the task list's tasks, in its order").isEqualTo(listed.codes());
            Row quota = rows.stream().filter(r -> "(二)2".equals(text(r, column.get("编号")))).findFirst().orElseThrow();
            assertThat(text(quota, column.get("责任单位"))).contains("乡宁县自然资源局（牵头）");
            assertThat(text(quota, column.get("整改措施及目标"))).isEqualTo("2022年度批而未供土地消化 87.95%");
            assertThat(quota.getCell(column.get("完成时限")).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(quota.getCell(column.get("完成时限")))).isTrue();
            assertThat(quota.getCell(column.get("完成时限")).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2022, 10, 31));
            assertThat(quota.getCell(column.get("完成进度")).getNumericCellValue()).isEqualTo(0.88);
            assertThat(quota.getCell(column.get("完成进度")).getCellStyle().getDataFormatString()).isEqualTo("0%");
            assertThat(text(quota, column.get("节点"))).contains("2022-10-31", "2022-11-30");
            assertThat(text(quota, column.get("预警"))).as("due within three working days, not submitted").isEqualTo("黄色");
            assertThat(text(quota, column.get("预警依据"))).isEqualTo("时限");
            XSSFCellStyle fill = (XSSFCellStyle) quota.getCell(column.get("预警")).getCellStyle();
            assertThat(fill.getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(fill.getFillForegroundXSSFColor().getARGBHex()).endsWith("FFF2CC");

            Row overdue = rows.stream().filter(r -> "(一)1".equals(text(r, column.get("编号")))).findFirst().orElseThrow();
            assertThat(text(overdue, column.get("预警"))).isEqualTo("红色");
            assertThat(text(overdue, column.get("办理状态"))).isEqualTo("未开始");
            assertThat(((XSSFCellStyle) overdue.getCell(column.get("预警")).getCellStyle()).getFillForegroundXSSFColor().getARGBHex())
                    .endsWith("F4C7C3");

            List<Row> monthly = rows.stream().filter(r -> text(r, column.get("编号")).endsWith("月报")).toList();
            assertThat(monthly).as("a recurring task: a row per month due by the day, and the one worked on now").isNotEmpty();
            assertThat(monthly.stream().map(r -> r.getCell(column.get("完成时限")).getLocalDateTimeCellValue().toLocalDate()).toList())
                    .isSorted().allMatch(d -> !d.isAfter(LocalDate.of(2022, 11, 30)));
        }
    }

    @Test
    void theTaskLedgerTakesTheTaskListsFiltersAndTheCallersSight() throws Exception {
        TestPlans.Names names = TestPlans.fresh("ledger-filters");
        String planId = TestPlans.importPlan(TestPlans.document(names, """
                - { code: "1", title: 甲的任务, deadline: 2030-03-01, units: [{ unit: 局甲 }] }
                - { code: "2", title: 乙的任务, deadline: 2030-04-01, units: [{ unit: 局乙 }] }
                - { code: "3", title: 两家的任务, deadline: 2030-05-01, units: [{ unit: 局甲, role: LEAD }, { unit: 局乙, role: ASSIST }] }
                """));
        String unitB = TestPlans.unitId(names.regionCode(), "测试县乙局");

        assertThat(codes("admin", "?planId=" + planId)).containsExactly("1", "2", "3");
        assertThat(codes("admin", "?planId=" + planId + "&unitId=" + unitB)).containsExactly("2", "3");
        assertThat(codes("admin", "?planId=" + planId + "&dueFrom=2030-03-15&dueTo=2030-04-30")).containsExactly("2");
        assertThat(codes("admin", "?planId=" + planId + "&status=SIGNED_OFF,SUSPENDED")).isEmpty();
        assertThat(codes("admin", "?planId=" + planId + "&status=NOT_STARTED&text=两家"))
                .containsExactly("3");
        assertThat(codes("admin", "?planId=" + planId + "&overdue=false")).containsExactly("1", "2", "3");

        assertThat(codes("sfq", "?planId=" + planId)).as("a unit of another region sees none of them").isEmpty();
        assertThat(codes("linfen", "?planId=" + planId)).as("the city above does not oversee a test region").isEmpty();
        assertThat(download(null, LedgerRoutes.TASKS).statusCode()).isEqualTo(401);
        for (String bad : List.of("?dueFrom=2030-13-01", "?status=DONE", "?overdue=maybe", "?plan=" + planId, "?planId=nonsense")) {
            Response refused = download("admin", LedgerRoutes.TASKS + bad);
            assertThat(refused.statusCode()).as(bad).isIn(400, 404);
            assertThat(refused.jsonPath().getString("code")).as(bad).isIn("VALIDATION", "NOT_FOUND");
            assertThat(refused.asString()).doesNotContain("Exception", "org.duban");
        }
    }

    @Test
    void aUnitExportsItsOwnTasksOnly() throws Exception {
        List<String> mine = JsonTasks.of(ok(run("sfq", "tasks", "first", 100))).codes();
        assertThat(mine).isNotEmpty();
        assertThat(codes("sfq", "").stream().distinct().toList()).as("a recurring task's occurrences are rows of one code")
                .containsExactlyElementsOf(mine);
    }

    @Test
    void aLedgerOfManyChunksHoldsEveryTaskOnce() throws Exception {
        TestPlans.Names names = TestPlans.fresh("ledger-large");
        StringBuilder tasks = new StringBuilder();
        int count = TaskLedger.CHUNK * 2 + 37;
        for (int i = 1; i <= count; i++) {
            tasks.append("- { code: \"").append(i).append("\", title: 任务").append(i).append(", deadline: 2030-0")
                    .append(1 + i % 9).append("-1").append(i % 10).append(", units: [{ unit: 局甲 }] }\n");
        }
        String planId = TestPlans.importPlan(TestPlans.document(names, tasks.toString()));

        List<String> codes = codes("admin", "?planId=" + planId);
        assertThat(codes).hasSize(count).doesNotHaveDuplicates();

        // A chunk costs the same statements whatever the ledger's size: three chunks cost three times one.
        String small = TestPlans.importPlan(TestPlans.document(TestPlans.fresh("ledger-small"), "- { code: \"1\", title: 一项,"
                + " deadline: 2030-01-11, units: [{ unit: 局甲 }] }"));
        int one = statements("?planId=" + small);
        int three = statements("?planId=" + planId);
        int perChunk = (three - one) / 2;
        assertThat(three - one).isEqualTo(2 * perChunk);
        assertThat(perChunk).as("a chunk: its page, plans, units, people, milestones, facts, latest reports, closing days").isBetween(8, 12);
        assertThat(one - perChunk).as("once per export: who asks").isBetween(0, 2);
        assertThat(codes.subList(0, 3)).isEqualTo(JsonTasks.of(ok(run("admin", "tasks", "filter", Map.of("planId", planId),
                "first", 3))).codes());
    }

    @Test
    void theLandLedgerAndAQuotasParcelsAreExact() throws Exception {
        TestPlans.Names names = TestPlans.fresh("ledger-land");
        TestPlans.importPlan(TestPlans.demo(names));
        String regionId = TestPlans.regionId(names.regionCode());

        try (XSSFWorkbook book = workbook(download("admin", LedgerRoutes.PARCELS + "?regionId=" + regionId))) {
            Sheet sheet = book.getSheetAt(0);
            Map<String, Integer> column = headers(sheet);
            List<Map<String, Object>> parcels = ok(run("admin", "parcels", "filter", Map.of("regionId", regionId), "first", 100))
                    .getList("data.parcels.edges.node");
            List<Row> rows = rows(sheet);
            assertThat(rows).hasSize(parcels.size());
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                assertThat(text(row, column.get("地块编号"))).isEqualTo(parcels.get(i).get("code"));
                assertThat(BigDecimal.valueOf(row.getCell(column.get("面积（亩）")).getNumericCellValue()))
                        .isEqualByComparingTo(new BigDecimal(parcels.get(i).get("areaMu").toString()));
                assertThat(row.getCell(column.get("面积（亩）")).getCellStyle().getDataFormatString()).isEqualTo("0.0000");
            }
            assertThat(rows.stream().map(r -> text(r, column.get("类别"))).toList()).contains("批而未供").doesNotContain("APPROVED_UNSUPPLIED");
        }

        Map<String, Object> quota = ok(run("admin", "quotas", "year", 2022)).getList("data.quotas", Map.class).stream()
                .filter(q -> names.regionCode().equals(((Map<?, ?>) q.get("region")).get("code"))).findFirst().orElseThrow();
        try (XSSFWorkbook book = workbook(download("admin", "/exports/quotas/" + quota.get("id") + "/parcels.xlsx"))) {
            Sheet sheet = book.getSheetAt(0);
            Map<String, Integer> column = headers(sheet);
            List<Row> rows = rows(sheet);
            assertThat(rows).hasSize(((List<?>) quota.get("parcels")).size());
            BigDecimal counted = rows.stream().map(r -> BigDecimal.valueOf(r.getCell(column.get("计入面积（亩）")).getNumericCellValue()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(counted).isEqualByComparingTo(new BigDecimal(quota.get("suppliedMu").toString()));
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("26.96", "23.71");
        }
        assertThat(download("sfq", "/exports/quotas/" + quota.get("id") + "/parcels.xlsx").statusCode())
                .as("a unit of another region").isEqualTo(404);
    }

    private static int statements(String query) throws Exception {
        codes("admin", query); // warm-up: prepared statements, caches
        SqlStatements.reset();
        codes("admin", query);
        return SqlStatements.recorded().size();
    }

    private static List<String> codes(String user, String query) throws Exception {
        try (XSSFWorkbook book = workbook(download(user, LedgerRoutes.TASKS + query))) {
            Sheet sheet = book.getSheetAt(0);
            int code = headers(sheet).get("编号");
            return rows(sheet).stream().map(r -> text(r, code)).toList();
        }
    }

    /** The task list's answer, as codes in its order. */
    private record JsonTasks(List<String> codes) {
        static JsonTasks of(io.restassured.path.json.JsonPath tasks) {
            return new JsonTasks(tasks.getList("data.tasks.edges.node.code", String.class));
        }
    }
}
