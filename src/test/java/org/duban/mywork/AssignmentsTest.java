package org.duban.mywork;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.execute;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;
import static org.duban.support.GraphQL.token;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.duban.common.page.Cursor;
import org.duban.support.MutableClock;
import org.duban.support.SqlStatements;
import org.duban.support.TaskMoves;
import org.duban.support.TestAccounts;
import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;

/** What a unit's staff see on the phone: myAssignments and the calendar feed. */
@QuarkusTest
class AssignmentsTest {

    @Inject
    Pool pool;

    @Inject
    MutableClock clock;

    @Test
    void theNaturalResourcesBureauHasExactlyItsTwoDemoTasksOverdueFirst() {
        JsonPath mine = ok(run("zrzyj", "my-assignments", "first", 100));
        List<Map<String, Object>> nodes = mine.getList("data.myAssignments.edges.node");
        // (一)1 directly (assisting), (二)2 directly (leading); the standard-land group it might belong to lists no members.
        assertThat(mine.getList("data.myAssignments.edges.node.task.code", String.class)).containsExactlyInAnyOrder("(一)1", "(二)2");
        assertThat(mine.getInt("data.myAssignments.totalCount")).isEqualTo(2);
        Map<String, Object> first = nodes.get(0);
        Map<String, Object> second = nodes.get(1);
        boolean firstOverdue = (Boolean) first.get("overdue");
        boolean secondOverdue = (Boolean) second.get("overdue");
        assertThat(firstOverdue || !secondOverdue).as("overdue first").isTrue();
        if (firstOverdue == secondOverdue) {
            assertThat((String) ((Map<?, ?>) first.get("task")).get("deadline"))
                    .isLessThanOrEqualTo((String) ((Map<?, ?>) second.get("task")).get("deadline"));
        }
        Map<String, Object> clearing = nodes.stream().filter(n -> ((Map<?, ?>) n.get("task")).get("code").equals("(二)2")).findFirst()
                .orElseThrow();
        assertThat(clearing.get("role")).isEqualTo("LEAD");
        if ((Boolean) clearing.get("overdue")) {
            assertThat((Integer) clearing.get("workingDaysLeft")).isNegative();
        }
    }

