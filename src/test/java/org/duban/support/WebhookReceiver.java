package org.duban.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * A webhook receiver for tests: records every call by its X-Duban-Delivery id, and refuses a call when told to,
 * as real receivers sometimes do.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One call as received. */
    public record Call(String deliveryId, String path, String query, Map<String, String> headers, String body, boolean accepted) {

        public boolean isReminder() {
            return body.contains("\"event\":\"reminder\"");
        }

        public boolean isNotice(String kind) {
            return body.contains("\"event\":\"notice\"") && body.contains("\"kind\":\"" + kind + "\"");
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    private final int port;

    private WebhookReceiver(HttpServer server, Predicate<Integer> refuseAttempt, String answer) {
        this.server = server;
        server.requestHandler(request -> request.body().onSuccess(body -> {
            String id = request.getHeader("X-Duban-Delivery");
            int attempt = seen.computeIfAbsent(String.valueOf(id), k -> new AtomicInteger()).incrementAndGet();
            boolean refuse = refuseAttempt.test(attempt);
            Map<String, String> headers = new ConcurrentHashMap<>();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            calls.add(new Call(id, request.path(), request.query(), headers, body.toString(), !refuse));
            request.response().setStatusCode(refuse ? 503 : 200).end(answer);
        }));
        this.port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join().actualPort();
    }

    /** Refuses the attempts of each delivery for which {@code refuseAttempt} holds (1 is the first). */
    public static WebhookReceiver start(Vertx vertx, Predicate<Integer> refuseAttempt) {
        return new WebhookReceiver(vertx.createHttpServer(), refuseAttempt, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls carrying a reminder (Duban's own format), leaving out notices of moves, assignments and the like. */
    public List<Call> reminderCalls() {
        return calls.stream().filter(Call::isReminder).toList();
    }

    public List<Call> accepted() {
        return calls.stream().filter(Call::accepted).toList();
    }

    @Override
    public void close() {
        server.close().toCompletionStage().toCompletableFuture().join();
    }
}
