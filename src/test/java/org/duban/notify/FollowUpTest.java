package org.duban.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.duban.schedule.SchedulerRuns;
import org.duban.support.MutableClock;
import org.duban.support.ReminderWorkers;
import org.duban.support.TestAccounts;
import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.duban.support.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Who has read what: a reminder goes to the app first and by the unit's webhook and e-mail only while unread after
 * duban.delivery.follow-up-after (two hours); a person who read it in the app gets no e-mail; the office sees, per
 * message and recipient, when it was delivered and read, and each delivery's outcome.
 */
@QuarkusTest
class FollowUpTest {

    @Inject
    Pool pool;
    @Inject
    MutableClock clock;
    @Inject
    SchedulerRuns runs;
    @Inject
    Vertx vertx;
    @Inject
    RecordingMailbox mailbox;

    @AfterEach
    void unpin() {
        clock.reset();
    }

    private void runAt(LocalDate day, LocalTime time) {
        clock.pin(day, time);
        try (ReminderWorkers workers = new ReminderWorkers(2, runs, clock, vertx)) {
            workers.runAllAtOnce();
        }
    }

    private List<Map<String, Object>> deliveries(String taskId, String remindOn) {
        List<Map<String, Object>> found = new java.util.ArrayList<>();
        pool.preparedQuery("select d.channel, d.target, d.status, d.last_error from delivery d join reminder r on r.id = d.reminder_id"
                + " where r.task_id = $1 and r.remind_on = $2 order by d.channel, d.target")
                .execute(Tuple.of(TestIds.key(taskId), LocalDate.parse(remindOn))).await().indefinitely()
                .forEach(row -> found.add(Map.of("to", row.getString("channel") + ":" + row.getString("target"), "status", row.getString("status"))));
        return found;
    }

    @Test
    void aReminderFollowsUpByTheOtherChannelsOnlyWhileUnread() {
        clock.pin(LocalDate.of(2030, 5, 6), LocalTime.of(10, 0));
        TestPlans.Names names = TestPlans.fresh("followup");
        String taskId = TestPlans.taskIds(TestPlans.importPlan(TestPlans.document(names,
                "- { code: F1, title: 跟进提醒, deadline: 2030-05-10, units: [{ unit: 局甲 }] }"))).get("F1");
        String code = names.regionCode();
        String unitA = TestPlans.unitId(code, "测试县甲局");
        String reader = "follow-r-" + code;
        String other = "follow-o-" + code;
        String readerMail = reader + "@example.gov.cn";
        String otherMail = other + "@example.gov.cn";
        String unitMail = "unit-" + code + "@example.gov.cn";
        TestAccounts.create(pool, reader, "甲局联络员", TestIds.key(unitA), readerMail, "UNIT");
        TestAccounts.create(pool, other, "甲局副局长", TestIds.key(unitA), otherMail, "UNIT");
        try (WebhookReceiver receiver = WebhookReceiver.start(vertx.getDelegate(), attempt -> false)) {
            ok(run("admin", "set-unit-channels", "unitId", unitA, "input", Map.of("webhookUrl", receiver.url("/a"), "email", unitMail)));

            // Tuesday 7 May, 09:00: 3 working days before. In the app at once; the other channels wait.
            runAt(LocalDate.of(2030, 5, 7), LocalTime.of(9, 0));
            assertThat(receiver.reminderCalls()).isEmpty();
            assertThat(deliveries(taskId, "2030-05-07")).extracting(d -> d.get("status")).containsOnly("PENDING").hasSize(4);

            // The liaison reads it at 10:30; at 11:00 what is still unread goes: the deputy's e-mail only.
            clock.pin(LocalDate.of(2030, 5, 7), LocalTime.of(10, 30));
            List<String> ids = ok(run(reader, "my-notifications", "kinds", List.of("BEFORE_DEADLINE"))).getList("data.myNotifications.edges.node.id");
            ok(run(reader, "mark-notifications-read", "ids", ids));
            runAt(LocalDate.of(2030, 5, 7), LocalTime.of(11, 1));
            assertThat(deliveries(taskId, "2030-05-07")).extracting(d -> d.get("to") + "=" + d.get("status")).containsExactly(
                    "EMAIL:" + otherMail + "=SENT", "EMAIL:" + readerMail + "=CANCELLED", "EMAIL:" + unitMail + "=CANCELLED",
                    "WEBHOOK:" + receiver.url("/a") + "=CANCELLED");
            assertThat(mailbox.sentTo(readerMail).stream().filter(m -> m.subject().contains("即将到期"))).isEmpty();
            assertThat(mailbox.sentTo(otherMail).stream().filter(m -> m.subject().contains("即将到期"))).hasSize(1);

            // Thursday 9 May nobody reads it: two hours on, every channel carries it, once.
            runAt(LocalDate.of(2030, 5, 9), LocalTime.of(9, 0));
            runAt(LocalDate.of(2030, 5, 9), LocalTime.of(10, 59));
            assertThat(receiver.reminderCalls()).isEmpty();
            runAt(LocalDate.of(2030, 5, 9), LocalTime.of(11, 0));
            runAt(LocalDate.of(2030, 5, 9), LocalTime.of(11, 5));
            assertThat(deliveries(taskId, "2030-05-09")).extracting(d -> d.get("status")).containsOnly("SENT").hasSize(4);
            assertThat(receiver.reminderCalls()).hasSize(1);

            // The office sees who got what and who read it.
            List<Map<String, Object>> messages = ok(run("admin", "task-messages", "id", taskId)).getList("data.task.messages");
            Map<String, Object> tuesday = messages.stream().filter(m -> "BEFORE_DEADLINE".equals(m.get("kind"))
                    && m.get("body").toString().contains("还有 3 个工作日")).findFirst().orElseThrow();
            List<Map<String, Object>> receipts = (List<Map<String, Object>>) tuesday.get("receipts");
            assertThat(receipts).filteredOn(r -> "IN_APP".equals(r.get("channel")) && reader.equals(r.get("username"))).singleElement()
                    .satisfies(r -> {
                        assertThat(r.get("deliveredAt")).isEqualTo("2030-05-07T01:00:00Z");
                        assertThat(r.get("readAt")).isEqualTo("2030-05-07T02:30:00Z");
                    });
            assertThat(receipts).filteredOn(r -> "IN_APP".equals(r.get("channel")) && other.equals(r.get("username"))).singleElement()
                    .satisfies(r -> assertThat(r.get("readAt")).isNull());
            assertThat(receipts).filteredOn(r -> "WEBHOOK".equals(r.get("channel"))).singleElement()
                    .satisfies(r -> assertThat(r).containsEntry("status", "CANCELLED").containsEntry("lastError", "read in the app"));
            assertThat(receipts).filteredOn(r -> otherMail.equals(r.get("target"))).singleElement()
                    .satisfies(r -> assertThat(r).containsEntry("status", "SENT").containsEntry("username", other));
            assertThat(messages).anyMatch(m -> "ASSIGNED".equals(m.get("kind")));
            // Only the office and leaders see receipts.
            assertThat(ok(run(reader, "task-messages", "id", taskId)).getList("data.task.messages")).isEmpty();
        }
    }

