package org.duban.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.notify.DeliveryMetrics;
import org.duban.notify.NotificationFeed;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Turns due reminders into rows, in one transaction per run: the reminders (unique per task occurrence,
 * recipient and day, so any number of runs and instances write each once), the in-app notifications of the
 * recipients' accounts, the pending deliveries to their webhooks and e-mail addresses, and the mark on
 * reminders that reached nobody. A run that dies half-way leaves nothing half-written.
 */
@ApplicationScoped
public class ReminderWriter {

    private static final String UPSERT = "insert into reminder (task_id, due_on, recipient, unit_id, account_id, remind_on,"
            + " kind, urgency, working_days_overdue, remind_at, written_at, late, calendar_missing)"
            + " select task_id, due_on, recipient, unit_id, account_id, remind_on, kind, urgency, overdue, remind_at, $12, late, missing"
            + " from unnest($1::bigint[], $2::date[], $3::text[], $4::bigint[], $5::bigint[], $6::date[], $7::text[], $8::int[],"
            + " $9::int[], $10::timestamptz[], $11::boolean[], $13::boolean[])"
            + " as x(task_id, due_on, recipient, unit_id, account_id, remind_on, kind, urgency, overdue, remind_at, late, missing)"
            + " on conflict (task_id, due_on, recipient, remind_on) do update"
            + " set kind = excluded.kind, urgency = excluded.urgency where reminder.urgency < excluded.urgency"
            + " returning id, kind, (xmax = 0) as inserted";

    private static final String NOTIFY_ACCOUNTS = "insert into notification (account_id, reminder_id, task_id, kind, title, body, created_at)"
            + " select a.id, r.id, r.task_id, r.kind,"
            + "   '【' || ($3::text[])[r.urgency + 1] || '】' || t.code || ' ' || left(t.title, 100),"
            + "   case r.kind"
            + "     when 'BEFORE_DEADLINE' then '截止日期 ' || r.due_on || '，请按时完成并报送进展。'"
            + "     when 'DUE_TODAY' then '今日为截止日期（' || r.due_on || '），请完成并报送。'"
            + "     when 'OVERDUE' then '已于 ' || r.due_on || ' 到期，逾期 ' || r.working_days_overdue || ' 个工作日，请尽快办理。'"
            + "     else '任务已逾期 ' || r.working_days_overdue || ' 个工作日（截止 ' || r.due_on || '），请督促责任单位办理。' end"
            + "   || case when r.late then '（补发）' else '' end,"
            + "   $2"
            + " from reminder r join task t on t.id = r.task_id"
            + " join account a on a.enabled and (a.unit_id = r.unit_id or a.id = r.account_id)"
            + " where r.id = any($1)"
            + " on conflict (account_id, reminder_id) do nothing returning id, account_id";

    private static final String QUEUE_DELIVERIES = "insert into delivery (reminder_id, channel, target, next_attempt_at, created_at)"
            + " select id, channel, target, $2, $2 from ("
            + "   select r.id, 'WEBHOOK' as channel, c.webhook_url as target from reminder r"
            + "   join unit_channel c on c.unit_id = r.unit_id where r.id = any($1) and c.webhook_url is not null"
            + "   union select r.id, 'EMAIL', c.email from reminder r"
            + "   join unit_channel c on c.unit_id = r.unit_id where r.id = any($1) and c.email is not null"
            + "   union select r.id, 'EMAIL', a.email from reminder r"
            + "   join account a on a.enabled and a.email is not null and (a.unit_id = r.unit_id or a.id = r.account_id)"
            + "   where r.id = any($1)) targets"
            + " on conflict (reminder_id, channel, target) do nothing";

    private static final String MARK_UNDELIVERABLE = "update reminder r set undeliverable = true where r.id = any($1)"
            + " and not exists (select 1 from notification n where n.reminder_id = r.id)"
            + " and not exists (select 1 from delivery d where d.reminder_id = r.id)";

