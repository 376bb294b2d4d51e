package org.duban.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.supervision.EvidenceFiles.uploaded;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.duban.supervision.EvidenceFiles;
import org.duban.support.MutableClock;
import org.duban.support.TestAccounts;
import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The demo plan (乡政办发〔2022〕60号, issued 5 September 2022) on a movable clock, imported afresh in a region of
 * its own so that the workflow can run on it: warning levels and the scoreboard before, near and after the
 * 15 September and 30 September deadlines. The Mid-Autumn holiday (10 to 12 September) and the National Day
 * make-up working days (8 and 9 October) count as the calendar says.
 */
@QuarkusTest
class DemoSupervisionTest {

    private static final Path DEMO = Path.of("src", "main", "resources", "demo", "xiangning-2022-60.yaml");

    @Inject
    Pool pool;
    @Inject
    MutableClock clock;

    private String planId;
    private Map<String, String> tasks;
    private String zone;
    private String bureau;

    @BeforeEach
    void importTheDemoPlanAfresh() throws IOException {
        TestPlans.Names names = TestPlans.fresh("demo");
        String document = Files.readString(DEMO)
                .replace("code: \"141029\"", "code: \"" + names.regionCode() + "\"")
                .replace("documentNumber: 乡政办发〔2022〕60号", "documentNumber: \"" + names.documentNumber() + "\"");
        planId = TestPlans.importPlan(document);
        tasks = TestPlans.taskIds(planId);
        zone = "demo-sfq-" + names.regionCode();
        bureau = "demo-zrzyj-" + names.regionCode();
        TestAccounts.create(pool, zone, "管委会人员", TestIds.key(TestPlans.unitId(names.regionCode(), "乡宁生态文化旅游示范区管委会")),
                null, "UNIT");
        TestAccounts.create(pool, bureau, "自然资源局人员", TestIds.key(TestPlans.unitId(names.regionCode(), "乡宁县自然资源局")),
                null, "UNIT");
    }

    @AfterEach
    void unpin() {
        clock.reset();
    }