    @Test
    void aSetsMemberSeesTheTasksOfTheSetWithWorkingDaysLeftAndTheLatestReport() {
        TestPlans.Names names = TestPlans.fresh("assignments");
        String planId = TestPlans.importPlan(TestPlans.document(names, """
                - { code: A1, title: 甲独办, deadline: 2031-03-03, units: [{ unit: 局甲 }] }
                - { code: B1, title: 乙经集合, deadline: 2031-03-10, units: [{ unitSet: 相关单位, role: ASSIST }] }
                - { code: B2, title: 乙已逾期, deadline: 2022-03-10, units: [{ unit: 局乙, role: LEAD }] }
                - { code: B3, title: 乙无期限, units: [{ unit: 局乙 }] }
                - { code: B4, title: 乙月报, startDate: 2026-09-01, recurrence: "FREQ=MONTHLY;BYMONTHDAY=-1", units: [{ unit: 局乙, role: LEAD }] }
                """));
        Map<String, String> tasks = TestPlans.taskIds(planId);
        String user = "asg-" + names.regionCode();
        TestAccounts.create(pool, user, "乙局人员", TestIds.key(TestPlans.unitId(names.regionCode(), "测试县乙局")), null);
        ok(run(user, "report-progress", "taskId", tasks.get("B1"), "input", Map.of("percent", 30, "summary", "已开展摸底")));

        JsonPath mine = ok(run(user, "my-assignments"));
        // The monthly report's September occurrence is the earliest still open, and overdue (B2's is older).
        assertThat(mine.getList("data.myAssignments.edges.node.task.code")).containsExactly("B2", "B4", "B1", "B3");
        assertThat(mine.getList("data.myAssignments.edges.node.dueOn")).containsExactly("2022-03-10", "2026-09-30", "2031-03-10", null);
        assertThat(mine.getList("data.myAssignments.edges.node.overdue")).containsExactly(true, true, false, false);
        assertThat(mine.getList("data.myAssignments.edges.node.role")).containsExactly("LEAD", "LEAD", "ASSIST", "LEAD");
        assertThat(mine.getString("data.myAssignments.edges[1].node.occurrenceId")).isEqualTo(tasks.get("B4") + "@2026-09-30");
        assertThat(mine.getInt("data.myAssignments.edges[0].node.workingDaysLeft")).isNegative();
        assertThat(mine.getInt("data.myAssignments.edges[2].node.workingDaysLeft")).isPositive();
        assertThat(mine.getString("data.myAssignments.edges[3].node.workingDaysLeft")).isNull();
        assertThat(mine.getString("data.myAssignments.edges[2].node.status")).isEqualTo("IN_PROGRESS");
        assertThat(mine.getString("data.myAssignments.edges[2].node.latestProgress.summary")).isEqualTo("已开展摸底");
        assertThat(mine.getInt("data.myAssignments.edges[2].node.latestProgress.percent")).isEqualTo(30);
        assertThat(mine.getString("data.myAssignments.edges[2].node.latestProgress.reportedBy")).isEqualTo("乙局人员");
        assertThat(mine.getString("data.myAssignments.edges[0].node.latestProgress")).isNull();

        // The lead unit submits September's report: October's becomes the one due.
        String september = tasks.get("B4") + "@2026-09-30";
        ok(run(user, "change-occurrence-status", "occurrenceId", september, "status", "IN_PROGRESS"));
        ok(run(user, "change-occurrence-status", "occurrenceId", september, "status", "SUBMITTED"));
        assertThat(ok(run(user, "my-assignments")).getList("data.myAssignments.edges.node.dueOn"))
                .containsExactly("2022-03-10", "2026-10-31", "2031-03-10", null);

        JsonPath open = ok(run(user, "my-assignments", "status", List.of("NOT_STARTED")));
        assertThat(open.getList("data.myAssignments.edges.node.task.code")).containsExactly("B2", "B4", "B3");

        JsonPath page = ok(run(user, "my-assignments", "first", 2));
        assertThat(page.getBoolean("data.myAssignments.pageInfo.hasNextPage")).isTrue();
        JsonPath rest = ok(run(user, "my-assignments", "first", 2, "after", page.getString("data.myAssignments.pageInfo.endCursor")));
        assertThat(rest.getList("data.myAssignments.edges.node.task.code")).containsExactly("B1", "B3");
        assertThat(rest.getBoolean("data.myAssignments.pageInfo.hasNextPage")).isFalse();
        assertThat(rest.getInt("data.myAssignments.totalCount")).isEqualTo(4);
    }

    @Test
    void aTaskMovedSettledMadeRecurringOrDeletedMovesInItsUnitsListAtOnce() {
        TestPlans.Names names = TestPlans.fresh("asgmoves");
        String planId = TestPlans.importPlan(TestPlans.document(names, """
                - { code: E1, title: 甲, deadline: 2031-01-01, units: [{ unit: 局乙 }] }
                - { code: E2, title: 乙, deadline: 2032-01-01, units: [{ unitSet: 相关单位 }] }
                - { code: E3, title: 丙, deadline: 2033-01-01, units: [{ unit: 局乙 }] }
                - { code: E4, title: 丁, deadline: 2034-01-01, units: [{ unit: 局乙 }] }
                """));
        Map<String, String> tasks = TestPlans.taskIds(planId);
        String user = "asgm-" + names.regionCode();
        TestAccounts.create(pool, user, "乙局人员", TestIds.key(TestPlans.unitId(names.regionCode(), "测试县乙局")), null);
        assertThat(codes(user, null)).containsExactly("E1", "E2", "E3", "E4");

        ok(run("admin", "update-task", "id", tasks.get("E3"), "input", Map.of("deadline", "2022-03-01")));
        ok(run("admin", "update-task", "id", tasks.get("E2"), "input", Map.of("removeDeadline", true)));
        assertThat(codes(user, null)).as("E3 overdue, E2 undated").containsExactly("E3", "E1", "E4", "E2");

        ok(run("admin", "change-task-status", "id", tasks.get("E3"), "status", "IN_PROGRESS"));
        ok(run("admin", "change-task-status", "id", tasks.get("E3"), "status", "SUBMITTED"));
        assertThat(codes(user, null)).as("E3 submitted, no longer overdue").containsExactly("E3", "E1", "E4", "E2");
        assertThat(codes(user, List.of("NOT_STARTED"))).containsExactly("E1", "E4", "E2");
        assertThat(codes(user, List.of("SUBMITTED"))).containsExactly("E3");

        ok(run("admin", "update-task", "id", tasks.get("E4"), "input", Map.of("recurrence", "FREQ=YEARLY", "startDate", "2026-06-30", "removeDeadline", true)));
        ok(run("admin", "delete-task", "id", tasks.get("E1")));
        JsonPath mine = ok(run(user, "my-assignments"));
        assertThat(mine.getList("data.myAssignments.edges.node.task.code")).containsExactly("E4", "E3", "E2");
        assertThat(mine.getString("data.myAssignments.edges[0].node.dueOn")).as("its yearly occurrence").isEqualTo("2026-06-30");
        assertThat(mine.getInt("data.myAssignments.totalCount")).isEqualTo(3);
    }