    @Test
    void anUrgingAnsweredBeforeItsTimeIsNotSentAgain() {
        clock.pin(LocalDate.of(2030, 5, 6), LocalTime.of(10, 0));
        TestPlans.Names names = TestPlans.fresh("followup-urge");
        String taskId = TestPlans.taskIds(TestPlans.importPlan(TestPlans.document(names,
                "- { code: H1, title: 催办跟进, deadline: 2030-06-28, units: [{ unit: 局甲 }] }"))).get("H1");
        String unitA = TestPlans.unitId(names.regionCode(), "测试县甲局");
        String staff = "follow-urge-" + names.regionCode();
        TestAccounts.create(pool, staff, "甲局人员", TestIds.key(unitA), null, "UNIT");
        try (WebhookReceiver receiver = WebhookReceiver.start(vertx.getDelegate(), attempt -> false)) {
            ok(run("admin", "set-unit-channels", "unitId", unitA, "input", Map.of("webhookUrl", receiver.url("/urge"))));
            String first = ok(run("admin", "urge-task", "taskId", taskId, "input", Map.of("unitId", unitA, "channel", "MESSAGE",
                    "message", "请今日报送进展"))).getString("data.urgeTask.urgings[0].id");
            ok(run("admin", "urge-task", "taskId", taskId, "input", Map.of("unitId", unitA, "channel", "MESSAGE", "message", "再次催办")));
            // The unit answers the first in time, without reading it in the app; the second it leaves.
            ok(run(staff, "answer-urging", "urgingId", first, "answer", "已报送"));
            runAt(LocalDate.of(2030, 5, 6), LocalTime.of(12, 5));
            List<String> urged = receiver.calls().stream().filter(c -> c.isNotice("URGING")).map(WebhookReceiver.Call::body).toList();
            assertThat(urged).singleElement().satisfies(body -> assertThat(body).contains("再次催办"));
            assertThat(pool.preparedQuery("select d.last_error from delivery d join notice m on m.id = d.notice_id"
                    + " where m.task_id = $1 and m.kind = 'URGING' and d.status = 'CANCELLED'").execute(Tuple.of(TestIds.key(taskId)))
                    .await().indefinitely()).extracting(row -> row.getString("last_error")).containsExactly("acted on meanwhile");
        }
    }

    @Test
    void aNoticeOfAMoveGoesOnEveryChannelAtOnce() {
        clock.pin(LocalDate.of(2030, 5, 6), LocalTime.of(10, 0));
        TestPlans.Names names = TestPlans.fresh("followup-now");
        String taskId = TestPlans.taskIds(TestPlans.importPlan(TestPlans.document(names,
                "- { code: G1, title: 即时通知, deadline: 2030-06-28, units: [{ unit: 局甲 }] }"))).get("G1");
        String unitA = TestPlans.unitId(names.regionCode(), "测试县甲局");
        TestAccounts.create(pool, "follow-now-" + names.regionCode(), "甲局人员", TestIds.key(unitA), null, "UNIT");
        try (WebhookReceiver receiver = WebhookReceiver.start(vertx.getDelegate(), attempt -> false)) {
            ok(run("admin", "set-unit-channels", "unitId", unitA, "input", Map.of("webhookUrl", receiver.url("/now"))));
            ok(run("admin", "suspend-task", "taskId", taskId, "reason", "暂缓"));
            runAt(LocalDate.of(2030, 5, 6), LocalTime.of(10, 1));
            assertThat(receiver.calls().stream().filter(c -> c.isNotice("SUSPENDED"))).hasSize(1);
        }
    }
}
