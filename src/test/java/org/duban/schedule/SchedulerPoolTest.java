package org.duban.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scheduler's pool reads the datasource URL in the forms Quarkus accepts for the service's pool. */
class SchedulerPoolTest {

    @Test
    void takesTheFirstHostAndDropsQuarkusPrefix() {
        assertThat(SchedulerPool.firstUri("postgresql://db:5432/duban")).isEqualTo("postgresql://db:5432/duban");
        assertThat(SchedulerPool.firstUri("vertx-reactive:postgresql://db:5432/duban?sslmode=require"))
                .isEqualTo("postgresql://db:5432/duban?sslmode=require");
        assertThat(SchedulerPool.firstUri("postgresql://a:5432/duban, postgresql://b:5432/duban"))
                .isEqualTo("postgresql://a:5432/duban");
    }
}
