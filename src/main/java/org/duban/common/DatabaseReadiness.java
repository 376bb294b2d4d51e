package org.duban.common;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Ready while the database answers within {@code duban.health.database-timeout}. Quarkus' own check waits for the
 * answer without end: a frozen database would hold the readiness probe too, and nothing would take the instance
 * out of rotation. (That check is switched off: quarkus.datasource.health.enabled.)
 */
@Readiness
@ApplicationScoped
class DatabaseReadiness implements AsyncHealthCheck {

    static final String NAME = "database";

    private final Pool pool;
    private final Duration timeout;

    DatabaseReadiness(Pool pool, @ConfigProperty(name = "duban.health.database-timeout", defaultValue = "3s") Duration timeout) {
        this.pool = pool;
        this.timeout = timeout;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("select 1").execute()
                .map(rows -> HealthCheckResponse.up(NAME))
                .ifNoItem().after(timeout).fail()
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("error", failure instanceof io.smallrye.mutiny.TimeoutException
                                ? "no answer within " + timeout : "unreachable").build());
    }
}
