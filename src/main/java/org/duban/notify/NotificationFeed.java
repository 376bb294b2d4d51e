package org.duban.notify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.duban.common.sql.Listening;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * New in-app notifications as they are committed, by whichever instance wrote them: the writer announces
 * them with pg_notify in its transaction, and every instance LISTENs on one connection of its own and
 * passes them to its subscribers. A notification announced while the LISTEN connection was down (the database
 * restarting, say) reaches nobody; so each time LISTEN starts again the feed reads what was written meanwhile from
 * the table, and each notification is passed on once.
 */
@ApplicationScoped
public class NotificationFeed {

    public static final String CHANNEL = "duban_notification";
    private static final Logger LOG = Logger.getLogger(NotificationFeed.class);
    private static final int SUBSCRIBER_BUFFER = 256;
    /** Transactions commit in another order than their ids: a reconnect reads back this far below the highest seen. */
    private static final long CATCH_UP_MARGIN = 1_000;
    private static final int REMEMBERED = 10_000;

    /** A committed notification: its id and the account it is for. */
    public record Announcement(long notificationId, long accountId) {
    }

    private final BroadcastProcessor<Announcement> announcements = BroadcastProcessor.create();
    /** Ids passed on lately, oldest first: a notification heard of both ways is passed on once. */
    private final Set<Long> passedOn = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    }));
    private final AtomicLong highestSeen = new AtomicLong(-1);
    private final Pool pool;
    private final Listening listening;

    NotificationFeed(Pool pool, Listening listening) {
        this.pool = pool;
        this.listening = listening;
    }

    void start(@Observes StartupEvent event) {
        listening.channel(CHANNEL).handler(this::announce).subscribeHandler(this::catchUp);
    }

    void stop(@Observes ShutdownEvent event) {
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
            passOn(new Announcement(Long.parseLong(payload.substring(0, colon)), Long.parseLong(payload.substring(colon + 1))));
        } catch (RuntimeException e) {
            LOG.warnf("Ignoring a malformed notification announcement: %s", payload);
        }
    }

    /**
     * LISTEN (re)started: on the first start, what exists is history; after a reconnect, what was written since the
     * highest id seen (less a margin for late commits) is passed on, unless it was already.
     */
    private void catchUp() {
        long seen = highestSeen.get();
        if (seen < 0) {
            pool.query("select coalesce(max(id), 0) as id from notification").execute()
                    .subscribe().with(rows -> highestSeen.compareAndSet(-1, rows.iterator().next().getLong("id")),
                            failure -> LOG.warnf("Cannot read where notifications stand (%s)", failure.getMessage()));
            return;
        }
        pool.preparedQuery("select id, account_id from notification where id > $1 order by id")
                .execute(Tuple.of(Math.max(0, seen - CATCH_UP_MARGIN)))
                .subscribe().with(rows -> rows.forEach(row -> passOn(new Announcement(row.getLong("id"), row.getLong("account_id")))),
                        failure -> LOG.warnf("Cannot catch up on notifications after a reconnect (%s)", failure.getMessage()));
    }

    private synchronized void passOn(Announcement announcement) {
        highestSeen.accumulateAndGet(announcement.notificationId(), Math::max);
        if (passedOn.add(announcement.notificationId())) {
            announcements.onNext(announcement);
        }
    }
}