    @Test
    void warningsAndTheScoreboardFollowTheDeadlinesOfSeptember() {
        // 6 September, the day after the notice: everything is on track.
        on(2022, 9, 6);
        assertThat(levels()).containsEntry("(一)1", "GREEN").containsEntry("(一)2", "GREEN").containsEntry("(一)3(1)", "GREEN")
                .containsEntry("(二)1", null).containsEntry("(二)2", "GREEN").containsEntry("(一)2-月报", "GREEN");
        assertThat(scores()).allSatisfy((unit, score) -> assertThat(score.get("onTimeRate")).isNull());

        // 8 September: 30 % of (一)1's time has passed, nothing is done, and four working days remain: behind pace.
        on(2022, 9, 8);
        assertThat(levels()).containsEntry("(一)1", "YELLOW").containsEntry("(一)2", "YELLOW").containsEntry("(一)3(1)", "GREEN");
        assertThat(bases()).containsEntry("(一)1", "PACE").containsEntry("(一)2", "PACE");

        // The zone reports, ticks (一)1's checklist, the bureau reports its part, and the zone submits: on track again.
        String first = tasks.get("(一)1");
        String evidence = uploaded(zone, first, "实施方案.pdf", EvidenceFiles.pdf());
        ok(run(zone, "report-progress", "taskId", first, "input", Map.of("percent", 60, "summary", "方案已起草")));
        ok(run(bureau, "report-progress", "taskId", first, "input", Map.of("percent", 100, "summary", "配合完成")));
        for (Object item : ok(run(zone, "task-supervision", "id", first)).getList("data.task.deliverables.id")) {
            ok(run(zone, "tick-deliverable", "deliverableId", item, "evidenceIds", List.of(evidence)));
        }
        ok(run(zone, "submit-task", "taskId", first, "input", Map.of("statement", "已完成", "evidenceIds", List.of(evidence))));
        assertThat(levels()).containsEntry("(一)1", "GREEN").containsEntry("(一)2", "YELLOW");

        // 9 September, before the Mid-Autumn holiday: 13, 14 and 15 September are the three working days left.
        on(2022, 9, 9);
        assertThat(levels()).containsEntry("(一)2", "YELLOW");
        assertThat(bases()).containsEntry("(一)2", "TIME");

        // 14 September: the office signs (一)1 off, submitted on time.
        on(2022, 9, 14);
        ok(run("admin", "sign-off-task", "taskId", first, "note", "同意销号"));
        assertThat(levels()).containsEntry("(一)1", null).containsEntry("(一)2", "YELLOW");

        // 16 September: (一)2 is overdue; (一)3(1) has used 11 of its 25 days with nothing done.
        on(2022, 9, 16);
        assertThat(levels()).containsEntry("(一)2", "RED").containsEntry("(一)3(1)", "YELLOW").containsEntry("(二)2", "GREEN");
        assertThat(bases()).containsEntry("(一)2", "TIME").containsEntry("(一)3(1)", "PACE");
        Map<String, Map<String, Object>> mid = scores();
        assertThat(mid.get("乡宁县自然资源局")).containsEntry("rank", 1).containsEntry("assigned", 2).containsEntry("onTime", 1)
                .containsEntry("overdueNow", 0).containsEntry("onTimeRate", new BigDecimal("100.00"));
        assertThat(mid.get("乡宁生态文化旅游示范区管委会")).containsEntry("rank", 2).containsEntry("assigned", 5)
                .containsEntry("signedOff", 1).containsEntry("onTime", 1).containsEntry("overdueNow", 1)
                .containsEntry("onTimeRate", new BigDecimal("50.00"));
        // The county government issues the plan (through its office): it is not ranked on the tasks it sets.
        assertThat(mid).doesNotContainKey("乡宁县人民政府").doesNotContainKey("乡宁县人民政府办公室");

        // 26 September: the zone asks for (一)3(1) to move to 14 October; the office agrees, scoring the original.
        on(2022, 9, 26);
        String plans = tasks.get("(一)3(1)");
        String extension = ok(run(zone, "request-extension", "taskId", plans, "input",
                Map.of("newDeadline", "2022-10-14", "reason", "等待区域评价成果"))).getString("data.requestExtension.extensions[0].id");
        ok(run("admin", "decide-extension", "extensionId", extension, "input", Map.of("approve", true)));

        // 30 September: (一)2 is finally reported and submitted, late.
        on(2022, 9, 30);
        String second = tasks.get("(一)2");
        String rules = uploaded(zone, second, "制度汇编.pdf", EvidenceFiles.pdf());
        ok(run(zone, "report-progress", "taskId", second, "input", Map.of("percent", 100, "summary", "九项制度已印发")));
        for (Object item : ok(run(zone, "task-supervision", "id", second)).getList("data.task.deliverables.id")) {
            ok(run(zone, "tick-deliverable", "deliverableId", item, "evidenceIds", List.of(rules)));
        }
        ok(run(zone, "submit-task", "taskId", second, "input", Map.of("statement", "九项制度已印发", "evidenceIds", List.of(rules))));
        // Its deadline is 14 October now: no longer within three working days (the National Day holiday lies between).
        assertThat(levels()).containsEntry("(一)2", "GREEN").containsEntry("(一)3(1)", "YELLOW");
        assertThat(bases()).containsEntry("(一)3(1)", "PACE");

        // 8 October, a Saturday that is a working day: (一)2 is signed off late; (一)3(1) counts as overdue against
        // its original deadline, though its warning follows the extended one.
        on(2022, 10, 8);
        ok(run("admin", "sign-off-task", "taskId", second, "overrideReason", "成员单位未设立，由管委会统一报送"));
        Map<String, Map<String, Object>> after = scores();
        assertThat(after.get("乡宁生态文化旅游示范区管委会")).containsEntry("signedOff", 2).containsEntry("onTime", 1)
                .containsEntry("late", 1).containsEntry("overdueNow", 1).containsEntry("onTimeRate", new BigDecimal("33.33"));
        assertThat(levels()).containsEntry("(一)3(1)", "YELLOW").containsEntry("(一)2", null);

        JsonPath dashboard = ok(run("leader", "plan-dashboard", "planId", planId));
        assertThat(dashboard.getInt("data.planDashboard.assignedTasks")).isEqualTo(8);
        assertThat(dashboard.getString("data.planDashboard.asOf")).isEqualTo("2022-10-08");
        assertThat(counts(dashboard, "byStatus", "status")).containsEntry("SIGNED_OFF", 2).containsEntry("NOT_STARTED", 6);
        // Behind pace besides (一)3(1): October's monthly report (23 % of its month gone, nothing reported). The tasks
        // measured by the land keep pace by it: (一)3(2) has its standard-land sale (100 %), (一)3(3) two of five
        // evaluations (40 %, 28 % of its time gone), (二)2 its quota at 87.95 % (59 %), all GREEN. (二)1 has no
        // deadline and no colour: it is listed as undated, beside the two signed off.
        assertThat(counts(dashboard, "byWarning", "level")).containsEntry(null, 3).containsEntry("YELLOW", 2)
                .containsEntry("RED", 0).containsEntry("GREEN", 3);
        assertThat(dashboard.getList("data.planDashboard.undatedTasks.code")).containsExactly("(二)1");
        assertThat(dashboard.getList("data.planDashboard.overdueTasks")).isEmpty();
        assertThat(dashboard.getInt("data.planDashboard.signedOffOnTime")).isEqualTo(1);
        // One of seven items was signed off on time: the monthly report has no occurrence due yet.
        assertThat(dashboard.getString("data.planDashboard.onTimeRate")).isEqualTo("14.29");
        assertThat(dashboard.getList("data.planDashboard.quotas.targetMu", BigDecimal.class)).singleElement()
                .satisfies(target -> assertThat(target).isEqualByComparingTo("26.96"));
        assertThat(counts(dashboard, "standardLandByStage", "stage")).hasSize(7).containsEntry("PUBLIC_SALE", 1)
                .containsEntry("SELECT_AREA", 0);

        // 1 November: the October monthly report is overdue and (二)2 too.
        on(2022, 11, 1);
        assertThat(levels()).containsEntry("(一)2-月报", "RED").containsEntry("(二)2", "RED");
        List<Map<String, Object>> overdue = ok(run("leader", "plan-dashboard", "planId", planId))
                .getList("data.planDashboard.overdueTasks");
        assertThat(overdue).extracting(t -> t.get("code")).contains("(一)2-月报", "(二)2");
    }

