package org.duban.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.duban.support.TestAccounts;
import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A notification committed while the LISTEN connection is down (cut here from the server side, as a database
 * restart cuts it) still reaches the account's subscribers, once, when LISTEN is back.
 */
@QuarkusTest
class NotificationFeedReconnectTest {

    @Inject
    NotificationFeed feed;
    @Inject
    Pool pool;

    @Test
    void notificationsWrittenWhileListenWasDownArriveOnceAfterItReconnects() throws Exception {
        TestPlans.Names names = TestPlans.fresh("feed");
        TestPlans.importPlan(TestPlans.document(names, "- { code: A, title: 甲 }"));
        long account = TestAccounts.create(pool, "feed-" + names.regionCode(), "订阅者",
                TestIds.key(TestPlans.unitId(names.regionCode(), "测试县甲局")), null);
        List<Long> heard = new CopyOnWriteArrayList<>();
        Cancellable subscription = feed.forAccount(account).subscribe().with(a -> heard.add(a.notificationId()));
        try {
            long before = write(account, "连接前");
            awaitHeard(heard, before);

            pool.query("select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'LISTEN%'").execute()
                    .await().indefinitely();
            long during = write(account, "断开期间");
            long after = 0;
            Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
            while (!heard.contains(during) && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            after = write(account, "重连之后");
            awaitHeard(heard, after);
            assertThat(heard).as("each once, in the end").containsOnlyOnce(before, during, after);
        } finally {
            subscription.cancel();
        }
    }

    private long write(long account, String title) {
        return pool.withTransaction(connection -> connection.preparedQuery("insert into notification (account_id, kind, title,"
                + " body, created_at) values ($1, 'INSTRUCTION', $2, $2, $3) returning id, account_id")
                .execute(Tuple.of(account, title, Instant.now().atOffset(ZoneOffset.UTC)))
                .call(rows -> NotificationFeed.announceAfterCommit(connection, rows))
                .map(rows -> rows.iterator().next().getLong("id")))
                .await().indefinitely();
    }

    private static void awaitHeard(List<Long> heard, long id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!heard.contains(id) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(heard).contains(id);
    }
}
