package org.duban.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.duban.common.WorkGate;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
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
    /** Sends under way on this instance, from the call until its outcome is written. */
    private final AtomicInteger sending = new AtomicInteger();

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
        return deliveries.cancelObsolete(pool, now)
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
        Uni<Void> send = Uni.createFrom().deferred(() -> {
            sending.incrementAndGet();
            return "WEBHOOK".equals(message.channel()) ? webhooks.send(message) : email.send(message);
        });
        return send
                .chain(() -> deliveries.sent(pool, message, clock.instant())
                        .invoke(sent -> metrics.delivered(message.channel(), sent)))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> failed(pool, message, clock.instant(), failure))
                .eventually(sending::decrementAndGet);
    }

    /**
     * A stopping service claims nothing more ({@link WorkGate}), and lets the sends under way finish and be settled
     * (within the HTTP timeout, and a few seconds for the settling): a call cut off half-way would be sent again by
     * another instance once its lease ran out, and the receiver would get it twice unless it drops repeats.
     */
    void drain(@Observes ShutdownEvent event) throws InterruptedException {
        long deadline = System.nanoTime() + settings.httpTimeout().plusSeconds(5).toNanos();
        while (sending.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (sending.get() > 0) {
            LOG.warnf("Stopping with %d deliveries still being sent; their leases return them to the others", sending.get());
        }
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