    private static List<String> codes(String user, List<String> status) {
        return ok(status == null ? run(user, "my-assignments") : run(user, "my-assignments", "status", status))
                .getList("data.myAssignments.edges.node.task.code", String.class);
    }

    @Test
    void pagesFollowOneAnotherInTheOrderOfTheWholeListWhereverTheirLastAssignmentFalls() {
        TestPlans.Names names = TestPlans.fresh("asgpages");
        String planId = TestPlans.importPlan(TestPlans.document(names, """
                - { code: C1, title: 逾期甲, deadline: 2022-03-10, units: [{ unit: 局乙, role: LEAD }] }
                - { code: C2, title: 逾期乙, deadline: 2022-03-10, units: [{ unitSet: 相关单位, role: ASSIST }] }
                - { code: C3, title: 逾期更早, deadline: 2021-05-01, units: [{ unit: 局乙 }] }
                - { code: C4, title: 已销号, deadline: 2022-01-01, units: [{ unit: 局乙 }] }
                - { code: C5, title: 将到期甲, deadline: 2031-03-10, units: [{ unit: 局乙 }] }
                - { code: C6, title: 将到期乙, deadline: 2031-03-10, units: [{ unit: 局乙 }] }
                - { code: C7, title: 已报送, deadline: 2030-01-01, units: [{ unit: 局乙 }] }
                - { code: C8, title: 无期限甲, units: [{ unit: 局乙 }] }
                - { code: C9, title: 无期限乙, units: [{ unit: 局乙 }] }
                - { code: C10, title: 月报, startDate: 2026-09-01, recurrence: "FREQ=MONTHLY;BYMONTHDAY=-1", units: [{ unit: 局乙 }] }
                - { code: C11, title: 年报, startDate: 2031-06-30, recurrence: "FREQ=YEARLY", units: [{ unit: 局乙 }] }
                - { code: C12, title: 新月报, startDate: 2027-02-01, recurrence: "FREQ=MONTHLY;BYMONTHDAY=-1", units: [{ unit: 局乙 }] }
                - { code: D1, title: 他人之事, deadline: 2022-03-10, units: [{ unit: 局甲 }] }
                """));
        Map<String, String> tasks = TestPlans.taskIds(planId);
        TaskMoves.signOff(tasks.get("C4"));
        ok(run("admin", "change-task-status", "id", tasks.get("C7"), "status", "IN_PROGRESS"));
        ok(run("admin", "change-task-status", "id", tasks.get("C7"), "status", "SUBMITTED"));
        String user = "asgp-" + names.regionCode();
        TestAccounts.create(pool, user, "乙局人员", TestIds.key(TestPlans.unitId(names.regionCode(), "测试县乙局")), null);

        SqlStatements.reset();
        clock.pin(LocalDate.of(2027, 2, 10), LocalTime.of(9, 0));
        try {
            // Overdue (a monthly report's September occurrence among them), then by due date (the other report's February
            // occurrence among them), undated last (the yearly report, not yet begun, with them); ties by task.
            List<String> expected = new ArrayList<>(
                    List.of("C3", "C1", "C2", "C10", "C4", "C12", "C7", "C5", "C6", "C8", "C9", "C11"));
            sortTies(expected, List.of("C1", "C2"), tasks);
            sortTies(expected, List.of("C5", "C6"), tasks);
            sortTies(expected, List.of("C8", "C9", "C11"), tasks);
            pagesFollowTheWholeList(user, expected);
        } finally {
            clock.reset();
        }
        // Vert.x keeps a prepared statement only under 2,048 characters; one it does not keep is planned every time.
        List<String> pages = SqlStatements.recorded().stream().filter(sql -> sql.contains("overdue_rank")).toList();
        assertThat(pages).isNotEmpty().allSatisfy(sql -> assertThat(sql.length()).isLessThan(2048));

        assertThat(errorCode(run(user, "my-assignments", "after", "bm90LWEtY3Vyc29y"))).isEqualTo("VALIDATION");
        String overdueUndated = Cursor.encode("assignment", "0|infinity|0000000000000000001");
        assertThat(errorCode(run(user, "my-assignments", "after", overdueUndated))).as("overdue without a date").isEqualTo("VALIDATION");
    }

