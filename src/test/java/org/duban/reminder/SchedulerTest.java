package org.duban.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.duban.common.ChinaTime;
import org.duban.notify.RecordingMailbox;
import org.duban.schedule.SchedulerRuns;
import org.duban.support.GraphQL;
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
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The scheduler over a simulated month, with two workers on one database, a receiver that refuses every first
 * call, e-mail into the recording mailbox, and restarts in the middle of a run.
 */
@QuarkusTest
class SchedulerTest {

    private static final LocalTime NINE = LocalTime.of(9, 0);

    @Inject
    MutableClock clock;
    @Inject
    SchedulerRuns runs;
    @Inject
    ReminderPlanner planner;
    @Inject
    Vertx vertx;
    @Inject
    Pool pool;
    @Inject
    RecordingMailbox mailbox;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** A plan of its own with webhook and e-mail channels for both units and an account in 局甲. */
    private record Setup(String planId, Long[] taskIds, long unitA, long unitB, String emailA, long accountA) {
    }

    private Setup setUp(String what, String tasksYaml, WebhookReceiver receiver) {
        TestPlans.Names names = TestPlans.fresh(what);
        String planId = TestPlans.importPlan(TestPlans.document(names, tasksYaml));
        Long[] taskIds = TestPlans.taskIds(planId).values().stream().map(TestIds::key).toArray(Long[]::new);
        String unitA = TestPlans.unitId(names.regionCode(), "测试县甲局");
        String unitB = TestPlans.unitId(names.regionCode(), "测试县乙局");
        String emailA = what + names.regionCode() + "@example.gov.cn";
        ok(run("admin", "set-unit-channels", "unitId", unitA, "input", Map.of("webhookUrl", receiver.url("/duban/" + unitA),
                "webhookSecret", "s3cret", "email", emailA)));
        ok(run("admin", "set-unit-channels", "unitId", unitB, "input", Map.of("webhookUrl", receiver.url("/duban/" + unitB))));
        long account = TestAccounts.create(pool, what + names.regionCode(), "甲局联络员", TestIds.key(unitA), null);
        GraphQL.token("admin");
        return new Setup(planId, taskIds, TestIds.key(unitA), TestIds.key(unitB), emailA, account);
    }

