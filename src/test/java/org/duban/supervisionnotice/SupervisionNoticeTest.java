package org.duban.supervisionnotice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.duban.schedule.SchedulerRuns;
import org.duban.support.GraphQL;
import org.duban.support.MutableClock;
import org.duban.support.ReminderWorkers;
import org.duban.support.TestAccounts;
import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Supervision notices (督办单) through GraphQL and their paper: numbered per region and year, levelled by the ladder,
 * the day's facts frozen in, sent to the unit, replied to once, reminded while unanswered, counted on the scoreboard,
 * and downloaded as a PDF that reads as a government document.
 */
@QuarkusTest
class SupervisionNoticeTest {

    @Inject
    Pool pool;
    @Inject
    MutableClock clock;
    @Inject
    SchedulerRuns runs;
    @Inject
    Vertx vertx;

    private String planId;
    private Map<String, String> tasks;
    private String a;
    private String b;
    private String unitA;
    private String unitB;

    @BeforeEach
    void plan() {
        clock.pin(LocalDate.of(2030, 5, 6), LocalTime.of(10, 0));
        TestPlans.Names names = TestPlans.fresh("notice");
        planId = TestPlans.importPlan(TestPlans.document(names, """
                - { code: N1, title: 逾期的任务, deadline: 2030-05-02, units: [{ unit: 局甲, role: LEAD }, { unit: 局乙, role: ASSIST }],
                    milestones: [{ date: 2030-04-30, title: 完成摸底 }] }
                - { code: N2, title: 进度正常的任务, startDate: 2030-05-01, deadline: 2030-12-31, units: [{ unit: 局甲 }] }
                - { code: N3, title: 两家共同负责, startDate: 2030-05-01, deadline: 2030-12-31, units: [{ unit: 局甲 }, { unit: 局乙 }] }
                - { code: N4, title: 中止的任务, deadline: 2030-06-30, units: [{ unit: 局甲 }] }
                """));
        tasks = TestPlans.taskIds(planId);
        String code = names.regionCode();
        unitA = TestPlans.unitId(code, "测试县甲局");
        unitB = TestPlans.unitId(code, "测试县乙局");
        a = "notice-a-" + code;
        b = "notice-b-" + code;
        TestAccounts.create(pool, a, "甲局人员", TestIds.key(unitA), null, "UNIT");
        TestAccounts.create(pool, b, "乙局人员", TestIds.key(unitB), null, "UNIT");
    }

    @AfterEach
    void unpin() {
        clock.reset();
    }

    private JsonPath issue(String user, String task, Map<String, Object> more) {
        Map<String, Object> input = new HashMap<>(Map.of("taskId", tasks.get(task), "requirement", "请于三个工作日内完成整改并报送佐证材料。"));
        input.putAll(more);
        return run(user, "issue-supervision-notice", "input", input);
    }