    private static void pagesFollowTheWholeList(String user, List<String> expected) {
        assertThat(ok(run(user, "my-assignments", "first", 100)).getList("data.myAssignments.edges.node.task.code"))
                .containsExactlyElementsOf(expected);
        for (int size = 1; size <= 4; size++) {
            assertThat(walk(user, size, null)).as("pages of %d", size).containsExactlyElementsOf(expected);
        }
        List<String> notStarted = expected.stream().filter(code -> !code.equals("C4") && !code.equals("C7")).toList();
        assertThat(walk(user, 3, List.of("NOT_STARTED"))).containsExactlyElementsOf(notStarted);
        List<String> settled = expected.stream().filter(code -> code.equals("C4") || code.equals("C7")).toList();
        assertThat(walk(user, 1, List.of("SUBMITTED", "SIGNED_OFF"))).containsExactlyElementsOf(settled);
        List<String> notStartedOrSubmitted = expected.stream().filter(code -> !code.equals("C4")).toList();
        assertThat(walk(user, 2, List.of("NOT_STARTED", "SUBMITTED"))).containsExactlyElementsOf(notStartedOrSubmitted);
    }

    /** The codes of every page of {@code size}, following each page's end cursor; each page counts them all. */
    private static List<String> walk(String user, int size, List<String> status) {
        List<String> codes = new ArrayList<>();
        String after = null;
        int total = -1;
        for (int pages = 0; pages < 20; pages++) {
            JsonPath page = ok(status == null ? run(user, "my-assignments", "first", size, "after", after)
                    : run(user, "my-assignments", "first", size, "after", after, "status", status));
            codes.addAll(page.getList("data.myAssignments.edges.node.task.code", String.class));
            int counted = page.getInt("data.myAssignments.totalCount");
            assertThat(total == -1 || total == counted).as("totalCount on every page").isTrue();
            total = counted;
            if (!page.getBoolean("data.myAssignments.pageInfo.hasNextPage")) {
                assertThat(codes).hasSize(total);
                return codes;
            }
            after = page.getString("data.myAssignments.pageInfo.endCursor");
        }
        throw new AssertionError("more than 20 pages: " + codes);
    }

    /** Puts {@code tied} (consecutive in {@code codes}) in the order of their task ids. */
    private static void sortTies(List<String> codes, List<String> tied, Map<String, String> tasks) {
        int at = codes.indexOf(tied.get(0));
        List<String> sorted = tied.stream().sorted(Comparator.comparingLong(code -> TestIds.key(tasks.get(code)))).toList();
        for (int i = 0; i < sorted.size(); i++) {
            codes.set(at + i, sorted.get(i));
        }
    }

