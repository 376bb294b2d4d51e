package org.duban.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.duban.devdb.EmbeddedPostgresServer;
import org.duban.support.PackagedService;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * Two packaged Duban processes started together on one database, each running the scheduler every second from
 * the same simulated moment (30 September 2022, when the seed's September tasks are overdue and escalate),
 * claiming one delivery at a time, with a webhook receiver that refuses every first call: each reminder is
 * written once and each delivery accepted once.
 */
class TwoProcessesIT {

    @Test
    void twoInstancesDeliverEachReminderOnce() throws Exception {
        int port = new EmbeddedPostgresServer().start("it", null);
        String jdbc = "jdbc:postgresql://localhost:" + port + "/postgres";
        resetDatabase(jdbc);
        Map<String, AtomicInteger> callsPerId = new ConcurrentHashMap<>();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("X-Duban-Delivery");
            boolean first = callsPerId.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() == 1;
            if (!first && !accepted.add(id)) {
                accepted.add(id + " again");
            }
            exchange.sendResponseHeaders(first ? 503 : 200, -1);
            exchange.close();
        });
        receiver.start();
        List<Process> processes = new ArrayList<>();
        try {
            processes.add(start("a", port));
            processes.add(start("b", port));
            awaitDemoData(jdbc);
            // Every demo unit gets the receiver as its webhook before the simulated 09:00 comes.
            execute(jdbc, "insert into unit_channel (unit_id, webhook_url, webhook_format, updated_at)"
                    + " select id, 'http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook/' || id, 'DUBAN', now() from unit");

            Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
            while (Instant.now().isBefore(deadline) && !(allSent(jdbc) && ranScheduler("a") && ranScheduler("b"))) {
                Thread.sleep(1000);
            }
            assertThat(allSent(jdbc)).as("every webhook delivery SENT within the time allowed").isTrue();

            Set<String> deliveryIds = strings(jdbc, "select id::text from delivery where channel = 'WEBHOOK'");
            assertThat(accepted).isEqualTo(deliveryIds);
            assertThat(callsPerId.values()).allSatisfy(calls -> assertThat(calls.get()).isEqualTo(2));
            assertThat(strings(jdbc, "select count(*)::text from reminder")).doesNotContain("0");
            assertThat(strings(jdbc, "select count(*)::text from notification where reminder_id is not null"))
                    .isEqualTo(strings(jdbc, "select count(*)::text from reminder r join account a on a.unit_id = r.unit_id or a.id = r.account_id"));
            // The demo plan's city inspection opens on 16 September: each account of its units hears of it once.
            assertThat(strings(jdbc, "select count(*)::text from notification n join notice x on x.id = n.notice_id"
                    + " where x.kind = 'INSPECTION'"))
                    .isEqualTo(strings(jdbc, "select count(distinct a.id)::text from account a join task_unit tu on tu.unit_id = a.unit_id"
                            + " join task t on t.id = tu.task_id where a.enabled and t.deleted_at is null"))
                    .doesNotContain("0");
            for (String name : List.of("a", "b")) {
                assertThat(ranScheduler(name)).as("instance " + name + " ran its scheduler; see " + log(name)).isTrue();
            }
            // SIGTERM, as a container stop sends: the instance shuts down gracefully (in-flight requests finish, the
            // scheduler stops taking work) and says so, while the other goes on.
            Process a = processes.get(0);
            a.destroy();
            assertThat(a.waitFor(40, java.util.concurrent.TimeUnit.SECONDS)).as("instance a stopped").isTrue();
            assertThat(Files.readString(log("a"))).as("see " + log("a")).contains("stopped in");
            assertThat(processes.get(1).isAlive()).isTrue();
        } finally {
            processes.forEach(Process::destroy);
            for (Process process : processes) {
                process.waitFor();
            }
            receiver.stop(0);
        }
    }

    private static Process start(String name, int port) throws IOException {
        return PackagedService.start(name, port, 0, Map.of(),
                "-Dduban.demo.enabled=true",
                "-Dduban.clock.start=2022-09-30T08:59:35+08:00",
                "-Dduban.delivery.batch-size=1",
                "-Dduban.reminders.every=1s",
                "-Dduban.delivery.retry-base=PT1S",
                // Every channel at once: the in-app message's two hours to be read would keep the webhooks waiting.
                "-Dduban.delivery.follow-up-after=PT0S",
                // Every run logs, the idle ones too: the test checks that both instances ran.
                "-Dquarkus.log.category.\"org.duban.schedule\".level=DEBUG").process();
    }

    private static boolean ranScheduler(String name) throws IOException {
        return Files.readString(log(name)).contains("Reminders:");
    }

    private static Path log(String name) {
        return PackagedService.log(name);
    }

    private static void awaitDemoData(String jdbc) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (!strings(jdbc, "select username from account where username = 'sfq'").isEmpty()) {
                    return;
                }
            } catch (SQLException notYet) {
                // the schema is not there yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no instance loaded the demo data; see " + log("a") + " and " + log("b"));
    }

    private static boolean allSent(String jdbc) throws SQLException {
        return strings(jdbc, "select exists (select 1 from delivery) and not exists"
                + " (select 1 from delivery where status <> 'SENT')").contains("t");
    }

    private static void resetDatabase(String jdbc) throws SQLException {
        execute(jdbc, "drop schema public cascade; create schema public");
    }

    private static void execute(String jdbc, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbc, "postgres", ""); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Set<String> strings(String jdbc, String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(jdbc, "postgres", "");
                Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
