package org.duban.notify;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one writer of {@code delivery}: a message's webhook and e-mail sends, queued by the {@link Outbox}, claimed
 * and settled by the {@link DeliveryWorker}, retried by the office.
 */
@ApplicationScoped
public class Deliveries {

    // Reminders pause while an occurrence is submitted or suspended and end once it is signed off, deleted or
    // moved to another deadline: what is still pending for such an occurrence is not sent.
    private static final String CANCEL_OBSOLETE = "update delivery d set status = 'CANCELLED',"
            + " last_error = 'the task was submitted, suspended, signed off, deleted or rescheduled'"
            + " from reminder r join task t on t.id = r.task_id"
            + " left join task_occurrence o on o.task_id = t.id and o.due_on = r.due_on"
            + " where d.reminder_id = r.id and d.status = 'PENDING' and (t.deleted_at is not null"
            + " or (t.recurrence is null and (not is_open(t.status) or t.deadline is distinct from r.due_on))"
            + " or (t.recurrence is not null and not is_open(coalesce(o.status, 'NOT_STARTED'))))";

    private static final String CLAIM = "with claimed as (update delivery d set status = 'SENDING', attempts = d.attempts + 1,"
            + " lease_until = $2 where d.id in (select id from delivery"
            + "   where (status = 'PENDING' and next_attempt_at <= $1) or (status = 'SENDING' and lease_until <= $1)"
            + "   order by next_attempt_at limit $3 for update skip locked)"
            + " returning d.id, d.reminder_id, d.notice_id, d.channel, d.target, d.attempts)"
            + " select c.id, c.channel, c.target, c.attempts, m.kind, m.title, m.body, r.due_on, r.remind_on,"
            + " coalesce(r.late, false) as late, coalesce(r.working_days_overdue, 0) as working_days_overdue,"
            + " m.task_id, t.code, t.title as task_title, m.unit_id, u.name as unit_name, ch.webhook_format, ch.webhook_secret, n.id is not null as notice"
            + " from claimed c left join reminder r on r.id = c.reminder_id left join notice n on n.id = c.notice_id"
            + " cross join lateral (select coalesce(r.kind, n.kind) as kind, coalesce(r.title, n.title) as title,"
            + "   coalesce(r.body, n.body) as body, coalesce(r.task_id, n.task_id) as task_id,"
            + "   coalesce(r.unit_id, n.unit_id) as unit_id) m"
            + " left join task t on t.id = m.task_id left join unit u on u.id = m.unit_id"
            + " left join unit_channel ch on ch.unit_id = m.unit_id";

    private final AuditTrail audit;

    Deliveries(AuditTrail audit) {
        this.audit = audit;
    }

    /** A pending delivery per webhook and e-mail address each message reaches, once per address. */
    Uni<Void> queue(SqlConnection connection, Outbox.Source source, Long[] ids, Instant now) {
        return connection.preparedQuery("insert into delivery (" + source.reference + ", channel, target, next_attempt_at,"
                + " created_at) select m.id, x.channel, x.target, $2, $2 from " + source.table + " m cross join lateral ("
                + "   select channel, target from unit_delivery_target where unit_id = m.unit_id"
                + "   union select 'EMAIL', a.email from account a where a.id = " + source.account
                + "   and a.enabled and a.email is not null) x"
                + " where m.id = any($1) on conflict (" + source.reference + ", channel, target) do nothing")
                .execute(Tuple.of(ids, utc(now)))
                .replaceWithVoid();
    }

    Uni<Void> cancelObsolete(Pool pool) {
        return pool.preparedQuery(CANCEL_OBSOLETE).execute().replaceWithVoid();
    }

    /** Leases up to {@code batchSize} due deliveries to this worker until {@code leaseUntil}. */
    Uni<List<Outgoing>> claim(Pool pool, Instant now, Instant leaseUntil, int batchSize) {
        return pool.preparedQuery(CLAIM)
                .execute(Tuple.of(utc(now), utc(leaseUntil), batchSize))
                .map(rows -> {
                    List<Outgoing> claimed = new ArrayList<>();
                    for (Row row : rows) {
                        claimed.add(Outgoing.from(row));
                    }
                    return claimed;
                });
    }

    /** Settles an attempt as sent, unless the lease ran out and another worker took the delivery meanwhile. */
    Uni<Integer> sent(Pool pool, Outgoing message, Instant now) {
        return pool.preparedQuery("update delivery set status = 'SENT', sent_at = $2, lease_until = null,"
                + " last_error = null where id = $1 and attempts = $3 and status = 'SENDING'")
                .execute(Tuple.of(message.id(), utc(now), message.attempts()))
                .map(rows -> rows.rowCount());
    }

    /** Settles an attempt as failed: PENDING again from {@code nextAttempt}, or DEAD. */
    Uni<Void> failed(Pool pool, Outgoing message, Instant nextAttempt, boolean dead, String error) {
        return pool.preparedQuery("update delivery set status = $4, next_attempt_at = $2, last_error = $5, lease_until = null"
                + " where id = $1 and attempts = $3 and status = 'SENDING'")
                .execute(Tuple.of(message.id(), utc(nextAttempt), message.attempts(), dead ? "DEAD" : "PENDING", error))
                .replaceWithVoid();
    }

    /** Gives a DEAD or CANCELLED delivery a fresh round of attempts from {@code now}. */
    Uni<Delivery> retry(UUID id, Instant now) {
        return audit.withTransaction(connection -> connection.preparedQuery("with retried as (update delivery"
                + " set status = 'PENDING', attempts = 0, next_attempt_at = $2, last_error = null, lease_until = null"
                + " where id = $1 and status in ('DEAD', 'CANCELLED') returning *)"
                + " select true as retried, " + Delivery.COLUMNS + " from retried d" + Delivery.JOINS
                + " union all select false, " + Delivery.COLUMNS + Delivery.FROM + " where d.id = $1 and not exists (select 1 from retried)")
                .execute(Tuple.of(id, utc(now))))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw DubanException.notFound("Delivery", id.toString());
                    }
                    Row row = rows.iterator().next();
                    Delivery delivery = Delivery.from(row);
                    if (!row.getBoolean("retried")) {
                        throw DubanException.conflict("Only a DEAD or CANCELLED delivery can be retried; this one is " + delivery.status());
                    }
                    return delivery;
                });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
