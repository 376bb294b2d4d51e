package org.duban.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.WorkGate;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Sends pending deliveries. A batch is claimed with FOR UPDATE SKIP LOCKED and leased, so instances never take
 * the same delivery while its lease runs, and a worker that dies mid-send leaves it to the next after the
 * lease. Failures retry with exponential backoff up to the configured attempts, then the delivery is DEAD.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final int SENDS_IN_FLIGHT = 8;
    /** Batches per run at most, so that one run cannot hold the scheduler forever. */
    private static final int MAX_BATCHES = 20;

    private final WebhookSender webhooks;
    private final EmailSender email;
    private final DeliverySettings settings;
    private final DeliveryMetrics metrics;

    private final Deliveries deliveries;
    private final WorkGate gate;

    DeliveryWorker(WebhookSender webhooks, EmailSender email, DeliverySettings settings, DeliveryMetrics metrics,
            Deliveries deliveries, WorkGate gate) {
        this.deliveries = deliveries;
        this.gate = gate;
        this.webhooks = webhooks;
        this.email = email;
        this.settings = settings;
        this.metrics = metrics;
    }

    /**
     * Sends what is due now on {@code clock}; returns the number of attempts made. A failed attempt's next try is
     * counted from when it failed, not from when the run began: sending a batch can take long.
     */
    public Uni<Integer> deliverDue(Pool pool, Clock clock) {
        Instant now = clock.instant();
        return deliveries.cancelObsolete(pool)
                .chain(() -> batches(pool, clock, now, 0, 0))
                .call(attempts -> oldestPending(pool, now));
    }

    private Uni<Integer> batches(Pool pool, Clock clock, Instant now, int batch, int attempted) {
        if (!gate.isOpen()) {
            return Uni.createFrom().item(attempted); // shutting down: claim nothing more
        }
        return deliveries.claim(pool, now, now.plus(settings.lease()), settings.batchSize())
                .chain(claimed -> Multi.createFrom().iterable(claimed)
                .onItem().transformToUni(message -> attempt(pool, message, clock)).merge(SENDS_IN_FLIGHT)
                .collect().last()
                .chain(() -> claimed.size() == settings.batchSize() && batch + 1 < MAX_BATCHES
                        ? batches(pool, clock, clock.instant(), batch + 1, attempted + claimed.size())
                        : Uni.createFrom().item(attempted + claimed.size())));
    }

    private Uni<Void> attempt(Pool pool, Outgoing message, Clock clock) {
        Uni<Void> send = "WEBHOOK".equals(message.channel()) ? webhooks.send(message) : email.send(message);
        return send
                .chain(() -> deliveries.sent(pool, message, clock.instant())
                        .invoke(sent -> metrics.delivered(message.channel(), sent)))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> failed(pool, message, clock.instant(), failure));
    }

    private Uni<Void> failed(Pool pool, Outgoing message, Instant now, Throwable failure) {
        boolean dead = message.attempts() >= settings.maxAttempts();
        String error = failure instanceof DeliveryFailure ? failure.getMessage() : failure.toString();
        LOG.debugf("Delivery %s (%s) failed at attempt %d: %s", message.id(), message.channel(), message.attempts(), error);
        return deliveries.failed(pool, message, now.plus(backoff(message.attempts())), dead, error)
                .invoke(() -> metrics.failed(message.channel(), dead));
    }

    /** retryBase, doubled per further failure, at most retryMax. */
    Duration backoff(int failures) {
        Duration wait = settings.retryBase().multipliedBy(1L << Math.min(failures - 1, 20));
        return wait.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : wait;
    }

    private Uni<Void> oldestPending(Pool pool, Instant now) {
        return pool.preparedQuery("select min(created_at) as oldest from delivery where status in ('PENDING', 'SENDING')")
                .execute()
                .invoke(rows -> {
                    OffsetDateTime oldest = rows.iterator().next().getOffsetDateTime("oldest");
                    metrics.oldestPending(oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).toSeconds()));
                })
                .replaceWithVoid();
    }
}
