package org.duban.bulletin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.supervisionnotice.Papers;
import org.duban.support.GraphQL;
import org.duban.support.MutableClock;
import org.duban.support.TestAccounts;
import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Bulletins (通报) through GraphQL and their files: a month of a plan reported by the scoreboard's rule as it stood at the
 * month's end, published frozen with its files' digests, read by those it goes to, and corrected by a new one.
 */
@QuarkusTest
class BulletinTest {

    @Inject
    Pool pool;
    @Inject
    MutableClock clock;

    private String planId;
    private Map<String, String> tasks;
    private String unitB;
    private String b;
    private String regionId;

    @BeforeEach
    void aMonthOfWork() {
        clock.pin(LocalDate.of(2030, 5, 6), LocalTime.of(10, 0));
        TestPlans.Names names = TestPlans.fresh("bulletin");
        planId = TestPlans.importPlan(TestPlans.document(names, """
                - { code: B1, title: 按时完成的任务, deadline: 2030-05-10, units: [{ unit: 局甲 }] }
                - { code: B2, title: 逾期未完成的任务, deadline: 2030-05-15, units: [{ unit: 局乙 }] }
                - { code: B3, title: 逾期完成的任务, deadline: 2030-05-20, units: [{ unit: 局甲 }] }
                - { code: B4, title: 尚未到期的任务, deadline: 2030-06-30, units: [{ unit: 局乙 }] }
                """));
        tasks = TestPlans.taskIds(planId);
        unitB = TestPlans.unitId(names.regionCode(), "测试县乙局");
        regionId = TestPlans.regionId(names.regionCode());
        b = "bulletin-b-" + names.regionCode();
        TestAccounts.create(pool, b, "乙局人员", TestIds.key(unitB), null, "UNIT");
        move("B1", LocalDate.of(2030, 5, 8), "IN_PROGRESS", "SUBMITTED");
        signOff("B1", LocalDate.of(2030, 5, 9));
        clock.pin(LocalDate.of(2030, 5, 20), LocalTime.of(10, 0));
        ok(run("admin", "issue-supervision-notice", "input", Map.of("taskId", tasks.get("B2"), "requirement", "请立即整改")));
        move("B3", LocalDate.of(2030, 5, 22), "IN_PROGRESS", "SUBMITTED");
        signOff("B3", LocalDate.of(2030, 5, 23));
        clock.pin(LocalDate.of(2030, 6, 3), LocalTime.of(10, 0));
    }

    @AfterEach
    void unpin() {
        clock.reset();
    }

    private void move(String task, LocalDate day, String... statuses) {
        clock.pin(day, LocalTime.of(10, 0));
        for (String status : statuses) {
            ok(run("admin", "change-task-status", "id", tasks.get(task), "status", status));
        }
    }

    private void signOff(String task, LocalDate day) {
        clock.pin(day, LocalTime.of(10, 0));
        ok(run("admin", "sign-off-task", "taskId", tasks.get(task), "overrideReason", "测试"));
    }

    private Map<String, Object> may(Object... more) {
        Map<String, Object> input = new HashMap<>(Map.of("planIds", List.of(planId), "from", "2030-05-01", "to", "2030-05-31"));
        for (int i = 0; i < more.length; i += 2) {
            input.put((String) more[i], more[i + 1]);
        }
        return input;
    }

