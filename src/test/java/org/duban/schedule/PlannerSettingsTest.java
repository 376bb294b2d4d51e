package org.duban.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * A request's statements are planned with the cost of a random page of a database held in memory or on SSD
 * (application.properties); a scheduler run's with the server's own, as bench/scheduler measured them.
 */
@QuarkusTest
class PlannerSettingsTest {

    @Inject
    Pool requests;

    @Inject
    SchedulerPool scheduler;

    @Test
    void requestsPlanForIndexReadsAndTheSchedulerAsTheServerDoes() {
        // "client": set by the connection's start-up message rather than by the server's configuration.
        assertThat(randomPageCost(requests)).isEqualTo("1.1 client");
        assertThat(randomPageCost(scheduler.pool())).doesNotEndWith(" client");
    }

    private static String randomPageCost(SqlClient client) {
        return client.query("select setting || ' ' || source from pg_settings where name = 'random_page_cost'").execute()
                .await().indefinitely().iterator().next().getString(0);
    }
}