    @Test
    void theOfficeIssuesANumberedNoticeTheUnitRepliesAndThePaperReadsAsADocument() throws Exception {
        ok(run("admin", "urge-task", "taskId", tasks.get("N1"), "input", Map.of("unitId", unitA, "channel", "PHONE",
                "personReached", "王某", "answer", "下周报送", "urgedAt", "2030-05-04T02:00:00Z")));

        Map<String, Object> notice = ok(issue("admin", "N1", Map.of())).getMap("data.issueSupervisionNotice");
        assertThat(notice).containsEntry("number", "督办〔2030〕1号").containsEntry("level", "RED").containsEntry("state", "AWAITING_REPLY")
                .containsEntry("unitName", "测试县甲局").containsEntry("issuingOffice", "测试县人民政府").containsEntry("taskCode", "N1")
                .containsEntry("replyBy", "2030-05-09").containsEntry("issuedOn", "2030-05-06");
        assertThat((Map<String, Object>) notice.get("facts")).containsEntry("deadline", "2030-05-02").containsEntry("overdueDays", 4)
                .containsEntry("percentComplete", 0).containsEntry("warningLevel", "RED");
        assertThat(((Map<?, ?>) notice.get("facts")).get("urgings").toString()).contains("2030-05-04 电话催办（王某），答复：下周报送");

        // Sent to the unit pressed, as an urging goes; not to the assisting one.
        List<Map<String, Object>> told = GraphQL.notifications(a, "SUPERVISION_NOTICE");
        assertThat(told).singleElement().satisfies(n -> {
            assertThat(n.get("title").toString()).contains("【督办通知】督办〔2030〕1号（红色督办）N1");
            assertThat(n.get("body").toString()).contains("完成时限为2030年5月2日", "已逾期4天", "请于三个工作日内", "2030-05-09");
        });
        assertThat(GraphQL.notifications(b, "SUPERVISION_NOTICE")).isEmpty();

        // The paper: a government document's layout, Chinese in an embedded font, one page, not blank, the header red.
        String path = (String) notice.get("pdfPath");
        try (PDDocument paper = Papers.pdf(Papers.download(a, path))) {
            assertThat(paper.getNumberOfPages()).isEqualTo(1);
            assertThat(Papers.text(paper)).contains("测试县人民政府", "督办通知单", "督办〔2030〕1号", "红色督办", "测试县甲局：",
                    "《测试方案》", "第N1项任务“逾期的任务”", "完成时限为2030年5月2日，截至发文已逾期4天，目前完成进度0%", "电话催办（王某）",
                    "请于三个工作日内完成整改并报送佐证材料。", "请于2030年5月9日前", "2030年5月6日");
            Papers.fontsEmbedded(paper);
            Papers.Ink ink = Papers.ink(paper, 0);
            assertThat(ink.dark()).as("ink on the page").isGreaterThan(0.01);
            assertThat(ink.red()).as("the red header and rule").isGreaterThan(0.001);
            javax.imageio.ImageIO.write(ink.image(), "png", java.nio.file.Path.of("target", "supervision-notice.png").toFile());
        }
        assertThat(Papers.download(b, path).statusCode()).as("the assisting unit sees the task").isEqualTo(200);
        assertThat(Papers.download("sfq", path).statusCode()).as("a unit of another region").isEqualTo(404);
        assertThat(Papers.download(null, path).statusCode()).isEqualTo(401);
        assertThat(Papers.download("admin", SupervisionNotice.PATH + "nonsense.pdf").statusCode()).isEqualTo(404);

        // The unit pressed replies, once; the office hears of it; the paper then carries the reply.
        String id = (String) notice.get("id");
        assertThat(errorCode(run(b, "reply-supervision-notice", "noticeId", id, "input", Map.of("text", "不是我们")))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(run("leader", "reply-supervision-notice", "noticeId", id, "input", Map.of("text", "领导")))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(run(a, "reply-supervision-notice", "noticeId", id, "input", Map.of("text", " ")))).isEqualTo("VALIDATION");
        Map<String, Object> replied = ok(run(a, "reply-supervision-notice", "noticeId", id, "input", Map.of("text", "已完成摸底，整改方案已报送")))
                .getMap("data.replySupervisionNotice");
        assertThat(replied).containsEntry("state", "REPLIED").containsEntry("reply", "已完成摸底，整改方案已报送");
        assertThat(errorCode(run(a, "reply-supervision-notice", "noticeId", id, "input", Map.of("text", "再回")))).isEqualTo("INVALID_TRANSITION");
        assertThat(GraphQL.notifications("admin", "SUPERVISION_NOTICE_REPLIED")).anySatisfy(n ->
                assertThat(n.get("body").toString()).contains("测试县甲局回复督办通知 督办〔2030〕1号：已完成摸底"));
        try (PDDocument paper = Papers.pdf(Papers.download("admin", path))) {
            assertThat(Papers.text(paper)).contains("办理回复", "测试县甲局回复：已完成摸底，整改方案已报送");
        }

        // On the task's record and, as 红黄牌, on the scoreboard.
        assertThat(ok(run("admin", "task-supervision", "id", tasks.get("N1"))).getList("data.task.supervisionNotices.number", String.class))
                .containsExactly("督办〔2030〕1号");
        assertThat(ok(run("admin", "unit-scoreboard", "planId", planId)).getList("data.unitScoreboard", Map.class))
                .filteredOn(s -> "测试县甲局".equals(s.get("unitName"))).singleElement()
                .satisfies(s -> assertThat(s.get("supervisionNotices")).isEqualTo(Map.of("blue", 0, "yellow", 0, "red", 1)));
    }

    @Test
    void theLadderStepsUpAndNumbersRunWithoutGapsWhateverIssuesAtOnce() throws Exception {
        List<String> levels = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            levels.add(ok(issue("admin", "N2", Map.of())).getString("data.issueSupervisionNotice.level"));
        }
        assertThat(levels).as("green work: blue first, then a level up each time").containsExactly("BLUE", "YELLOW", "RED", "RED");
        assertThat(ok(issue("admin", "N2", Map.of("level", "BLUE"))).getString("data.issueSupervisionNotice.level"))
                .as("the office may say the level").isEqualTo("BLUE");
        assertThat(ok(issue("admin", "N3", Map.of("unitId", unitB))).getString("data.issueSupervisionNotice.level"))
                .as("another unit's first notice starts again").isEqualTo("BLUE");