    private static Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(ChinaTime.ZONE).toInstant();
    }

    /** Steps the clock to the day's reminder time and then to each retry that falls due that day. */
    private void simulateDay(ReminderWorkers workers, LocalDate day, Long[] taskIds) {
        clock.pin(day, NINE);
        workers.runAllAtOnce();
        Instant endOfDay = at(day.plusDays(1), LocalTime.MIDNIGHT);
        for (int step = 0; step < 50; step++) {
            Instant next = pool.preparedQuery("select min(d.next_attempt_at) as next from delivery d join reminder r"
                    + " on r.id = d.reminder_id where r.task_id = any($1) and d.status in ('PENDING', 'SENDING')")
                    .execute(Tuple.of((Object) taskIds))
                    .map(rows -> {
                        OffsetDateTime value = rows.iterator().next().getOffsetDateTime("next");
                        return value == null ? null : value.toInstant();
                    }).await().indefinitely();
            if (next == null || !next.isBefore(endOfDay)) {
                return;
            }
            clock.pin(next.isAfter(clock.instant()) ? next : clock.instant());
            workers.runAllAtOnce();
        }
        throw new AssertionError("deliveries still pending after 50 steps on " + day);
    }

    private List<Row> rows(String sql, Object... params) {
        List<Row> result = new java.util.ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().forEach(result::add);
        return result;
    }

    @Test
    void twoWorkersOverAMonthDeliverEveryReminderOncePerChannel() {
        try (WebhookReceiver receiver = WebhookReceiver.start(vertx.getDelegate(), attempt -> attempt == 1)) {
            Setup setup = setUp("month", """
                    - { code: S1, title: 十月中旬任务, deadline: 2022-10-14, units: [{ unit: 局甲 }, { unitSet: 相关单位 }] }
                    - { code: S2, title: 十月底任务, deadline: 2022-10-31, units: [{ unit: 局乙 }] }
                    - { code: S3, title: 每周五报送, startDate: 2022-10-01, recurrence: "FREQ=WEEKLY;BYDAY=FR;COUNT=4", units: [{ unit: 局甲 }] }
                    """, receiver);
            LocalDate first = LocalDate.parse("2022-09-20");
            LocalDate last = LocalDate.parse("2022-11-04");
            try (ReminderWorkers workers = new ReminderWorkers(2, runs, clock, vertx)) {
                for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                    simulateDay(workers, day, setup.taskIds());
                }
            }

            // Nothing lost, nothing doubled: exactly what the policy gives, as the preview computes it.
            Set<String> planned = planner.remindersBetween(pool, first, last).await().indefinitely().stream()
                    .filter(r -> List.of(setup.taskIds()).contains(r.taskId()))
                    .map(r -> r.taskId() + "|" + r.dueOn() + "|" + r.recipient().key() + "|" + r.remindOn() + "|" + r.kind())
                    .collect(Collectors.toSet());
            List<String> written = rows("select task_id, due_on, recipient, remind_on, kind from reminder where task_id = any($1)",
                    (Object) setup.taskIds()).stream()
                    .map(r -> r.getLong("task_id") + "|" + r.getLocalDate("due_on") + "|" + r.getString("recipient") + "|"
                            + r.getLocalDate("remind_on") + "|" + r.getString("kind"))
                    .toList();
            assertThat(written).doesNotHaveDuplicates();
            assertThat(Set.copyOf(written)).isEqualTo(planned);
            assertThat(planned).anyMatch(r -> r.endsWith("|2022-10-08|OVERDUE")).anyMatch(r -> r.endsWith("|ESCALATION"))
                    .noneMatch(r -> r.contains("|2022-10-03|"));
            // The weekly report due Friday 7 October, a holiday, is due-day reminded on Friday 30 September.
            assertThat(planned).anyMatch(r -> r.contains("|2022-10-07|unit:" + setup.unitA() + "|2022-09-30|DUE_TODAY"));

            // In-app: one notification per task and day of 局甲's reminders, for its account: on a day the weekly report
            // gives two (one occurrence overdue, the next due soon), the person gets the more urgent one.
            List<Row> inApp = rows("select r.task_id, r.remind_on, r.kind from notification n join reminder r on r.id = n.reminder_id"
                    + " where n.account_id = $1 and r.task_id = any($2)", setup.accountA(), setup.taskIds());
            long remindersOfA = written.stream().filter(w -> w.contains("|unit:" + setup.unitA() + "|")).count();
            long daysOfA = written.stream().filter(w -> w.contains("|unit:" + setup.unitA() + "|"))
                    .map(w -> w.split("\\|")[0] + "|" + w.split("\\|")[3]).distinct().count();
            assertThat(daysOfA).isLessThan(remindersOfA);
            assertThat(inApp).hasSize((int) daysOfA)
                    .extracting(r -> r.getLong("task_id") + "|" + r.getLocalDate("remind_on")).doesNotHaveDuplicates();

            // Webhooks: every delivery SENT, each accepted exactly once though every first call was refused.
            List<Row> webhooks = rows("select d.id, d.status, d.attempts from delivery d join reminder r on r.id = d.reminder_id"
                    + " where r.task_id = any($1) and d.channel = 'WEBHOOK'", (Object) setup.taskIds());
            assertThat(webhooks).isNotEmpty().allSatisfy(d -> {
                assertThat(d.getString("status")).isEqualTo("SENT");
                assertThat(d.getInteger("attempts")).isEqualTo(2);
            });
            Set<String> deliveryIds = webhooks.stream().map(d -> d.getUUID("id").toString()).collect(Collectors.toSet());
            Map<String, Long> acceptedPerId = receiver.accepted().stream().filter(WebhookReceiver.Call::isReminder)
                    .collect(Collectors.groupingBy(WebhookReceiver.Call::deliveryId, Collectors.counting()));
            assertThat(acceptedPerId.keySet()).isEqualTo(deliveryIds);
            assertThat(acceptedPerId.values()).containsOnly(1L);
            assertThat(receiver.reminderCalls()).hasSize(2 * deliveryIds.size());

            // The assignments (交办) were told once too, by whichever worker came first: a notice per task and unit,
            // each delivery accepted once, each in-app notification written once.
            List<Row> assigned = rows("select d.id, d.status from notice n join delivery d on d.notice_id = n.id"
                    + " where n.task_id = any($1) and n.kind = 'ASSIGNED' and d.channel = 'WEBHOOK'", (Object) setup.taskIds());
            assertThat(assigned).hasSize(4).allSatisfy(d -> assertThat(d.getString("status")).isEqualTo("SENT"));
            Map<String, Long> assignedPerId = receiver.accepted().stream().filter(c -> c.isNotice("ASSIGNED"))
                    .collect(Collectors.groupingBy(WebhookReceiver.Call::deliveryId, Collectors.counting()));
            assertThat(assignedPerId.keySet()).isEqualTo(assigned.stream().map(d -> d.getUUID("id").toString()).collect(Collectors.toSet()));
            assertThat(assignedPerId.values()).containsOnly(1L);
            assertThat(rows("select n.task_id from notification n where n.account_id = $1 and n.kind = 'ASSIGNED'", setup.accountA()))
                    .hasSize(2);
            assertThat(webhooks).hasSize((int) written.stream().filter(w -> w.contains("|unit:")).count());

            // E-mail (at-least-once): every delivery to 局甲's address reached the (recording) mail transport.
            Set<String> mailIds = rows("select d.id from delivery d join reminder r on r.id = d.reminder_id"
                    + " where r.task_id = any($1) and d.channel = 'EMAIL' and d.status = 'SENT'", (Object) setup.taskIds())
                    .stream().map(d -> d.getUUID("id").toString()).collect(Collectors.toSet());
            Set<String> mailed = new HashSet<>();
            for (RecordingMailbox.SentMail mail : mailbox.sentTo(setup.emailA())) {
                if (!mail.subject().startsWith("【交办】")) {
                    mailed.add(mail.deliveryId());
                }
            }
            assertThat(mailIds).hasSize((int) remindersOfA).isEqualTo(mailed);
        }
    }

    @Test
    void aRestartInTheMiddleOfARunLosesNothingAndDoublesNothing() {
        try (WebhookReceiver receiver = WebhookReceiver.start(vertx.getDelegate(), attempt -> false)) {
            Setup setup = setUp("restart", """
                    - { code: R1, title: 重启测试, deadline: 2022-06-15, units: [{ unit: 局甲 }, { unit: 局乙 }] }
                    """, receiver);
            LocalDate day = LocalDate.parse("2022-06-14");

            // An instance dies while its run is under way: its pool goes away mid-flight.
            clock.pin(day, NINE);
            Pool dying = ReminderWorkers.newPool(vertx);
            var interrupted = runs.on(dying, clock).runOnce().subscribeAsCompletionStage();
            dying.close().await().indefinitely();
            try {
                interrupted.join();
            } catch (RuntimeException expected) {
                // whatever it did, it did in whole transactions or not at all
            }
            // Another instance had claimed the deliveries and died before sending them: leased, not sent.
            pool.preparedQuery("update delivery d set status = 'SENDING', attempts = 1, lease_until = $2 from reminder r"
                    + " where r.id = d.reminder_id and r.task_id = any($1) and d.status = 'PENDING'")
                    .execute(Tuple.of(setup.taskIds(), at(day, NINE).plusSeconds(120).atOffset(java.time.ZoneOffset.UTC)))
                    .await().indefinitely();

            // The service comes back two hours late: it catches up, marks the reminders late, waits out the lease (and
            // the time 局甲's reminder waits unread in the app before it goes by the other channels).
            try (ReminderWorkers restarted = new ReminderWorkers(2, runs, clock, vertx)) {
                clock.pin(day, LocalTime.of(9, 1));
                restarted.runAllAtOnce();
                clock.pin(day, LocalTime.of(11, 5));
                restarted.runAllAtOnce();
                restarted.runAllAtOnce();
            }

            List<Row> reminders = rows("select id, late from reminder where task_id = any($1)", (Object) setup.taskIds());
            assertThat(reminders).hasSize(2);
            List<Row> inApp = rows("select n.reminder_id, n.body from notification n join reminder r on r.id = n.reminder_id"
                    + " where r.task_id = any($1)", (Object) setup.taskIds());
            assertThat(inApp).hasSize(1);
            Map<String, Long> perId = new HashMap<>(receiver.accepted().stream().filter(WebhookReceiver.Call::isReminder)
                    .collect(Collectors.groupingBy(WebhookReceiver.Call::deliveryId, Collectors.counting())));
            assertThat(perId).hasSize(2);
            assertThat(perId.values()).containsOnly(1L);
            assertThat(rows("select status from delivery d join reminder r on r.id = d.reminder_id where r.task_id = any($1)",
                    (Object) setup.taskIds())).extracting(r -> r.getString("status")).containsOnly("SENT");

            // A reminder first written at 11:00 for 09:00 is marked late; the interrupted run may have written it on time.
            clock.pin(LocalDate.parse("2022-06-15"), LocalTime.of(11, 0));
            try (ReminderWorkers late = new ReminderWorkers(1, runs, clock, vertx)) {
                late.runAllAtOnce();
            }
            List<Row> dueDay = rows("select r.late, n.body from reminder r left join notification n on n.reminder_id = r.id"
                    + " where r.task_id = any($1) and r.remind_on = '2022-06-15' and r.unit_id = $2",
                    setup.taskIds(), setup.unitA());
            assertThat(dueDay).hasSize(1);
            assertThat(dueDay.get(0).getBoolean("late")).isTrue();
            assertThat(dueDay.get(0).getString("body")).contains("补发");
        }
    }
}
