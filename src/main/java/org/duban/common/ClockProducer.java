package org.duban.common;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one source of time; tests replace it to move "today". */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.system(ChinaTime.ZONE);
    }
}
