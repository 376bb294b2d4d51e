package org.duban.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SchedulerReadinessTest {

    private static final Instant LAST = Instant.parse("2026-11-28T01:00:00Z");

    @Test
    void readyWhileTheLastRunIsRecentEnough() {
        assertThat(SchedulerReadiness.isFresh(LAST, LAST.plusSeconds(299), Duration.ofMinutes(5))).isTrue();
        assertThat(SchedulerReadiness.isFresh(LAST, LAST.plusSeconds(300), Duration.ofMinutes(5))).isTrue();
        assertThat(SchedulerReadiness.isFresh(LAST, LAST.plusSeconds(301), Duration.ofMinutes(5))).isFalse();
    }
}
