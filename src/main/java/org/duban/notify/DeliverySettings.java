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

    /** Connect and response timeout of webhook calls. */
    @WithDefault("PT10S")
    Duration httpTimeout();
}
