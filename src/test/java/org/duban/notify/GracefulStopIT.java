package org.duban.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.duban.devdb.EmbeddedPostgresServer;
import org.duban.support.PackagedService;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * SIGTERM while a webhook call is under way: the stopping service claims nothing more, lets the call finish and
 * records it SENT before it exits, so the receiver gets it once and no other instance sends it again.
 */
class GracefulStopIT {

    @Test
    void aWebhookCallUnderWayWhenTheServiceStopsFinishesAndIsRecordedSent() throws Exception {
        int port = new EmbeddedPostgresServer().start("it-stop", null);
        String jdbc = "jdbc:postgresql://localhost:" + port + "/postgres";
        execute(jdbc, "drop schema public cascade; create schema public");
        CountDownLatch called = new CountDownLatch(1);
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.add(exchange.getRequestHeaders().getFirst("X-Duban-Delivery"));
            called.countDown();
            try {
                Thread.sleep(3000); // a slow receiver: the stop comes while it thinks
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receiver.start();
        try (PackagedService service = PackagedService.start("stop", port, 0, Map.of(),
                "-Dduban.demo.enabled=true", "-Dduban.clock.start=2022-09-30T08:59:50+08:00", "-Dduban.reminders.every=1s",
                "-Dduban.delivery.batch-size=1")) {
            awaitAccounts(jdbc);
            execute(jdbc, "insert into unit_channel (unit_id, webhook_url, webhook_format, updated_at) select id, 'http://127.0.0.1:"
                    + receiver.getAddress().getPort() + "/hook/' || id, 'DUBAN', now() from unit");
            assertThat(called.await(90, TimeUnit.SECONDS)).as("a webhook call began; see " + service.log()).isTrue();

            service.process().destroy(); // SIGTERM
            assertThat(service.process().waitFor(40, TimeUnit.SECONDS)).as("the service stopped").isTrue();

            String first = received.get(0);
            assertThat(text(jdbc, "select status from delivery where id = '" + first + "'")).as("see " + service.log())
                    .isEqualTo("SENT");
            assertThat(text(jdbc, "select count(*) from delivery where status = 'SENDING'")).isEqualTo("0");
            assertThat(received).as("each call once").doesNotHaveDuplicates();
        } finally {
            receiver.stop(0);
        }
    }

    private static void awaitAccounts(String jdbc) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            try {
                if ("1".equals(text(jdbc, "select count(*) from account where username = 'sfq'"))) {
                    return;
                }
            } catch (java.sql.SQLException notYet) {
                // the schema is not there yet
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no demo data");
    }

    private static void execute(String jdbc, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbc, "postgres", ""); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String text(String jdbc, String sql) throws java.sql.SQLException {
        try (Connection connection = DriverManager.getConnection(jdbc, "postgres", "");
                Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
