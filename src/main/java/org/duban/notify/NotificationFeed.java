package org.duban.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;

/**
 * New in-app notifications as they are committed, by whichever instance wrote them: the writer announces
 * them with pg_notify in its transaction, and every instance LISTENs on one connection of its own and
 * passes them to its subscribers.
 */
@ApplicationScoped
public class NotificationFeed {

    public static final String CHANNEL = "duban_notification";
    private static final Logger LOG = Logger.getLogger(NotificationFeed.class);
    private static final long RECONNECT_DELAY_MS = 2000;
    private static final int SUBSCRIBER_BUFFER = 256;

    /** A committed notification: its id and the account it is for. */
    public record Announcement(long notificationId, long accountId) {
    }

    private final BroadcastProcessor<Announcement> announcements = BroadcastProcessor.create();
    private final Vertx vertx;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private PgSubscriber subscriber;

    NotificationFeed(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempts -> RECONNECT_DELAY_MS);
        subscriber.channel(CHANNEL).handler(this::announce);
        // The reconnect policy covers a connection lost later; the first one is retried here.
        subscriber.connect()
                .onFailure().invoke(failure -> LOG.warnf("Cannot listen for notifications yet (%s); retrying", failure.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(RECONNECT_DELAY_MS), Duration.ofSeconds(30)).indefinitely()
                .subscribe().with(ok -> LOG.debug("Listening for notifications"), failure -> { });
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
        announcements.onComplete();
    }

    /**
     * Announcements for one account from now on. The broadcast does not wait for slow subscribers: each gets a
     * buffer of its own, and one that falls this far behind is dropped rather than holding up the others.
     */
    public Multi<Announcement> forAccount(long accountId) {
        return announcements.filter(a -> a.accountId() == accountId).onOverflow().buffer(SUBSCRIBER_BUFFER);
    }

    /**
     * Announces notifications just written (rows with id and account_id); subscribers on every instance hear of
     * them once the writing transaction commits.
     */
    public static Uni<Void> announceAfterCommit(SqlConnection connection, RowSet<Row> notifications) {
        if (notifications.size() == 0) {
            return Uni.createFrom().voidItem();
        }
        List<String> payloads = new ArrayList<>();
        notifications.forEach(row -> payloads.add(row.getLong("id") + ":" + row.getLong("account_id")));
        return connection.preparedQuery("select pg_notify('" + CHANNEL + "', p) from unnest($1::text[]) p")
                .execute(Tuple.of((Object) payloads.toArray(new String[0])))
                .replaceWithVoid();
    }

    private void announce(String payload) {
        int colon = payload.indexOf(':');
        try {
            announcements.onNext(new Announcement(Long.parseLong(payload.substring(0, colon)),
                    Long.parseLong(payload.substring(colon + 1))));
        } catch (RuntimeException e) {
            LOG.warnf("Ignoring a malformed notification announcement: %s", payload);
        }
    }
}
