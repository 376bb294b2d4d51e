package org.duban.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** A message's words are made once and every channel says the same. */
class MessageTextTest {

    private static final LocalDate DUE = LocalDate.parse("2022-09-15");

    @Test
    void remindersBeforeADeadlineSayHowManyWorkingDaysRemain() {
        List<String> bodies = List.of(7, 3, 1).stream().map(n -> MessageText.reminder(NotificationKind.BEFORE_DEADLINE, "(一)1",
                "明确责任主体", null, DUE, DUE.minusDays(n), n, 0, false).body()).toList();
        assertThat(bodies).doesNotHaveDuplicates();
        assertThat(bodies.get(1)).contains("2022-09-15", "还有 3 个工作日");
    }

    @Test
    void anAssignmentSaysTheRoleWhenItIsDueAndTheDayToSignBy() {
        LocalDate signBy = LocalDate.parse("2022-09-09");
        assertThat(MessageText.assigned("(一)1", "明确责任主体", DUE, false, "牵头单位", signBy).body())
                .isEqualTo("本单位为牵头单位，截止日期 2022-09-15。请于 2022-09-09 前签收，或说明理由退回。");
        assertThat(MessageText.assigned("(一)2-月报", "月报告制度", null, true, "责任单位", signBy).body()).contains("责任单位，按周期报送");
        assertThat(MessageText.assigned("(二)1", "成立工作专班", null, false, "配合单位", signBy).body()).contains("未定截止日期");
        assertThat(MessageText.assigned("(一)1", "明确责任主体", DUE, false, "牵头单位", signBy).title()).isEqualTo("【交办】(一)1 明确责任主体");
    }

    @Test
    void aDeadlineOnAHolidayIsRemindedOfOnTheWorkingDayBefore() {
        MessageText.Message onTheDay = MessageText.reminder(NotificationKind.DUE_TODAY, "A", "甲", null, DUE, DUE, 0, 0, false);
        MessageText.Message before = MessageText.reminder(NotificationKind.DUE_TODAY, "A", "甲", null, DUE, DUE.minusDays(1), 0, 0, true);
        assertThat(onTheDay.body()).startsWith("今日为截止日期");
        assertThat(before.body()).contains("不是工作日", "补发", DUE.minusDays(1).toString());
    }

    @Test
    void aMilestoneIsNamedInTheTitleAndTheBody() {
        LocalDate november = LocalDate.parse("2022-11-30");
        MessageText.Message before = MessageText.reminder(NotificationKind.BEFORE_DEADLINE, "(二)2", "明确工作任务，倒排清理时间",
                "全面完成", november, november.minusDays(7), 5, 0, false);
        assertThat(before.title()).endsWith(" · 节点：全面完成");
        assertThat(before.body()).startsWith("节点“全面完成”日期 2022-11-30，还有 5 个工作日");
        MessageText.Message late = MessageText.reminder(NotificationKind.ESCALATION, "(二)2", "明确工作任务", "全面完成", november,
                november.plusDays(6), 0, 4, false);
        assertThat(late.body()).startsWith("任务节点“全面完成”已逾期 4 个工作日");
    }

    @Test
    void robotsAndMailSendTheInAppTitleAndBody() {
        MessageText.Message text = MessageText.reminder(NotificationKind.OVERDUE, "(二)2", "明确工作任务".repeat(30), null, DUE,
                DUE.plusDays(5), 0, 3, false);
        Outgoing outgoing = new Outgoing(UUID.randomUUID(), "WEBHOOK", "https://robot.example.test", 1, NotificationKind.OVERDUE,
                text.title(), text.body(), false, DUE, DUE.plusDays(5), false, 3, 1L, "(二)2", "明确工作任务", 2L, "乡宁县自然资源局",
                WebhookFormat.WECOM, null);
        assertThat(outgoing.subject()).isEqualTo(text.title()).startsWith("【已逾期】(二)2 ").hasSize("【已逾期】(二)2 ".length() + 100);
        assertThat(outgoing.text()).isEqualTo(text.title() + "\n责任单位：乡宁县自然资源局\n" + text.body() + "\n");
        assertThat(text.body()).contains("逾期 3 个工作日");
    }
}