    @Test
    void aMonthIsReportedAsItStoodAtItsEndAndPublishedFrozen() throws Exception {
        Map<String, Object> bulletin = ok(run("admin", "publish-bulletin", "input", may())).getMap("data.publishBulletin");
        assertThat(bulletin).containsEntry("number", "2030年第1期").containsEntry("title", "关于2030年5月整改工作推进情况的通报")
                .containsEntry("from", "2030-05-01").containsEntry("to", "2030-05-31").containsEntry("publishedOn", "2030-06-03")
                .containsEntry("issuingOffice", "测试县人民政府");
        Map<String, Object> figures = (Map<String, Object>) bulletin.get("figures");
        assertThat((Map<String, Object>) figures.get("totals")).containsEntry("items", 4).containsEntry("signedOff", 2)
                .containsEntry("onTime", 1).containsEntry("late", 1).containsEntry("overdue", 1)
                .containsEntry("onTimeRate", new BigDecimal("33.33"));
        assertThat((List<Map<String, Object>>) figures.get("ranking")).extracting(r -> r.get("rank") + " " + r.get("unit") + " "
                + r.get("onTimeRate") + " " + r.get("redNotices")).containsExactly("1 测试县甲局 50.00 0", "2 测试县乙局 0.00 1");
        assertThat((List<Map<String, Object>>) figures.get("overdue")).singleElement().satisfies(o -> assertThat(o)
                .containsEntry("code", "B2").containsEntry("due", "2030-05-15").containsEntry("daysOverdue", 16)
                .containsEntry("units", List.of("测试县乙局（牵头）")));
        assertThat((List<Map<String, Object>>) figures.get("notices")).singleElement().satisfies(n -> assertThat(n)
                .containsEntry("level", "RED").containsEntry("unit", "测试县乙局").containsEntry("replied", false));

        // The files as published: digests that match, a PDF that reads as the bulletin, a workbook of four sheets.
        Response pdf = Papers.download("admin", (String) bulletin.get("pdfPath"));
        assertThat(sha256(pdf.asByteArray())).isEqualTo(bulletin.get("pdfSha256"));
        assertThat(pdf.header("ETag")).isEqualTo("\"" + bulletin.get("pdfSha256") + "\"");
        try (PDDocument paper = Papers.pdf(pdf)) {
            assertThat(Papers.text(paper)).contains("测试县人民政府", "督办通报", "2030年第1期", "关于2030年5月整改工作推进情况的通报",
                    "一、总体情况", "纳入督办的整改事项共4项，已销号2项，其中按时完成1项、逾期完成1项；逾期未完成1项；按时完成率33.33%",
                    "二、责任单位排名", "三、逾期未完成事项", "逾期未完成的任务", "四、督办情况", "本期共发出督办通知单1份，其中红色1份",
                    "五、指标完成情况", "2030年6月3日");
            Papers.fontsEmbedded(paper);
            assertThat(Papers.ink(paper, 0).dark()).isGreaterThan(0.01);
        }
        Response xlsx = Papers.download(b, (String) bulletin.get("xlsxPath"));
        assertThat(xlsx.statusCode()).as("the units of the region read it").isEqualTo(200);
        assertThat(sha256(xlsx.asByteArray())).isEqualTo(bulletin.get("xlsxSha256"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.asByteArray()))) {
            assertThat(List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2), book.getSheetName(3)))
                    .containsExactly("单位排名", "逾期事项", "督办单", "指标完成情况");
            assertThat(book.getSheetAt(0).getRow(2).getCell(1).getStringCellValue()).isEqualTo("测试县甲局");
            assertThat(book.getSheetAt(0).getRow(2).getCell(7).getNumericCellValue()).isEqualTo(50.0);
            assertThat(book.getSheetAt(1).getRow(2).getCell(1).getStringCellValue()).isEqualTo("B2");
        }

        // Frozen: what happens after does not change it, and nothing may change it in place.
        String id = (String) bulletin.get("id");
        move("B2", LocalDate.of(2030, 6, 3), "IN_PROGRESS", "SUBMITTED");
        signOff("B2", LocalDate.of(2030, 6, 3));
        Response again = Papers.download("admin", (String) bulletin.get("pdfPath"));
        assertThat(sha256(again.asByteArray())).isEqualTo(bulletin.get("pdfSha256"));
        Map<String, Object> reread = ok(run("admin", "bulletins", "regionId", regionId)).<Map<String, Object>>getList("data.bulletins").get(0);
        assertThat(reread.get("figures")).isEqualTo(figures);
        assertThatThrownBy(() -> pool.preparedQuery("update bulletin set title = 'x' where id = $1").execute(Tuple.of(TestIds.key(id)))
                .await().indefinitely()).hasMessageContaining("frozen");

        // The period as it stood at its end: a preview later still sees B2 overdue on 31 May.
        assertThat(ok(run("admin", "bulletin-preview", "input", may())).getList("data.bulletinPreview.overdue.code")).containsExactly("B2");
        assertThat(ok(run("leader", "bulletin-preview", "input", may())).getInt("data.bulletinPreview.totals.items")).isEqualTo(4);

        // A correction is a new bulletin naming the old; the old stays as it was, pointing at it.
        assertThat(errorCode(run("admin", "publish-bulletin", "input", may("corrects", id)))).isEqualTo("VALIDATION");
        Map<String, Object> correction = ok(run("admin", "publish-bulletin", "input", may("corrects", id, "correctionNote",
                "第三部分漏列事项。"))).getMap("data.publishBulletin");
        assertThat(correction).containsEntry("number", "2030年第2期").containsEntry("correctionNote", "第三部分漏列事项。");
        assertThat(((Map<?, ?>) correction.get("corrects")).get("id")).isEqualTo(id);
        try (PDDocument paper = Papers.pdf(Papers.download("admin", (String) correction.get("pdfPath")))) {
            assertThat(Papers.text(paper)).contains("本期通报更正2030年第1期《关于2030年5月整改工作推进情况的通报》：第三部分漏列事项。");
        }
        List<Map<String, Object>> listed = ok(run(b, "bulletins", "regionId", regionId)).getList("data.bulletins");
        assertThat(listed).extracting(l -> l.get("number")).containsExactly("2030年第2期", "2030年第1期");
        assertThat(((Map<?, ?>) listed.get(1).get("correctedBy")).get("id")).isEqualTo(correction.get("id"));
        assertThat(errorCode(run("admin", "publish-bulletin", "input", may("corrects", id, "correctionNote", "再更正一次"))))
                .as("a bulletin is corrected once; the correction may be corrected").isEqualTo("CONFLICT");
    }

    @Test
    void onlyTheRegionsOfficePublishesAndOnlyItsReadersRead() {
        assertThat(errorCode(run("leader", "publish-bulletin", "input", may()))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(run(b, "publish-bulletin", "input", may()))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(run(b, "bulletin-preview", "input", may()))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(run("admin", "publish-bulletin", "input", may("to", "2030-06-04")))).as("not ended").isEqualTo("VALIDATION");
        assertThat(errorCode(run("admin", "publish-bulletin", "input", may("from", "2030-06-01")))).isEqualTo("VALIDATION");
        assertThat(errorCode(run("admin", "publish-bulletin", "input", may("planIds", List.of(planId, planId))))).isEqualTo("VALIDATION");
        String demoPlan = ok(run("admin", "plans")).getList("data.plans", Map.class).stream()
                .filter(p -> "乡政办发〔2022〕60号".equals(p.get("documentNumber"))).map(p -> (String) p.get("id")).findFirst().orElseThrow();
        assertThat(errorCode(run("admin", "publish-bulletin", "input", may("planIds", List.of(planId, demoPlan)))))
                .as("one region's plans").isEqualTo("VALIDATION");
        assertThat(errorCode(run("sfq", "bulletin-preview", "input", may()))).isEqualTo("FORBIDDEN");

        String pdfPath = ok(run("admin", "publish-bulletin", "input", may())).getString("data.publishBulletin.pdfPath");
        assertThat(Papers.download("sfq", pdfPath).statusCode()).as("a unit of another region").isEqualTo(404);
        assertThat(Papers.download(null, pdfPath).statusCode()).isEqualTo(401);
        assertThat(Papers.download("admin", pdfPath.replace(".pdf", ".doc")).statusCode()).isEqualTo(404);
        assertThat(ok(run("sfq", "bulletins")).getList("data.bulletins.number", String.class)).doesNotContain("2030年第1期");
        assertThat(given().header("Authorization", "Bearer " + GraphQL.token("admin")).delete(pdfPath).statusCode()).isEqualTo(405);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
