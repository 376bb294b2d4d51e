package org.duban.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one source of time; tests replace it to move "today". For demos and training, {@code duban.clock.start}
 * (an instant with its offset, e.g. 2022-09-08T09:00:00+08:00) makes the service start at that moment and run
 * on from it, so the demo plan shows the reminders and overdue states it had then. Unset in production.
 */
public class ClockProducer {

    private static final Logger LOG = Logger.getLogger(ClockProducer.class);

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "duban.clock.start") Optional<String> start) {
        Clock system = Clock.system(ChinaTime.ZONE);
        if (start.isEmpty() || start.get().isBlank()) {
            return system;
        }
        Instant startAt = parse(start.get().strip());
        LOG.warnf("duban.clock.start is set: the service lives as if it were %s and runs on from there", startAt);
        return Clock.offset(system, Duration.between(system.instant(), startAt));
    }

    @Produces
    @Singleton
    @WallClock
    Clock wallClock() {
        return Clock.system(ChinaTime.ZONE);
    }

    private static Instant parse(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("duban.clock.start must be an instant with an offset such as "
                    + "2022-09-08T09:00:00+08:00, was " + value, e);
        }
    }
}
