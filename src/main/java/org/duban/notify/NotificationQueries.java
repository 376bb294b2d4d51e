package org.duban.notify;

import static org.duban.common.sql.Rows.map;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.page.KeysetPage;
import org.duban.common.page.PageRequest;
import org.duban.common.sql.SqlParams;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** An account's inbox, newest first; nothing here can read another account's notifications. */
@ApplicationScoped
public class NotificationQueries {

    private static final KeysetPage NEWEST_FIRST = KeysetPage.descending("notification",
            new KeysetPage.Key("n.id", "id", KeysetPage.LONG));

    private final Pool pool;

    NotificationQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<NotificationConnection> inbox(long accountId, boolean unreadOnly, List<NotificationKind> kinds, PageRequest page) {
        SqlParams params = new SqlParams();
        String conditions = "n.account_id = " + params.bind(accountId) + (unreadOnly ? " and n.read_at is null" : "")
                + (kinds == null ? "" : " and n.kind = any(" + params.bind(kinds.stream().map(Enum::name).toArray(String[]::new)) + ")");
        String sql = NEWEST_FIRST.sql(Notification.COLUMNS, " from notification n", conditions, page, params);
        return pool.preparedQuery(sql).execute(params.tuple())
                .map(rows -> NotificationConnection.of(NEWEST_FIRST.slice(rows, page, Notification::from)));
    }

    public Uni<List<Notification>> byIds(long accountId, Long[] ids) {
        return pool.preparedQuery("select " + Notification.COLUMNS + " from notification n where n.account_id = $1 and n.id = any($2)"
                + " order by n.id").execute(Tuple.of(accountId, ids))
                .map(rows -> map(rows, Notification::from));
    }
}
