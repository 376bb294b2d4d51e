package org.duban.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.net.URL;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.duban.schedule.SchedulerRuns;
import org.duban.support.GraphQL;
import org.duban.support.MutableClock;
import org.duban.support.ReminderWorkers;
import org.duban.support.TestAccounts;
import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/** The in-app channel: the inbox, marking read, and the live subscription fed through LISTEN/NOTIFY. */
@QuarkusTest
class NotificationTest {

    @Inject
    MutableClock clock;
    @Inject
    SchedulerRuns runs;
    @Inject
    Vertx vertx;
    @Inject
    Pool pool;

    @TestHTTPResource("/graphql")
    URL endpoint;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** A subscription over graphql-transport-ws; its events arrive in {@link #events}. */
    private final class Subscriber implements AutoCloseable {

        final BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
        private final WebSocket socket;

        Subscriber(String token) throws Exception {
            this(token, GraphQL.operation("notification-added"));
        }

        Subscriber(String token, String query) throws Exception {
            WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(endpoint.getHost()).setPort(endpoint.getPort())
                    .setURI("/graphql").addSubProtocol("graphql-transport-ws");
            socket = vertx.getDelegate().createWebSocketClient().connect(options).toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            BlockingQueue<JsonObject> acks = new LinkedBlockingQueue<>();
            socket.textMessageHandler(text -> {
                JsonObject message = new JsonObject(text);
                String type = message.getString("type");
                if (!type.equals("ping") && !type.equals("pong")) {
                    (type.equals("next") || type.equals("error") ? events : acks).add(message);
                }
            });
            socket.writeTextMessage(new JsonObject().put("type", "connection_init")
                    .put("payload", new JsonObject().put("Authorization", "Bearer " + token)).encode());
            JsonObject ack = acks.poll(10, TimeUnit.SECONDS);
            assertThat(ack).isNotNull();
            assertThat(ack.getString("type")).isEqualTo("connection_ack");
            socket.writeTextMessage(new JsonObject().put("id", "1").put("type", "subscribe")
                    .put("payload", new JsonObject().put("query", query)).encode());
            Thread.sleep(500); // the subscription is registered asynchronously
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    private record Inbox(String username, long accountId, String taskId) {
    }

    private Inbox anAccountWithAReminderDueOn(String day) {
        TestPlans.Names names = TestPlans.fresh("inbox");
        String planId = TestPlans.importPlan(TestPlans.document(names,
                "- { code: N1, title: 通知测试, deadline: " + day + ", units: [{ unit: 局甲 }] }"));
        String unitId = TestPlans.unitId(names.regionCode(), "测试县甲局");
        String username = "inbox" + names.regionCode();
        long account = TestAccounts.create(pool, username, "通知测试员", TestIds.key(unitId), null);
        GraphQL.token(username);
        GraphQL.token("sfq");
        return new Inbox(username, account, TestPlans.taskIds(planId).get("N1"));
    }

    private void runSchedulerInAnotherInstanceOn(String day) {
        ReminderWorkers.runOnceAt(LocalDate.parse(day), LocalTime.of(9, 0), runs, clock, vertx);
        clock.reset();
    }

    @Test
    void aNotificationWrittenByAnotherInstanceReachesItsAccountsSubscriptionOnly() throws Exception {
        Inbox inbox = anAccountWithAReminderDueOn("2022-07-21");
        try (Subscriber mine = new Subscriber(GraphQL.token(inbox.username()));
                Subscriber someoneElse = new Subscriber(GraphQL.token("sfq"))) {
            runSchedulerInAnotherInstanceOn("2022-07-20");

            JsonObject event = mine.events.poll(10, TimeUnit.SECONDS);
            assertThat(event).as("a notification within 10 s").isNotNull();
            JsonObject added = event.getJsonObject("payload").getJsonObject("data").getJsonObject("notificationAdded");
            assertThat(added.getString("kind")).isEqualTo("BEFORE_DEADLINE");
            assertThat(added.getJsonObject("task").getString("id")).isEqualTo(inbox.taskId());
            assertThat(someoneElse.events.poll(1, TimeUnit.SECONDS)).isNull();
        }
    }

    @Test
    void aSubscriptionNeedsAToken() throws Exception {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(endpoint.getHost()).setPort(endpoint.getPort())
                .setURI("/graphql").addSubProtocol("graphql-transport-ws");
        WebSocket socket = vertx.getDelegate().createWebSocketClient().connect(options).toCompletionStage()
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        socket.textMessageHandler(text -> {
            JsonObject message = new JsonObject(text);
            if (!List.of("ping", "pong").contains(message.getString("type"))) {
                messages.add(message);
            }
        });
        socket.closeHandler(closed -> messages.add(new JsonObject().put("type", "closed").put("code", socket.closeStatusCode())
                .put("reason", socket.closeReason())));
        socket.writeTextMessage(new JsonObject().put("type", "connection_init").encode());
        assertThat(messages.poll(10, TimeUnit.SECONDS).getString("type")).isEqualTo("connection_ack");
        socket.writeTextMessage(new JsonObject().put("id", "1").put("type", "subscribe")
                .put("payload", new JsonObject().put("query", GraphQL.operation("notification-added"))).encode());
        JsonObject answer = messages.poll(10, TimeUnit.SECONDS);
        assertThat(answer).isNotNull();
        assertThat(answer.encode()).contains("UNAUTHENTICATED");
        socket.close();
    }

    @Test
    void theInboxPagesAndOnlyItsOwnerMarksItRead() {
        Inbox inbox = anAccountWithAReminderDueOn("2022-07-28");
        runSchedulerInAnotherInstanceOn("2022-07-25");
        runSchedulerInAnotherInstanceOn("2022-07-27");
        runSchedulerInAnotherInstanceOn("2022-07-28");

        // Besides the reminders, the unit was told of the task when it was assigned (交办).
        JsonPath everything = ok(run(inbox.username(), "my-notifications"));
        assertThat(everything.getList("data.myNotifications.edges.node.kind", String.class)).hasSize(4).contains("ASSIGNED");

        List<String> reminders = List.of("BEFORE_DEADLINE", "DUE_TODAY", "OVERDUE", "ESCALATION", "URGING");
        JsonPath all = ok(run(inbox.username(), "my-notifications", "kinds", reminders));
        assertThat(all.getInt("data.myNotifications.totalCount")).isEqualTo(3);
        assertThat(all.getList("data.myNotifications.edges.node.kind")).containsExactly("DUE_TODAY", "BEFORE_DEADLINE", "BEFORE_DEADLINE");
        assertThat(all.getString("data.myNotifications.edges[0].node.title")).contains("今日到期", "N1", "通知测试");
        List<String> ids = all.getList("data.myNotifications.edges.node.id");

        JsonPath page = ok(run(inbox.username(), "my-notifications", "kinds", reminders, "first", 2));
        JsonPath rest = ok(run(inbox.username(), "my-notifications", "kinds", reminders, "first", 2, "after",
                page.getString("data.myNotifications.pageInfo.endCursor")));
        assertThat(rest.getList("data.myNotifications.edges.node.id")).containsExactly(ids.get(2));

        assertThat(ok(run("sfq", "mark-notifications-read", "ids", ids)).getInt("data.markNotificationsRead")).isZero();
        assertThat(ok(run(inbox.username(), "mark-notifications-read", "ids", ids.subList(0, 2))).getInt("data.markNotificationsRead"))
                .isEqualTo(2);
        JsonPath unread = ok(run(inbox.username(), "my-notifications", "kinds", reminders, "unreadOnly", true));
        assertThat(unread.getList("data.myNotifications.edges.node.id")).containsExactly(ids.get(2));
        assertThat(errorCode(run(null, "my-notifications"))).isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(run(inbox.username(), "mark-notifications-read", "ids", List.of("x")))).isEqualTo("NOT_FOUND");
    }
}
