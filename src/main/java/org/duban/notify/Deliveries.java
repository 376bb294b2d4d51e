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

    // A follow-up read in the app meanwhile (by its account; for a unit's own channels, by anyone) is not sent. Only the
    // follow-ups about to be claimed are looked at.
    private static final String CANCEL_READ = "update delivery d set status = 'CANCELLED', last_error = 'read in the app'"
            + " where d.unless_read and d.status = 'PENDING' and d.next_attempt_at <= $1 and exists (select 1 from notification n"
            + "   where n.read_at is not null and (n.reminder_id = d.reminder_id or n.notice_id = d.notice_id)"
            + "   and (d.account_id is null or n.account_id = d.account_id))";

    // Nor is a follow-up notice the unit acted on meanwhile: its task is no longer owed, the urging answered, the task signed
    // for or returned, the instruction or the supervision notice answered (the event key's second part names the row:
    // Notices.Event). Reminders of work no longer owed go by CANCEL_OBSOLETE.
    private static final String CANCEL_ACTED_ON = "update delivery d set status = 'CANCELLED', last_error = 'acted on meanwhile'"
            + " from notice m join task t on t.id = m.task_id"
            + " where d.unless_read and d.status = 'PENDING' and d.next_attempt_at <= $1 and m.id = d.notice_id and (not is_open(t.status)"
            + " or (m.kind = 'URGING' and exists (select 1 from urging u where u.id = split_part(m.event, ':', 2)::bigint"
            + "   and u.answer is not null))"
            + " or (m.kind = 'SIGN_OVERDUE' and exists (select 1 from task_signing s where s.task_id = m.task_id and s.unit_id = m.unit_id"
            + "   and (s.signed_at is not null or s.returned_at is not null)))"
            + " or (m.kind = 'INSTRUCTION_DUE' and exists (select 1 from instruction_answer x"
            + "   where x.instruction_id = split_part(m.event, ':', 2)::bigint and x.unit_id = m.unit_id))"
            + " or (m.kind = 'SUPERVISION_NOTICE_DUE' and exists (select 1 from supervision_notice s"
            + "   where s.id = split_part(m.event, ':', 2)::bigint and s.replied_at is not null)))";

    private final AuditTrail audit;
    private final DeliverySettings settings;

    Deliveries(AuditTrail audit, DeliverySettings settings) {
        this.audit = audit;
        this.settings = settings;
    }

    /**
     * A pending delivery per webhook and e-mail address each message reaches, once per address: the unit's channels, and
     * the e-mail of every account it reaches. A reminder or an urging that reached someone in the app waits there first
     * ({@link Outbox#FOLLOW_UP_KINDS}); a person's e-mail then follows only the in-app message they got.
     */
    Uni<Void> queue(SqlConnection connection, Outbox.Source source, Long[] ids, Instant now) {
        String inApp = "select 1 from notification n where n." + source.reference + " = m.id";
        return connection.preparedQuery("insert into delivery (" + source.reference + ", channel, target, account_id, unless_read,"
                + " next_attempt_at, created_at) select m.id, x.channel, x.target, x.account_id, f.follows,"
                + " case when f.follows then $3::timestamptz else $2::timestamptz end, $2 from " + source.given()
                + " cross join lateral (select m.kind in " + Outbox.FOLLOW_UP_KINDS + " and exists (" + inApp + ") as follows) f"
                + " cross join lateral ("
                + "   select 'WEBHOOK' as channel, c.webhook_url as target, null::bigint as account_id from unit_channel c"
                + "   where c.unit_id = m.unit_id and c.webhook_url is not null"
                + "   union select 'EMAIL', c.email, null from unit_channel c where c.unit_id = m.unit_id and c.email is not null"
                + "   union select 'EMAIL', a.email, a.id from account a where a.enabled and a.email is not null and a.unit_id = m.unit_id"
                + "   union select 'EMAIL', a.email, a.id from account a where a.enabled and a.email is not null and a.id = " + source.account
                + "   union select 'EMAIL', a.email, a.id from task_person p join account a on a.id = p.account_id"
                + "   where p.task_id = m.task_id and p.unit_id = m.unit_id and a.enabled and a.email is not null) x"
                + " where (not f.follows or x.account_id is null or exists (" + inApp + " and n.account_id = x.account_id))"
                + " on conflict (" + source.reference + ", channel, target) do nothing")
                .execute(Tuple.of(ids, utc(now), utc(now.plus(settings.followUpAfter()))))
                .replaceWithVoid();
    }

    Uni<Void> cancelObsolete(Pool pool, Instant now) {
        return pool.preparedQuery(CANCEL_OBSOLETE).execute()
                .chain(() -> pool.preparedQuery(CANCEL_ACTED_ON).execute(Tuple.of(utc(now))))
                .chain(() -> pool.preparedQuery(CANCEL_READ).execute(Tuple.of(utc(now))))
                .replaceWithVoid();
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
                + " where id = $1 and status in ('DEAD', 'CANCELLED') and region_writable((select " + Delivery.REGION
                + " from delivery d" + Delivery.JOINS + " where d.id = $1)) returning *)"
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
