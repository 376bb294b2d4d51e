package org.duban.notify;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.IdKind;
import org.duban.common.Ids;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;

/**
 * Posts a reminder to a unit's webhook in the format the unit chose. Every request carries the delivery id in
 * {@code X-Duban-Delivery}, the same on every retry, so that receivers can drop repeats.
 */
@ApplicationScoped
public class WebhookSender {

    public static final String DELIVERY_HEADER = "X-Duban-Delivery";
    public static final String TIMESTAMP_HEADER = "X-Duban-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Duban-Signature";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final DeliverySettings settings;
    private final Clock clock;

    WebhookSender(DeliverySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(settings.httpTimeout()).build();
    }

    public Uni<Void> send(Outgoing message) {
        String body;
        URI uri;
        HttpRequest.Builder request;
        try {
            body = body(message);
            uri = uri(message);
            request = HttpRequest.newBuilder(uri).timeout(settings.httpTimeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header(DELIVERY_HEADER, message.id().toString());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new DeliveryFailure("bad webhook address: " + e.getMessage()));
        }
        if (message.webhookFormat() == WebhookFormat.DUBAN && message.webhookSecret() != null) {
            String timestamp = String.valueOf(clock.instant().getEpochSecond());
            request.header(TIMESTAMP_HEADER, timestamp)
                    .header(SIGNATURE_HEADER, signature(message.webhookSecret(), timestamp, body));
        }
        HttpRequest built = request.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return Uni.createFrom().completionStage(() -> client.sendAsync(built, HttpResponse.BodyHandlers.ofString()))
                .onFailure().transform(e -> new DeliveryFailure("webhook unreachable: " + e))
                .invoke(response -> check(message.webhookFormat(), response))
                .replaceWithVoid();
    }

    /** Duban's signature of a body: what a receiver recomputes with the shared secret. */
    public static String signature(String secret, String timestamp, String body) {
        return "sha256=" + Signatures.hex(Signatures.hmacSha256(secret, timestamp + "." + body));
    }

    private String body(Outgoing message) {
        ObjectNode root = JSON.createObjectNode();
        if (message.webhookFormat() != WebhookFormat.DUBAN) {
            root.put("msgtype", "text");
            root.putObject("text").put("content", message.text());
            return root.toString();
        }
        root.put("deliveryId", message.id().toString());
        root.put("event", message.isNotice() ? "notice" : "reminder");
        root.put("kind", message.kind().name());
        if (message.taskId() != null) {
            ObjectNode task = root.putObject("task");
            task.put("id", Ids.of(IdKind.TASK, message.taskId()));
            task.put("code", message.taskCode());
            task.put("title", message.taskTitle());
        }
        if (message.isNotice()) {
            root.put("title", message.title());
        } else {
            root.put("deadline", message.dueOn().toString());
            root.put("remindOn", message.remindOn().toString());
            root.put("workingDaysOverdue", message.workingDaysOverdue());
            root.put("late", message.late());
        }
        if (message.unitId() != null) {
            root.putObject("unit").put("id", Ids.of(IdKind.UNIT, message.unitId())).put("name", message.unitName());
        }
        root.put("text", message.text());
        return root.toString();
    }

    /** DingTalk robots with signing on want the request signed with timestamp and sign query parameters. */
    private URI uri(Outgoing message) {
        String url = message.target();
        if (message.webhookFormat() == WebhookFormat.DINGTALK && message.webhookSecret() != null) {
            long timestamp = clock.millis();
            String sign = Base64.getEncoder().encodeToString(
                    Signatures.hmacSha256(message.webhookSecret(), timestamp + "\n" + message.webhookSecret()));
            url += (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
                    + URLEncoder.encode(sign, StandardCharsets.UTF_8);
        }
        return URI.create(url);
    }

    /** Robots answer HTTP 200 with an errcode; anything but 2xx (and errcode 0) is a failure to retry. */
    private static void check(WebhookFormat format, HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryFailure("HTTP " + response.statusCode());
        }
        if (format != WebhookFormat.DUBAN) {
            try {
                JsonNode answer = JSON.readTree(response.body());
                if (answer.path("errcode").asInt(-1) != 0) {
                    throw new DeliveryFailure("robot refused: " + response.body());
                }
            } catch (java.io.IOException e) {
                throw new DeliveryFailure("robot answered something else than JSON");
            }
        }
    }
}