    @Test
    void aPageOfAssignmentsCostsFiveStatementsWhateverItsSizeAndOneMoreForRecurringTasksOrTheTotal() {
        run("zrzyj", "my-assignments"); // warm-up
        SqlStatements.reset();
        ok(run("zrzyj", "my-assignments", "first", 1));
        List<String> small = SqlStatements.recorded();
        SqlStatements.reset();
        ok(run("zrzyj", "my-assignments", "first", 100));
        List<String> large = SqlStatements.recorded();
        // The token's account check, the unit's tasks, the latest moves, the signings, the named people, and the count the
        // operation asks for; the calendar is in memory.
        assertThat(large).hasSize(6).hasSameSizeAs(small);
        run("sfq", "my-assignments"); // warm-up, and sign-in
        SqlStatements.reset();
        ok(run("sfq", "my-assignments", "first", 100));
        assertThat(SqlStatements.recorded()).as("sfq has the monthly report: its schedule is one more").hasSize(7);
        SqlStatements.reset();
        ok(execute(token("sfq"), "{ myAssignments(first: 100) { edges { node { role task { code } } } } }", Map.of()));
        assertThat(SqlStatements.recorded()).as("without totalCount, nothing is counted").hasSize(3);
    }

    @Test
    void theCalendarFeedHoldsTheUnitsOpenDeadlinesAndParsesAsICalendar() throws Exception {
        TestPlans.Names names = TestPlans.fresh("feed");
        String longTitle = "编制“标准地”年度储备计划、出让计划和区域评估工作计划; 并报县政府审定，逐月调度进展\n确保按期完成（长标题）";
        String planId = TestPlans.importPlan(TestPlans.document(names, """
                - { code: F1, title: "%s", deadline: 2031-03-03, units: [{ unit: 局甲 }] }
                - { code: F2, title: 已逾期, deadline: 2022-03-10, units: [{ unit: 局甲, role: LEAD }] }
                - { code: F3, title: 已销号, deadline: 2031-04-01, units: [{ unit: 局甲 }] }
                - { code: F4, title: 他人之事, deadline: 2031-04-02, units: [{ unit: 局乙 }] }
                - { code: F5, title: 无期限, units: [{ unit: 局甲 }] }
                """.formatted(longTitle.replace("\n", "\\n"))));
        Map<String, String> tasks = TestPlans.taskIds(planId);
        TaskMoves.signOff(tasks.get("F3"));
        String user = "feed-" + names.regionCode();
        String accountId = String.valueOf(TestAccounts.create(pool, user, "甲局人员",
                TestIds.key(TestPlans.unitId(names.regionCode(), "测试县甲局")), null));

        String path = ok(run(user, "rotate-calendar-feed")).getString("data.rotateCalendarFeed");
        assertThat(path).matches("/calendar/[A-Za-z0-9_-]{43}\\.ics");
        String ics = given().get(path).then().statusCode(200).contentType("text/calendar; charset=utf-8").extract().asString();
        assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        List<VEvent> events = calendar.getComponents().stream().filter(c -> c.getName().equals("VEVENT"))
                .map(c -> (VEvent) c).toList();
        assertThat(calendar.getComponents().stream().map(CalendarComponent::getName)).doesNotContain("VTODO");
        assertThat(events).extracting(e -> e.getSummary().getValue())
                .containsExactlyInAnyOrder("【到期】F1 " + longTitle, "【逾期】F2 已逾期");
        VEvent f1 = events.stream().filter(e -> e.getSummary().getValue().contains("F1")).findFirst().orElseThrow();
        DtStart<Temporal> start = f1.getStartDate().orElseThrow();
        assertThat(start.getDate()).isEqualTo(LocalDate.of(2031, 3, 3));
        assertThat(f1.getProperty(Property.DTSTART).orElseThrow().toString()).startsWith("DTSTART;VALUE=DATE:20310303");
        assertThat(f1.getAlarms()).hasSize(2);
        assertThat(f1.getAlarms()).allSatisfy(alarm -> assertThat(alarm.getProperty(Property.TRIGGER)).isPresent());

        String rotated = ok(run(user, "rotate-calendar-feed")).getString("data.rotateCalendarFeed");
        given().get(path).then().statusCode(404);
        given().get(rotated).then().statusCode(200);
        ok(run("admin", "disable-user", "id", accountId));
        given().get(rotated).then().statusCode(404);
        given().get("/calendar/not-a-secret.ics").then().statusCode(404);
        assertThat(errorCode(run("admin", "rotate-calendar-feed"))).isEqualTo("VALIDATION");
    }
}
