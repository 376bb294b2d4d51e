package org.duban.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vertx.mutiny.core.Vertx;

/** The SMTP path, against a minimal SMTP server that records one message. */
class SmtpTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.closeAndAwait();
    }

    private static MailSettings smtp(int port) {
        return new MailSettings() {
            public boolean mock() {
                return false;
            }

            public String from() {
                return "duban@example.gov.cn";
            }

            public String host() {
                return "127.0.0.1";
            }

            public int port() {
                return port;
            }

            public Optional<String> username() {
                return Optional.empty();
            }

            public Optional<String> password() {
                return Optional.empty();
            }

            public String startTls() {
                return "DISABLED";
            }

            public boolean ssl() {
                return false;
            }
        };
    }

    private static Outgoing reminder(UUID id) {
        LocalDate due = LocalDate.parse("2022-09-15");
        MessageText.Message text = MessageText.reminder(NotificationKind.DUE_TODAY, "(一)1", "明确责任主体", null, due, due, 0, 0, false);
        return new Outgoing(id, "EMAIL", "zrzyj@example.gov.cn", 1, NotificationKind.DUE_TODAY, text.title(), text.body(), false,
                due, due, false, 0, 7L, "(一)1", "明确责任主体", 3L, "乡宁县自然资源局", WebhookFormat.DUBAN, null);
    }

    /**
     * Accepts one message, answering each command as an SMTP server would; completes with its DATA as soon as
     * the message ends (the client keeps the connection open for the next).
     */
    private static CompletableFuture<String> oneMessage(ServerSocket server, String answerToData) {
        CompletableFuture<String> message = new CompletableFuture<>();
        CompletableFuture.runAsync(() -> {
            try (Socket socket = server.accept();
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8)) {
                out.print("220 test ESMTP\r\n");
                out.flush();
                StringBuilder data = new StringBuilder();
                boolean inData = false;
                for (String line; (line = in.readLine()) != null;) {
                    if (inData) {
                        if (line.equals(".")) {
                            inData = false;
                            out.print(answerToData + "\r\n");
                            message.complete(data.toString());
                        } else {
                            data.append(line).append('\n');
                        }
                    } else if (line.startsWith("EHLO")) {
                        out.print("250-test\r\n250 8BITMIME\r\n");
                    } else if (line.startsWith("DATA")) {
                        inData = true;
                        out.print("354 go ahead\r\n");
                    } else if (line.startsWith("QUIT")) {
                        out.print("221 bye\r\n");
                        out.flush();
                        break;
                    } else {
                        out.print("250 ok\r\n");
                    }
                    out.flush();
                }
            } catch (Exception e) {
                message.completeExceptionally(e);
            }
        });
        return message;
    }

    @Test
    void aReminderGoesOutOverSmtpWithItsDeliveryId() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            CompletableFuture<String> received = oneMessage(server, "250 queued");
            UUID id = UUID.randomUUID();
            new EmailSender(smtp(server.getLocalPort()), new RecordingMailbox(), vertx).send(reminder(id))
                    .await().atMost(Duration.ofSeconds(20));

            String data = received.get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(data).contains("X-Duban-Delivery: " + id).contains("To: zrzyj@example.gov.cn")
                    .contains("From: duban@example.gov.cn");
        }
    }

    @Test
    void aRefusalIsADeliveryFailureToRetry() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            oneMessage(server, "554 no thanks");
            assertThatThrownBy(() -> new EmailSender(smtp(server.getLocalPort()), new RecordingMailbox(), vertx)
                    .send(reminder(UUID.randomUUID())).await().atMost(Duration.ofSeconds(20)))
                    .isInstanceOf(DeliveryFailure.class).hasMessageContaining("mail refused");
        }
    }
}
