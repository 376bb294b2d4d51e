package org.duban.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.audit.AuditTrail;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The one writer of {@code notification}, the in-app channel: written by the {@link Outbox}, read by its account. */
@ApplicationScoped
public class Notifications {

    private final AuditTrail audit;
    private final DeliveryMetrics metrics;
    private final Clock clock;

    Notifications(AuditTrail audit, DeliveryMetrics metrics, Clock clock) {
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * One notification per message and account it reaches, announced to subscribers once committed. A person gets one
     * reminder per task and day, the most urgent, however many of the task's units and milestones they are reached through.
     */
    Uni<Integer> write(SqlConnection connection, Outbox.Source source, Long[] ids, Instant now) {
        String columns = " a.id, m.id, m.task_id, m.kind, m.title, m.body, $2 from " + source.given() + " " + source.reachedAccounts();
        String select = source == Outbox.Source.REMINDER
                ? "select distinct on (a.id, m.task_id, m.remind_on)" + columns + " where not exists (select 1 from notification n"
                        + " join reminder r on r.id = n.reminder_id where n.account_id = a.id and n.task_id = m.task_id"
                        + " and r.remind_on = m.remind_on) order by a.id, m.task_id, m.remind_on, m.urgency desc, m.id"
                : "select" + columns;
        return connection.preparedQuery("insert into notification (account_id, " + source.reference + ", task_id, kind, title,"
                + " body, created_at) " + select
                + " on conflict " + source.oneNotificationPerAccount + " do nothing returning id, account_id")
                .execute(Tuple.of(ids, now.atOffset(ZoneOffset.UTC)))
                .call(written -> NotificationFeed.announceAfterCommit(connection, written))
                .map(written -> {
                    metrics.delivered("IN_APP", written.rowCount());
                    return written.rowCount();
                });
    }

    /** Marks the account's own notifications among the ids read; returns how many were unread. */
    public Uni<Integer> markRead(long accountId, Long[] ids) {
        return audit.withTransaction(connection -> connection
                .preparedQuery("update notification set read_at = $3 where account_id = $1 and id = any($2) and read_at is null")
                .execute(Tuple.of(accountId, ids, clock.instant().atOffset(ZoneOffset.UTC))))
                .map(rows -> rows.rowCount());
    }
}
