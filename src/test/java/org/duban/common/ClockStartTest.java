package org.duban.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** duban.clock.start: the demo lives on from a moment in the past. */
class ClockStartTest {

    @Test
    void theClockStartsAtTheConfiguredInstantAndRunsOn() throws InterruptedException {
        Clock clock = new ClockProducer().clock(Optional.of("2022-09-08T09:00:00+08:00"));

        Instant first = clock.instant();
        assertThat(Duration.between(Instant.parse("2022-09-08T01:00:00Z"), first)).isLessThan(Duration.ofSeconds(5)).isGreaterThanOrEqualTo(Duration.ZERO);
        assertThat(ChinaTime.today(clock)).isEqualTo(LocalDate.parse("2022-09-08"));
        Thread.sleep(20);
        assertThat(clock.instant()).isAfter(first);
    }

    @Test
    void unsetOrBlankIsTheSystemClockAndAnythingElseIsRefusedAtStart() {
        assertThat(Duration.between(new ClockProducer().clock(Optional.empty()).instant(), Instant.now()).abs())
                .isLessThan(Duration.ofSeconds(5));
        assertThat(Duration.between(new ClockProducer().clock(Optional.of(" ")).instant(), Instant.now()).abs())
                .isLessThan(Duration.ofSeconds(5));
        assertThatThrownBy(() -> new ClockProducer().clock(Optional.of("2022-09-08"))).hasMessageContaining("duban.clock.start");
    }
}
