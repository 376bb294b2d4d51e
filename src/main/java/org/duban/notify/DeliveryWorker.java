package org.duban.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.WorkGate;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sends pending deliveries. A batch is claimed with FOR UPDATE SKIP LOCKED and leased, so instances never take
 * the same delivery while its lease runs, and a worker that dies mid-send leaves it to the next after the
 * lease. Failures retry with exponential backoff up to the configured attempts, then the delivery is DEAD.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final int SENDS_IN_FLIGHT = 8;
    /** Batches per run at most, so that one run cannot hold the scheduler forever. */
    private static final int MAX_BATCHES = 20;

    // Reminders pause while an occurrence is submitted or suspended and end once it is signed off, deleted or
    // moved to another deadline: what is still pending for such an occurrence is not sent.
    private static final String CANCEL_OBSOLETE = "update delivery d set status = 'CANCELLED',"
            + " last_error = 'the task was submitted, suspended, signed off, deleted or rescheduled'"
            + " from reminder r join task t on t.id = r.task_id"
            + " left join task_occurrence o on o.task_id = t.id and o.due_on = r.due_on"
            + " where d.reminder_id = r.id and d.status = 'PENDING' and (t.deleted_at is not null"
            + " or (t.recurrence is null and (t.status not in ('NOT_STARTED', 'IN_PROGRESS') or t.deadline is distinct from r.due_on))"
            + " or (t.recurrence is not null and coalesce(o.status, 'NOT_STARTED') not in ('NOT_STARTED', 'IN_PROGRESS')))";

    private static final String CLAIM = "with claimed as (update delivery d set status = 'SENDING', attempts = d.attempts + 1,"
            + " lease_until = $2 where d.id in (select id from delivery"
            + "   where (status = 'PENDING' and next_attempt_at <= $1) or (status = 'SENDING' and lease_until <= $1)"
            + "   order by next_attempt_at limit $3 for update skip locked)"
            + " returning d.id, d.reminder_id, d.notice_id, d.channel, d.target, d.attempts)"
            + " select c.id, c.channel, c.target, c.attempts, coalesce(r.kind, n.kind) as kind, r.due_on, r.remind_on,"
            + " coalesce(r.late, false) as late, coalesce(r.working_days_overdue, 0) as working_days_overdue,"
            + " coalesce(r.task_id, n.task_id) as task_id, t.code, t.title, coalesce(r.unit_id, n.unit_id) as unit_id,"
            + " u.name as unit_name, ch.webhook_format, ch.webhook_secret, n.title as notice_title, n.body as notice_body"
            + " from claimed c left join reminder r on r.id = c.reminder_id left join notice n on n.id = c.notice_id"
            + " left join task t on t.id = coalesce(r.task_id, n.task_id) left join unit u on u.id = coalesce(r.unit_id, n.unit_id)"
            + " left join unit_channel ch on ch.unit_id = coalesce(r.unit_id, n.unit_id)";

    private final WebhookSender webhooks;
    private final EmailSender email;
    private final DeliverySettings settings;
    private final DeliveryMetrics metrics;

    private final WorkGate gate;

    DeliveryWorker(WebhookSender webhooks, EmailSender email, DeliverySettings settings, DeliveryMetrics metrics, WorkGate gate) {
        this.gate = gate;
        this.webhooks = webhooks;
        this.email = email;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** Sends what is due at {@code now}; returns the number of attempts made. */
    public Uni<Integer> deliverDue(Pool pool, Instant now) {
        return pool.preparedQuery(CANCEL_OBSOLETE).execute()
                .chain(() -> batches(pool, now, 0, 0))
                .call(attempts -> oldestPending(pool, now));
    }

    private Uni<Integer> batches(Pool pool, Instant now, int batch, int attempted) {
        if (!gate.isOpen()) {
            return Uni.createFrom().item(attempted); // shutting down: claim nothing more
        }
        return claim(pool, now).chain(claimed -> Multi.createFrom().iterable(claimed)
                .onItem().transformToUni(message -> attempt(pool, message, now)).merge(SENDS_IN_FLIGHT)
                .collect().last()
                .chain(() -> claimed.size() == settings.batchSize() && batch + 1 < MAX_BATCHES
                        ? batches(pool, now, batch + 1, attempted + claimed.size())
                        : Uni.createFrom().item(attempted + claimed.size())));
    }

    private Uni<List<Outgoing>> claim(Pool pool, Instant now) {
        return pool.preparedQuery(CLAIM)
                .execute(Tuple.of(utc(now), utc(now.plus(settings.lease())), settings.batchSize()))
                .map(rows -> {
                    List<Outgoing> claimed = new ArrayList<>();
                    for (Row row : rows) {
                        claimed.add(Outgoing.from(row));
                    }
                    return claimed;
                });
    }

    private Uni<Void> attempt(Pool pool, Outgoing message, Instant now) {
        Uni<Void> send = "WEBHOOK".equals(message.channel()) ? webhooks.send(message) : email.send(message);
        return send
                .chain(() -> pool.preparedQuery("update delivery set status = 'SENT', sent_at = $2, lease_until = null,"
                        + " last_error = null where id = $1 and attempts = $3 and status = 'SENDING'")
                        .execute(Tuple.of(message.id(), utc(now), message.attempts()))
                        .invoke(rows -> metrics.delivered(message.channel(), rows.rowCount())))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> failed(pool, message, now, failure));
    }

    private Uni<Void> failed(Pool pool, Outgoing message, Instant now, Throwable failure) {
        boolean dead = message.attempts() >= settings.maxAttempts();
        String error = failure instanceof DeliveryFailure ? failure.getMessage() : failure.toString();
        LOG.debugf("Delivery %s (%s) failed at attempt %d: %s", message.id(), message.channel(), message.attempts(), error);
        return pool.preparedQuery("update delivery set status = $4, next_attempt_at = $2, last_error = $5, lease_until = null"
                + " where id = $1 and attempts = $3 and status = 'SENDING'")
                .execute(Tuple.of(message.id(), utc(now.plus(backoff(message.attempts()))), message.attempts(),
                        dead ? "DEAD" : "PENDING", error))
                .invoke(() -> metrics.failed(message.channel(), dead))
                .replaceWithVoid();
    }

    /** retryBase, doubled per further failure, at most retryMax. */
    Duration backoff(int failures) {
        Duration wait = settings.retryBase().multipliedBy(1L << Math.min(failures - 1, 20));
        return wait.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : wait;
    }

    private Uni<Void> oldestPending(Pool pool, Instant now) {
        return pool.preparedQuery("select min(created_at) as oldest from delivery where status in ('PENDING', 'SENDING')")
                .execute()
                .invoke(rows -> {
                    OffsetDateTime oldest = rows.iterator().next().getOffsetDateTime("oldest");
                    metrics.oldestPending(oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).toSeconds()));
                })
                .replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
