package org.duban.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.duban.common.ChinaTime;
import org.duban.schedule.SchedulerRuns;
import org.duban.support.GraphQL;
import org.duban.support.MutableClock;
import org.duban.support.ReminderWorkers;
import org.duban.support.TaskMoves;
import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.duban.support.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Webhook formats and their signatures, dead deliveries and their retry, and what cancels a pending delivery. */
@QuarkusTest
class DeliveryTest {

    @Inject
    MutableClock clock;
    @Inject
    SchedulerRuns runs;
    @Inject
    Vertx vertx;
    @Inject
    Pool pool;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private record Units(Map<String, String> tasks, String unitA, String unitB) {
    }

    private Units plan(String what, String tasksYaml) {
        TestPlans.Names names = TestPlans.fresh(what);
        Map<String, String> tasks = TestPlans.taskIds(TestPlans.importPlan(TestPlans.document(names, tasksYaml)));
        GraphQL.token("admin");
        return new Units(tasks, TestPlans.unitId(names.regionCode(), "测试县甲局"), TestPlans.unitId(names.regionCode(), "测试县乙局"));
    }

    /**
     * The tests of retries count one reminder's calls: the notice of the assignment (交办) goes out first, before
     * the unit has its webhook, at a time no reminder falls due.
     */
    private void tellAssignmentsBeforeTheUnitHasAWebhook() {
        runAt("2000-01-03", LocalTime.of(8, 0));
    }

    private void runAt(String day, LocalTime time) {
        ReminderWorkers.runOnceAt(LocalDate.parse(day), time, runs, clock, vertx);
    }

