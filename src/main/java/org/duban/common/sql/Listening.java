package org.duban.common.sql;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgChannel;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;

/**
 * The one LISTEN connection of this instance to the service's database, for news that other instances announce with
 * pg_notify in their transactions. Features take their channel at start ({@link #channel}); the connection opens
 * after them, reconnects by itself when lost (each channel's subscribe handler runs again), and tells
 * {@link #onClose} listeners when it is lost, since announcements made meanwhile reach nobody.
 */
@ApplicationScoped
public class Listening {

    private static final Logger LOG = Logger.getLogger(Listening.class);
    private static final long RECONNECT_DELAY_MS = 2000;

    private final PgSubscriber subscriber;
    private final List<Runnable> closeListeners = new CopyOnWriteArrayList<>();

    Listening(Vertx vertx, DatabaseConnection database) {
        PgConnectOptions options = database.options();
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempts -> RECONNECT_DELAY_MS);
        subscriber.closeHandler(() -> closeListeners.forEach(Runnable::run));
    }

    public PgChannel channel(String name) {
        return subscriber.channel(name);
    }

    /** Runs when the connection is lost (it then reconnects by itself). */
    public void onClose(Runnable listener) {
        closeListeners.add(listener);
    }

    /** After the features' own start observers, so that their channels are there to LISTEN on. */
    void connect(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 1000) StartupEvent event) {
        subscriber.connect()
                .onFailure().invoke(failure -> LOG.warnf("Cannot listen for announcements yet (%s); retrying", failure.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(RECONNECT_DELAY_MS), Duration.ofSeconds(30)).indefinitely()
                .subscribe().with(ok -> LOG.debug("Listening for announcements"), failure -> { });
    }

    void stop(@Observes ShutdownEvent event) {
        subscriber.closeAndForget();
    }
}
