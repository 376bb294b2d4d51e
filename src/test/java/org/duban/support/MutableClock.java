package org.duban.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import org.duban.common.ChinaTime;

/**
 * The application's clock in tests: real time unless a test pins it. Tokens follow the wall clock
 * ({@code @WallClock}), so they stay valid whatever a test pins.
 */
@Alternative
@Priority(1)
@Singleton
public class MutableClock extends Clock {

    private static final ZoneId SERVER_ZONE = ZoneId.of("UTC");
    private final AtomicReference<Instant> pinned = new AtomicReference<>();

    public void pin(Instant instant) {
        pinned.set(instant);
    }

    /** Pins the moment that is {@code time} on {@code day} in Asia/Shanghai. */
    public void pin(LocalDate day, LocalTime time) {
        pin(day.atTime(time).atZone(ChinaTime.ZONE).toInstant());
    }

    public void reset() {
        pinned.set(null);
    }

    @Override
    public ZoneId getZone() {
        // Deliberately not Asia/Shanghai: dates must come out right whatever the server's zone.
        return SERVER_ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        Clock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        Instant fixed = pinned.get();
        return fixed != null ? fixed : Instant.now();
    }
}
