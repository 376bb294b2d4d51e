package org.duban.notify;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/** Reminders written, deliveries per channel and outcome, and how long the oldest pending delivery has waited. */
@ApplicationScoped
@Startup // the gauges exist from the start, before the first delivery run
public class DeliveryMetrics {

    private final MeterRegistry registry;
    private final AtomicLong oldestPendingSeconds = new AtomicLong();

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("duban.deliveries.oldest.pending.seconds", oldestPendingSeconds);
    }

    public void remindersWritten(String kind, long count) {
        registry.counter("duban.reminders.written", "kind", kind).increment(count);
    }

    public void delivered(String channel, int count) {
        if (count > 0) {
            registry.counter("duban.deliveries", "channel", channel, "outcome", "sent").increment(count);
        }
    }

    public void failed(String channel, boolean dead) {
        registry.counter("duban.deliveries", "channel", channel, "outcome", dead ? "dead" : "failed").increment();
    }

    public void oldestPending(long seconds) {
        oldestPendingSeconds.set(seconds);
    }
}
