package org.duban.notify;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "duban.delivery")
public interface DeliverySettings {

    /** Attempts before a delivery is DEAD. */
    @WithDefault("8")
    int maxAttempts();

    /** Wait after the first failure; doubled after each further one. */
    @WithDefault("PT1M")
    Duration retryBase();

    /** Longest wait between attempts. */
    @WithDefault("PT6H")
    Duration retryMax();

    /** How long a claimed delivery is left to its worker before another may take it over. */
    @WithDefault("PT2M")
    Duration lease();

    /** Deliveries claimed at a time. */
    @WithDefault("50")
    int batchSize();

    /**
     * How long a reminder or an urging waits unread in the app before it goes once more by the unit's other channels
     * (webhook, e-mail); read before then, it does not. Zero sends on every channel at once.
     */
    @WithDefault("PT2H")
    Duration followUpAfter();

    /** Connect and response timeout of webhook calls. */
    @WithDefault("PT10S")
    Duration httpTimeout();
}
