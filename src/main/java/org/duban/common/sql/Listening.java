package org.duban.common.sql;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;

/**
 * A LISTEN connection of its own to the service's database, for news that other instances announce with pg_notify
 * in their transactions. It reconnects by itself when the connection is lost; the first connect is retried here.
 */
@ApplicationScoped
public class Listening {

    private static final Logger LOG = Logger.getLogger(Listening.class);
    private static final long RECONNECT_DELAY_MS = 2000;

    private final Vertx vertx;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;

    Listening(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /** A subscriber not yet connected: give it its channels' handlers, then {@link #connect} it. */
    public PgSubscriber subscriber() {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        return PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempts -> RECONNECT_DELAY_MS);
    }

    public void connect(PgSubscriber subscriber, String what) {
        subscriber.connect()
                .onFailure().invoke(failure -> LOG.warnf("Cannot listen for %s yet (%s); retrying", what, failure.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(RECONNECT_DELAY_MS), Duration.ofSeconds(30)).indefinitely()
                .subscribe().with(ok -> LOG.debugf("Listening for %s", what), failure -> { });
    }
}