    @Test
    void eachFormatIsSignedTheWayItsReceiverChecks() {
        try (WebhookReceiver receiver = WebhookReceiver.start(vertx.getDelegate(), attempt -> false)) {
            Units units = plan("formats", "- { code: F1, title: 格式测试, deadline: 2022-05-10, units: [{ unit: 局甲 }, { unit: 局乙 }] }");
            ok(run("admin", "set-unit-channels", "unitId", units.unitA(), "input", Map.of("webhookUrl", receiver.url("/ding?access_token=t"),
                    "webhookSecret", "SECdemo", "webhookFormat", "DINGTALK")));
            ok(run("admin", "set-unit-channels", "unitId", units.unitB(), "input", Map.of("webhookUrl", receiver.url("/wecom?key=k"),
                    "webhookFormat", "WECOM")));
            runAt("2022-05-09", LocalTime.of(9, 0));

            // Each unit was also told of the task (交办); the reminder is the call that says 即将到期.
            WebhookReceiver.Call ding = receiver.calls().stream().filter(c -> c.path().equals("/ding") && c.body().contains("即将到期"))
                    .findFirst().orElseThrow();
            Map<String, String> query = new java.util.HashMap<>();
            for (String pair : ding.query().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            String expected = Base64.getEncoder().encodeToString(Signatures.hmacSha256("SECdemo", query.get("timestamp") + "\nSECdemo"));
            assertThat(query).containsEntry("access_token", "t").containsEntry("sign", expected);
            JsonObject dingBody = new JsonObject(ding.body());
            assertThat(dingBody.getString("msgtype")).isEqualTo("text");
            assertThat(dingBody.getJsonObject("text").getString("content")).contains("即将到期", "F1", "测试县甲局", "2022-05-10");

            WebhookReceiver.Call wecom = receiver.calls().stream().filter(c -> c.path().equals("/wecom")).findFirst().orElseThrow();
            assertThat(wecom.query()).isEqualTo("key=k");
            assertThat(new JsonObject(wecom.body()).getJsonObject("text").getString("content")).contains("测试县乙局");
            assertThat(wecom.deliveryId()).isNotBlank();
        }
    }

    @Test
    void dubanJsonCarriesAnHmacOfTimestampAndBody() {
        try (WebhookReceiver receiver = WebhookReceiver.start(vertx.getDelegate(), attempt -> false)) {
            Units units = plan("duban", "- { code: J1, title: 签名测试, deadline: 2022-05-17, units: [{ unit: 局甲 }] }");
            ok(run("admin", "set-unit-channels", "unitId", units.unitA(), "input",
                    Map.of("webhookUrl", receiver.url("/hook"), "webhookSecret", "shared")));
            JsonPath channels = ok(run("admin", "unit-channels", "unitId", units.unitA()));
            assertThat(channels.getBoolean("data.unitChannels.webhookSecretSet")).isTrue();
            assertThat(channels.getString("data.unitChannels.webhookFormat")).isEqualTo("DUBAN");
            runAt("2022-05-16", LocalTime.of(9, 0));

            WebhookReceiver.Call call = receiver.reminderCalls().get(0);
            String timestamp = call.headers().get("x-duban-timestamp");
            assertThat(call.headers().get("x-duban-signature")).isEqualTo(WebhookSender.signature("shared", timestamp, call.body()));
            JsonObject body = new JsonObject(call.body());
            assertThat(body.getString("deliveryId")).isEqualTo(call.deliveryId());
            assertThat(body.getString("kind")).isEqualTo("BEFORE_DEADLINE");
            assertThat(body.getJsonObject("task").getString("id")).isEqualTo(units.tasks().get("J1"));
            assertThat(body.getString("deadline")).isEqualTo("2022-05-17");
        }
    }

    @Test
    void aFailedAttemptIsRetriedABackoffAfterItFailedNotAfterTheRunBegan() {
        // The receiver takes ten minutes (on the clock) to refuse: the retry is due a minute after that.
        try (WebhookReceiver receiver = WebhookReceiver.start(vertx.getDelegate(), attempt -> {
            clock.pin(clock.instant().plus(Duration.ofMinutes(10)));
            return true;
        })) {
            Units units = plan("backoff", "- { code: B1, title: 退避测试, deadline: 2022-04-21, units: [{ unit: 局甲 }] }");
            tellAssignmentsBeforeTheUnitHasAWebhook();
            ok(run("admin", "set-unit-channels", "unitId", units.unitA(), "input", Map.of("webhookUrl", receiver.url("/slow"))));
            runAt("2022-04-20", LocalTime.of(9, 0));
            // Each refusal moves the clock on ten minutes (the catch-up also writes the 3-day reminder, late, and both
            // are sent at once): every retry is due a minute after a refusal, none a minute after the run began.
            List<Instant> next = new ArrayList<>();
            pool.preparedQuery("select d.next_attempt_at from delivery d join reminder r on r.id = d.reminder_id"
                    + " where r.task_id = $1").execute(Tuple.of(TestIds.key(units.tasks().get("B1"))))
                    .await().indefinitely().forEach(row -> next.add(row.getOffsetDateTime("next_attempt_at").toInstant()));
            Instant nine = LocalDate.parse("2022-04-20").atTime(9, 0).atZone(ChinaTime.ZONE).toInstant();
            assertThat(receiver.calls()).as("one call per delivery").hasSize(next.size()).isNotEmpty();
            assertThat(next).allSatisfy(at -> assertThat(at).isBetween(nine.plus(Duration.ofMinutes(11)),
                    nine.plus(Duration.ofMinutes(10L * next.size() + 1))));
        }
    }

    @Test
    void aDeliveryThatKeepsFailingDiesAndAnAdminRetriesIt() {
        try (WebhookReceiver receiver = WebhookReceiver.start(vertx.getDelegate(), attempt -> attempt <= 8)) {
            Units units = plan("dead", "- { code: D1, title: 失败测试, deadline: 2022-04-20, units: [{ unit: 局甲 }] }");
            tellAssignmentsBeforeTheUnitHasAWebhook();
            ok(run("admin", "set-unit-channels", "unitId", units.unitA(), "input", Map.of("webhookUrl", receiver.url("/down"))));
            runAt("2022-04-19", LocalTime.of(9, 0));
            // Backoff doubles from a minute: attempts at +1, +3, +7, ... minutes; eight in all.
            for (int i = 0; i < 10; i++) {
                runAt("2022-04-19", LocalTime.of(9, 0).plusMinutes((1L << (i + 1)) - 1));
            }
            JsonPath dead = ok(run("admin", "deliveries", "filter", Map.of("taskId", units.tasks().get("D1"))));
            assertThat(dead.getList("data.deliveries.edges.node.status")).containsExactly("DEAD");
            assertThat(dead.getInt("data.deliveries.edges[0].node.attempts")).isEqualTo(8);
            assertThat(dead.getString("data.deliveries.edges[0].node.lastError")).contains("503");
            String id = dead.getString("data.deliveries.edges[0].node.id");

            assertThat(errorCode(run("zrzyj", "retry-delivery", "id", id))).isEqualTo("FORBIDDEN");
            JsonPath retried = ok(run("admin", "retry-delivery", "id", id));
            assertThat(retried.getString("data.retryDelivery.status")).isEqualTo("PENDING");
            runAt("2022-04-19", LocalTime.of(18, 0));
            JsonPath sent = ok(run("admin", "deliveries", "filter", Map.of("taskId", units.tasks().get("D1"), "status", List.of("SENT"))));
            assertThat(sent.getList("data.deliveries.edges.node.id")).containsExactly(id);
            assertThat(errorCode(run("admin", "retry-delivery", "id", id))).isEqualTo("CONFLICT");
            assertThat(errorCode(run("admin", "retry-delivery", "id", "00000000-0000-0000-0000-000000000000"))).isEqualTo("NOT_FOUND");
            assertThat(receiver.accepted()).extracting(WebhookReceiver.Call::deliveryId).containsExactly(id);
        }
    }

    @Test
    void signingOffMovingTheDeadlineOrDeletingCancelsWhatIsStillPending() {
        try (WebhookReceiver receiver = WebhookReceiver.start(vertx.getDelegate(), attempt -> true)) {
            Units units = plan("cancel", """
                    - { code: C1, title: 销号取消, deadline: 2022-03-15, units: [{ unit: 局甲 }] }
                    - { code: C2, title: 改期取消, deadline: 2022-03-15, units: [{ unit: 局甲 }] }
                    - { code: C3, title: 删除取消, deadline: 2022-03-15, units: [{ unit: 局甲 }] }
                    """);
            ok(run("admin", "set-unit-channels", "unitId", units.unitA(), "input", Map.of("webhookUrl", receiver.url("/refuse"))));
            runAt("2022-03-14", LocalTime.of(9, 0));
            clock.reset();
            TaskMoves.signOff(units.tasks().get("C1"));
            ok(run("admin", "update-task", "id", units.tasks().get("C2"), "input", Map.of("deadline", "2022-03-31")));
            ok(run("admin", "delete-task", "id", units.tasks().get("C3")));
            runAt("2022-03-14", LocalTime.of(10, 0));

            List<String> statuses = pool.preparedQuery("select d.status from delivery d join reminder r on r.id = d.reminder_id"
                    + " where r.task_id = any($1)")
                    .execute(Tuple.of((Object) units.tasks().values().stream().map(TestIds::key).toArray(Long[]::new)))
                    .map(rows -> {
                        List<String> list = new java.util.ArrayList<>();
                        rows.forEach(r -> list.add(r.getString("status")));
                        return list;
                    }).await().indefinitely();
            assertThat(statuses).hasSize(3).containsOnly("CANCELLED");
        }
    }

    @Test
    void channelsAreValidatedAndAdminOnly() {
        Units units = plan("channels", "- { code: V1, title: 校验, deadline: 2022-02-15, units: [{ unit: 局甲 }] }");
        assertThat(errorCode(run("admin", "set-unit-channels", "unitId", units.unitA(), "input", Map.of("webhookUrl", "ftp://x"))))
                .isEqualTo("VALIDATION");
        assertThat(errorCode(run("admin", "set-unit-channels", "unitId", units.unitA(), "input", Map.of("email", "not-an-address"))))
                .isEqualTo("VALIDATION");
        assertThat(errorCode(run("admin", "set-unit-channels", "unitId", units.unitA(), "input", Map.of("webhookSecret", "s"))))
                .isEqualTo("VALIDATION");
        assertThat(errorCode(run("admin", "set-unit-channels", "unitId", "987654", "input", Map.of("email", "a@b.cn"))))
                .isEqualTo("NOT_FOUND");
        assertThat(errorCode(run("zrzyj", "set-unit-channels", "unitId", units.unitA(), "input", Map.of("email", "a@b.cn"))))
                .isEqualTo("FORBIDDEN");
        JsonPath none = ok(run("admin", "unit-channels", "unitId", units.unitA()));
        assertThat(none.getString("data.unitChannels.email")).isNull();
        assertThat(none.getBoolean("data.unitChannels.webhookSecretSet")).isFalse();
    }
}
