package org.duban.notify;

import static org.duban.common.sql.Rows.map;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.audit.AuditTrail;
import org.duban.common.page.Cursor;
import org.duban.common.page.PageRequest;
import org.duban.common.page.Slice;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** An account's inbox, newest first; nothing here can read another account's notifications. */
@ApplicationScoped
public class NotificationQueries {

    private final Pool pool;
    private final AuditTrail audit;
    private final Clock clock;

    NotificationQueries(Pool pool, AuditTrail audit, Clock clock) {
        this.pool = pool;
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<NotificationConnection> inbox(long accountId, boolean unreadOnly, PageRequest page) {
        long before = page.after() == null ? Long.MAX_VALUE : Cursor.id(Cursor.decode(page.after(), "notification", 1).get(0));
        String where = " from notification n where n.account_id = $1" + (unreadOnly ? " and n.read_at is null" : "");
        String sql = "with total as (select count(*)::int as total_count" + where + ")"
                + " select total.total_count, page.* from total left join lateral (select " + Notification.COLUMNS + where
                + " and n.id < $2 order by n.id desc limit $3) page on true order by page.id desc";
        return pool.preparedQuery(sql).execute(Tuple.of(accountId, before, page.first() + 1))
                .map(rows -> NotificationConnection.of(Slice.of(rows, page, Notification::from,
                        row -> Cursor.encode("notification", String.valueOf(row.getLong("id"))))));
    }

    public Uni<List<Notification>> byIds(long accountId, Long[] ids) {
        return pool.preparedQuery("select " + Notification.COLUMNS + " from notification n where n.account_id = $1 and n.id = any($2)"
                + " order by n.id").execute(Tuple.of(accountId, ids))
                .map(rows -> map(rows, Notification::from));
    }

    /** Marks the account's own notifications among the ids read; returns how many were unread. */
    public Uni<Integer> markRead(long accountId, Long[] ids) {
        return audit.withTransaction(connection -> connection
                .preparedQuery("update notification set read_at = $3 where account_id = $1 and id = any($2) and read_at is null")
                .execute(Tuple.of(accountId, ids, clock.instant().atOffset(ZoneOffset.UTC))))
                .map(rows -> rows.rowCount());
    }
}
