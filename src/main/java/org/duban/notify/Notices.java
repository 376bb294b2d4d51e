package org.duban.notify;

import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sends a notice (a leader's instruction, an inspection ahead) to units the way their reminders go: an in-app
 * notification for each enabled account, and a delivery per webhook and e-mail address, which the delivery
 * worker sends with retries. A unit gets a given source's notice once, so writing it again is harmless.
 */
@ApplicationScoped
public class Notices {

    /** What a notice comes from; the column of {@code notice} that names it. */
    public enum Source {
        INSTRUCTION("instruction_id"),
        INSPECTION("inspection_id");

        private final String column;

        Source(String column) {
            this.column = column;
        }
    }

    public record Notice(Source source, long sourceId, Long taskId, String title, String body) {
    }

    private static final String QUEUE_DELIVERIES = "insert into delivery (notice_id, channel, target, next_attempt_at, created_at)"
            + " select id, channel, target, $2, $2 from ("
            + "   select n.id, 'WEBHOOK' as channel, c.webhook_url as target from notice n"
            + "   join unit_channel c on c.unit_id = n.unit_id where n.id = any($1) and c.webhook_url is not null"
            + "   union select n.id, 'EMAIL', c.email from notice n"
            + "   join unit_channel c on c.unit_id = n.unit_id where n.id = any($1) and c.email is not null"
            + "   union select n.id, 'EMAIL', a.email from notice n"
            + "   join account a on a.enabled and a.email is not null and a.unit_id = n.unit_id where n.id = any($1)) targets"
            + " on conflict (notice_id, channel, target) do nothing";

    private final DeliveryMetrics metrics;

    Notices(DeliveryMetrics metrics) {
        this.metrics = metrics;
    }

    /** Sends the notice to these units, those that have not had it; returns the in-app notifications written. */
    public Uni<Integer> send(SqlConnection connection, Notice notice, Long[] unitIds, Instant now) {
        var at = now.atOffset(ZoneOffset.UTC);
        String column = notice.source().column;
        return connection.preparedQuery("insert into notice (kind, unit_id, task_id, " + column + ", title, body, created_at)"
                + " select $1, unit, $3, $4, $5, $6, $7 from unnest($2::bigint[]) unit"
                + " on conflict (" + column + ", unit_id) where " + column + " is not null do nothing returning id")
                .execute(Tuple.from(new Object[] { notice.source().name(), unitIds, notice.taskId(), notice.sourceId(),
                        notice.title(), notice.body(), at }))
                .map(rows -> {
                    Long[] ids = new Long[rows.size()];
                    int i = 0;
                    for (var row : rows) {
                        ids[i++] = row.getLong("id");
                    }
                    return ids;
                })
                .chain(ids -> ids.length == 0 ? Uni.createFrom().item(0) : connection.preparedQuery("insert into notification"
                        + " (account_id, notice_id, task_id, kind, title, body, created_at) select a.id, n.id, n.task_id, n.kind,"
                        + " n.title, n.body, n.created_at from notice n join account a on a.unit_id = n.unit_id and a.enabled"
                        + " where n.id = any($1) returning id, account_id")
                        .execute(Tuple.of((Object) ids))
                        .call(notifications -> NotificationFeed.announceAfterCommit(connection, notifications))
                        .call(() -> connection.preparedQuery(QUEUE_DELIVERIES).execute(Tuple.of(ids, at)))
                        .map(notifications -> {
                            metrics.delivered("IN_APP", notifications.rowCount());
                            return notifications.rowCount();
                        }));
    }
}
