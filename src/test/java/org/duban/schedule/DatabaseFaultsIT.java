package org.duban.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.duban.support.PackagedService;
import org.duban.support.TestDatabase;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * The faults a deployment meets, injected into packaged services on a database of the test's own, with the seed's
 * 09:00 reminders of 30 September 2022 coming due meanwhile and every unit's reminders going to a webhook:
 * <ul>
 * <li>the database stopped while the service serves and its scheduler runs, then started again: requests fail fast
 * with UNAVAILABLE, readiness says DOWN then UP, and the reminders that came due during the outage are written and
 * delivered, each once;</li>
 * <li>SIGKILL while a batch of webhook calls is under way, and a new instance on the same database: every delivery
 * arrives, a call cut off is repeated only under its own delivery id, and each in-app notification exists once.</li>
 * </ul>
 * (A frozen database is {@code FrozenDatabaseIT}; racing writes of one unique name, {@code RacingUniqueNamesTest}.)
 */
class DatabaseFaultsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void anOutageAnswersUnavailableAndTheRemindersDueMeanwhileAreDeliveredOnce() throws Exception {
        TestDatabase database = TestDatabase.start("it-outage");
        Receiver receiver = Receiver.start(Duration.ZERO);
        try (PackagedService service = PackagedService.start("outage", database.port(), PackagedService.freePort(), Map.of(),
                "-Dduban.demo.enabled=true", "-Dduban.clock.start=2022-09-30T08:59:30+08:00", "-Dduban.reminders.every=1s",
                "-Dduban.delivery.retry-base=PT1S", "-Dduban.graphql.request-timeout=3s", "-Dduban.health.database-timeout=2s",
                // Every channel at once: the in-app message's two hours to be read would keep the webhooks waiting.
                "-Dduban.delivery.follow-up-after=PT0S")) {
            service.awaitReady(Duration.ofSeconds(90));
            receiver.subscribeAllUnits(database);
            String token = login(service);
            assertThat(database.text("select count(*) from reminder")).as("stopped before 09:00").isEqualTo("0");

            database.stop();
            try {
                long asked = System.nanoTime();
                JsonNode during = service.graphql(token, "{ me { username } }");
                assertThat(during.at("/errors/0/extensions/code").asText()).as(during.toString()).isEqualTo("UNAVAILABLE");
                assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(4));
                assertThat(readiness(service)).isEqualTo(503);
                // The simulated 09:00 passes while the database is away.
                Thread.sleep(25_000);
                assertThat(readiness(service)).isEqualTo(503);
            } finally {
                database.startAgain(Duration.ofSeconds(60));
            }
            try {
                await(Duration.ofSeconds(60), () -> readiness(service) == 200, "readiness UP again");
                assertThat(service.graphql(token, "{ me { username } }").at("/data/me/username").asText()).isEqualTo("admin");
                await(Duration.ofSeconds(120), () -> allSent(database), "every delivery SENT; see " + service.log());

                assertThat(Integer.parseInt(database.text("select count(*) from reminder"))).isPositive();
                assertThat(receiver.acceptedIds()).isEqualTo(database.set("select id::text from delivery where channel = 'WEBHOOK'"));
                assertThat(receiver.callsPerId().values()).as("each delivery called once").allSatisfy(calls -> assertThat(calls).isEqualTo(1));
                assertThat(database.text("select count(*) from notification where reminder_id is not null"))
                        .isEqualTo(database.text("select count(*) from reminder r join account a on a.unit_id = r.unit_id or a.id = r.account_id"));
                // The figures docs/reliability.md gives.
                System.out.printf("outage: %s reminders written after the database came back, %d webhook deliveries each called once,"
                        + " %s in-app notifications%n", database.text("select count(*) from reminder"), receiver.acceptedIds().size(),
                        database.text("select count(*) from notification where reminder_id is not null"));
            } finally {
                service.close();
                database.stopRestarted();
            }
        } finally {
            receiver.stop();
        }
    }

    @Test
    void sigkillDuringABatchOfCallsLosesNothingAndRepeatsACallOnlyUnderItsOwnId() throws Exception {
        TestDatabase database = TestDatabase.start("it-kill");
        Receiver receiver = Receiver.start(Duration.ofMillis(1500));
        String[] settings = { "-Dduban.demo.enabled=true", "-Dduban.clock.start=2022-09-30T08:59:40+08:00",
            "-Dduban.reminders.every=1s", "-Dduban.delivery.batch-size=5", "-Dduban.delivery.lease=PT5S",
            "-Dduban.delivery.retry-base=PT1S", "-Dduban.delivery.follow-up-after=PT0S" };
        Set<String> underWayAtTheKill;
        try (PackagedService first = PackagedService.start("killed", database.port(), 0, Map.of(), settings)) {
            database.awaitDemoData(Duration.ofSeconds(90), first.log());
            receiver.subscribeAllUnits(database);
            await(Duration.ofSeconds(90), () -> receiver.calls() >= 3, "calls under way; see " + first.log());
            first.process().destroyForcibly(); // SIGKILL
            first.process().waitFor();
            underWayAtTheKill = database.set("select id::text from delivery where status = 'SENDING'");
        }
        try (PackagedService second = PackagedService.start("after-kill", database.port(), 0, Map.of(), settings)) {
            await(Duration.ofSeconds(150), () -> allSent(database), "every delivery SENT; see " + second.log());

            Set<String> deliveries = database.set("select id::text from delivery where channel = 'WEBHOOK'");
            assertThat(receiver.acceptedIds()).as("every delivery arrived, under its own id").isEqualTo(deliveries);
            receiver.callsPerId().forEach((id, calls) -> {
                if (calls > 1) {
                    assertThat(underWayAtTheKill).as("only a call cut off by the kill is made again (" + id + ")").contains(id);
                }
            });
            assertThat(database.text("select count(*) from notification where reminder_id is not null"))
                    .isEqualTo(database.text("select count(distinct (account_id, reminder_id)) from notification where reminder_id is not null"));
            assertThat(database.text("select count(*) from reminder")).isEqualTo(database.text(
                    "select count(distinct (task_id, due_on, recipient, remind_on)) from reminder"));
            long repeated = receiver.callsPerId().values().stream().filter(calls -> calls > 1).count();
            System.out.printf("sigkill: %d webhook deliveries all arrived, %d under way at the kill, %d of them called again under"
                    + " their own id; %s in-app notifications, none twice%n", deliveries.size(), underWayAtTheKill.size(), repeated,
                    database.text("select count(*) from notification where reminder_id is not null"));
        } finally {
            receiver.stop();
        }
    }

    /** A webhook receiver that takes its time and counts calls by delivery id. */
    private record Receiver(HttpServer server, Map<String, Integer> callsPerId, AtomicInteger started) {

        static Receiver start(Duration thinking) throws java.io.IOException {
            Map<String, Integer> calls = new ConcurrentHashMap<>();
            AtomicInteger started = new AtomicInteger();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                started.incrementAndGet();
                try {
                    Thread.sleep(thinking.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                calls.merge(exchange.getRequestHeaders().getFirst("X-Duban-Delivery"), 1, Integer::sum);
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return new Receiver(server, calls, started);
        }

        void subscribeAllUnits(TestDatabase database) throws java.sql.SQLException {
            database.execute("insert into unit_channel (unit_id, webhook_url, webhook_format, updated_at) select id,"
                    + " 'http://127.0.0.1:" + server.getAddress().getPort() + "/hook/' || id, 'DUBAN', now() from unit");
        }

        int calls() {
            return started.get();
        }

        Set<String> acceptedIds() {
            return Set.copyOf(callsPerId.keySet());
        }

        void stop() {
            server.stop(0);
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Duration within, Condition condition, String what) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (condition.holds()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not within " + within + ": " + what);
    }

    private static boolean allSent(TestDatabase database) throws java.sql.SQLException {
        return "t".equals(database.text("select exists (select 1 from delivery) and not exists"
                + " (select 1 from delivery where status <> 'SENT')"));
    }

    private static String login(PackagedService service) throws Exception {
        return service.graphql(null, "mutation { login(username: \"admin\", password: \"demo\") { token } }")
                .at("/data/login/token").asText();
    }

    private static int readiness(PackagedService service) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUri() + "/q/health/ready")).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

}