    @Test
    void aUnitReportShowsWhatWasDueReportedAndClosed() {
        on(2022, 9, 8);
        String first = tasks.get("(一)1");
        String evidence = uploaded(zone, first, "方案.pdf", EvidenceFiles.pdf());
        ok(run(bureau, "report-progress", "taskId", first, "input", Map.of("percent", 100, "summary", "配合完成")));
        ok(run(zone, "report-progress", "taskId", first, "input", Map.of("percent", 100, "summary", "完成")));
        ok(run(zone, "submit-task", "taskId", first, "input", Map.of("statement", "已完成", "evidenceIds", List.of(evidence))));
        on(2022, 9, 13);
        ok(run("admin", "sign-off-task", "taskId", first, "overrideReason", "清单在方案中体现"));

        String bureauId = ok(run(bureau, "me")).getString("data.me.unit.id");
        JsonPath report = ok(run(bureau, "unit-report", "unitId", bureauId, "from", "2022-09-01", "to", "2022-10-31"));
        assertThat(report.getList("data.unitReport.due.task.code")).containsExactly("(一)1", "(二)2");
        assertThat(report.getList("data.unitReport.due.role")).containsExactly("ASSIST", "LEAD");
        assertThat(report.getList("data.unitReport.reports.summary")).containsExactly("配合完成");
        assertThat(report.getList("data.unitReport.closed.task.code")).containsExactly("(一)1");
        assertThat(report.getList("data.unitReport.closed.onTime")).containsExactly(true);
        assertThat(report.getList("data.unitReport.closed.submittedOn")).containsExactly("2022-09-08");

        JsonPath september = ok(run("leader", "unit-report", "unitId", bureauId, "from", "2022-09-16", "to", "2022-09-30"));
        assertThat(september.getList("data.unitReport.due")).isEmpty();
        assertThat(september.getList("data.unitReport.reports")).isEmpty();
        assertThat(september.getList("data.unitReport.closed")).isEmpty();

        String zoneId = ok(run(zone, "me")).getString("data.me.unit.id");
        assertThat(errorCode(run(bureau, "unit-report", "unitId", zoneId, "from", "2022-09-01", "to", "2022-09-30")))
                .isEqualTo("NOT_FOUND");
        assertThat(errorCode(run("leader", "unit-report", "unitId", zoneId, "from", "2022-09-30", "to", "2022-09-01")))
                .isEqualTo("VALIDATION");
        assertThat(errorCode(run(zone, "plan-dashboard", "planId", planId))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(run(zone, "unit-scoreboard", "planId", planId))).isEqualTo("FORBIDDEN");
    }

    private void on(int year, int month, int day) {
        clock.pin(LocalDate.of(year, month, day), LocalTime.of(10, 0));
    }

    /** Warning level by task code, as the leader's task list shows it. */
    private Map<String, String> levels() {
        return byCode("warningLevel");
    }

    private Map<String, String> bases() {
        return byCode("warningBasis");
    }

    private Map<String, String> byCode(String field) {
        List<Map<String, Object>> nodes = ok(run("leader", "supervision-board", "filter", Map.of("planId", planId), "first", 50))
                .getList("data.tasks.edges.node");
        Map<String, String> values = new HashMap<>();
        nodes.forEach(node -> values.put((String) node.get("code"), (String) node.get(field)));
        return values;
    }

    private Map<String, Map<String, Object>> scores() {
        List<Map<String, Object>> rows = ok(run("leader", "unit-scoreboard", "planId", planId)).getList("data.unitScoreboard");
        Map<String, Map<String, Object>> byUnit = new LinkedHashMap<>();
        rows.forEach(row -> byUnit.put((String) row.get("unitName"), row));
        return byUnit;
    }

    private static Map<String, Integer> counts(JsonPath dashboard, String list, String key) {
        List<Map<String, Object>> rows = dashboard.getList("data.planDashboard." + list);
        Map<String, Integer> counts = new HashMap<>();
        rows.forEach(row -> counts.put((String) row.get(key), ((Number) row.get("count")).intValue()));
        return counts;
    }
}