    /** The kinds' labels by urgency, for the titles SQL writes. */
    private static final String[] KIND_LABELS = Arrays.stream(ReminderKind.values()).map(kind -> kind.notificationKind().label()).toArray(String[]::new);

    private final DeliveryMetrics metrics;
    private final ReminderSettings settings;

    ReminderWriter(DeliveryMetrics metrics, ReminderSettings settings) {
        this.metrics = metrics;
        this.settings = settings;
    }

    /** What a run wrote: reminders new to the database, and the in-app notifications among their deliveries. */
    public record Written(List<String> kinds, int notifications) {

        static final Written NOTHING = new Written(List.of(), 0);

        public int reminders() {
            return kinds.size();
        }
    }

    public Uni<Written> write(Pool pool, List<DueReminder> due, Instant now) {
        if (due.isEmpty()) {
            return Uni.createFrom().item(Written.NOTHING);
        }
        return pool.withTransaction(connection -> upsert(connection, due, now).chain(inserted -> {
            if (inserted.isEmpty()) {
                return Uni.createFrom().item(Written.NOTHING);
            }
            Long[] ids = inserted.stream().map(Inserted::id).toArray(Long[]::new);
            OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
            return connection.preparedQuery(NOTIFY_ACCOUNTS).execute(Tuple.of(ids, at, KIND_LABELS))
                    .chain(notifications -> NotificationFeed.announceAfterCommit(connection, notifications)
                            .chain(() -> connection.preparedQuery(QUEUE_DELIVERIES).execute(Tuple.of(ids, at)))
                            .chain(() -> connection.preparedQuery(MARK_UNDELIVERABLE).execute(Tuple.of((Object) ids)))
                            .map(x -> new Written(inserted.stream().map(Inserted::kind).toList(), notifications.size())));
        })).invoke(written -> {
            written.kinds().forEach(metrics::reminderWritten);
            metrics.delivered("IN_APP", written.notifications());
        });
    }

    private record Inserted(long id, String kind) {
    }

    private Uni<List<Inserted>> upsert(SqlConnection connection, List<DueReminder> due, Instant now) {
        int n = due.size();
        Long[] taskIds = new Long[n];
        LocalDate[] dueOn = new java.time.LocalDate[n];
        String[] recipients = new String[n];
        Long[] unitIds = new Long[n];
        Long[] accountIds = new Long[n];
        LocalDate[] remindOn = new java.time.LocalDate[n];
        String[] kinds = new String[n];
        Integer[] urgencies = new Integer[n];
        Integer[] overdue = new Integer[n];
        OffsetDateTime[] remindAt = new OffsetDateTime[n];
        Boolean[] late = new Boolean[n];
        Boolean[] missing = new Boolean[n];
        Duration lateAfter = settings.lateAfter();
        for (int i = 0; i < n; i++) {
            DueReminder r = due.get(i);
            taskIds[i] = r.taskId();
            dueOn[i] = r.dueOn();
            recipients[i] = r.recipient().key();
            unitIds[i] = r.recipient().unitId();
            accountIds[i] = r.recipient().accountId();
            remindOn[i] = r.remindOn();
            kinds[i] = r.kind().name();
            urgencies[i] = r.kind().urgency();
            overdue[i] = r.workingDaysOverdue();
            remindAt[i] = r.remindAt().atOffset(ZoneOffset.UTC);
            late[i] = Duration.between(r.remindAt(), now).compareTo(lateAfter) > 0;
            missing[i] = r.calendarMissing();
        }
        Tuple params = Tuple.from(new Object[] { taskIds, dueOn, recipients, unitIds, accountIds, remindOn, kinds, urgencies,
                overdue, remindAt, late, now.atOffset(ZoneOffset.UTC), missing });
        return connection.preparedQuery(UPSERT).execute(params).map(rows -> {
            List<Inserted> inserted = new ArrayList<>();
            for (Row row : rows) {
                if (row.getBoolean("inserted")) {
                    inserted.add(new Inserted(row.getLong("id"), row.getString("kind")));
                }
            }
            return inserted;
        });
    }
}