        ExecutorService offices = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> numbers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<String> one = () -> ok(issue("admin", "N1", Map.of())).getString("data.issueSupervisionNotice.number");
                numbers.add(offices.submit(one));
            }
            List<String> issued = new ArrayList<>();
            for (Future<String> number : numbers) {
                issued.add(number.get());
            }
            assertThat(issued).as("numbers 7 to 14, each once").containsExactlyInAnyOrderElementsOf(
                    java.util.stream.IntStream.rangeClosed(7, 14).mapToObj(n -> "督办〔2030〕" + n + "号").toList());
        } finally {
            offices.shutdownNow();
        }
    }

    @Test
    void aNoticeAwaitingItsReplyIsRemindedOnceADayUntilTheUnitReplies() {
        String id = ok(issue("admin", "N1", Map.of())).getString("data.issueSupervisionNotice.id");
        for (LocalDate day = LocalDate.of(2030, 5, 7); !day.isAfter(LocalDate.of(2030, 5, 10)); day = day.plusDays(1)) {
            ReminderWorkers.runTwiceWithTwoWorkersAt(day, LocalTime.of(9, 30), runs, clock, vertx);
        }
        List<Map<String, Object>> due = GraphQL.notifications(a, "SUPERVISION_NOTICE_DUE");
        assertThat(due).extracting(n -> n.get("createdAt")).as("1 working day before, on the day, 1 working day late")
                .containsExactly("2030-05-10T01:30:00Z", "2030-05-09T01:30:00Z", "2030-05-08T01:30:00Z");
        assertThat(due.get(0).get("body").toString()).contains("督办〔2030〕1号", "已逾期 1 个工作日");

        clock.pin(LocalDate.of(2030, 5, 10), LocalTime.of(15, 0));
        ok(run("admin", "reply-supervision-notice", "noticeId", id, "input", Map.of("text", "办公室代为登记：已整改")));
        ReminderWorkers.runTwiceWithTwoWorkersAt(LocalDate.of(2030, 5, 13), LocalTime.of(9, 30), runs, clock, vertx);
        assertThat(GraphQL.notifications(a, "SUPERVISION_NOTICE_DUE")).as("a replied notice is not reminded").hasSize(3);
    }

    @Test
    void whatCannotBeIssuedChangesNothing() {
        String milestone = ok(run("admin", "task-supervision", "id", tasks.get("N1"))).getString("data.task.milestones[0].id");
        assertThat(errorCode(issue("admin", "N1", Map.of("requirement", " ")))).isEqualTo("VALIDATION");
        assertThat(errorCode(issue("admin", "N1", Map.of("replyBy", "2030-05-05")))).isEqualTo("VALIDATION");
        assertThat(errorCode(issue("admin", "N2", Map.of("unitId", unitB)))).as("not its unit").isEqualTo("VALIDATION");
        assertThat(errorCode(issue("admin", "N3", Map.of()))).as("two units answer: say which").isEqualTo("VALIDATION");
        assertThat(errorCode(issue("admin", "N2", Map.of("milestoneId", milestone)))).as("another task's milestone").isEqualTo("VALIDATION");
        assertThat(errorCode(issue(a, "N1", Map.of()))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(issue("leader", "N1", Map.of()))).isEqualTo("FORBIDDEN");
        ok(run("admin", "suspend-task", "taskId", tasks.get("N4"), "reason", "暂缓"));
        assertThat(errorCode(issue("admin", "N4", Map.of()))).isEqualTo("INVALID_TRANSITION");

        Map<String, Object> onMilestone = ok(issue("admin", "N1", Map.of("milestoneId", milestone, "replyBy", "2030-05-20")))
                .getMap("data.issueSupervisionNotice");
        assertThat(onMilestone).as("the first number: nothing refused took one").containsEntry("number", "督办〔2030〕1号")
                .containsEntry("milestoneTitle", "完成摸底").containsEntry("replyBy", "2030-05-20");
        assertThat((Map<String, Object>) onMilestone.get("facts")).containsEntry("deadline", "2030-04-30").containsEntry("overdueDays", 6);
    }
}
