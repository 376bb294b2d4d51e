package org.duban.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.WorkerThreads;
import org.duban.notify.DeliveryMetrics;
import org.duban.notify.MessageText;
import org.duban.notify.Outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one writer of {@code reminder}. Turns due reminders into rows, in the transaction of a scheduler chunk: the reminders
 * (unique per task occurrence, recipient and day, so any number of runs and instances write each once) with their
 * words ({@link MessageText}) and the mark on those that reach nobody, sent through the {@link Outbox}. A
 * chunk that dies half-way leaves none of its rows written, and its tasks due for the next run.
 */
@ApplicationScoped
public class ReminderWriter {

    private static final String TASKS = "select id, code, title from task where id = any($1)";

    private static final String UPSERT = "insert into reminder (task_id, due_on, recipient, unit_id, account_id, remind_on,"
            + " kind, urgency, working_days_overdue, remind_at, written_at, late, calendar_missing, title, body, undeliverable)"
            + " select task_id, due_on, recipient, unit_id, account_id, remind_on, kind, urgency, overdue, remind_at, $12, late,"
            + " missing, title, body, " + Outbox.reachesNobody("x.task_id", "x.unit_id", "x.account_id")
            + " from unnest($1::bigint[], $2::date[], $3::text[], $4::bigint[], $5::bigint[], $6::date[], $7::text[], $8::int[],"
            + " $9::int[], $10::timestamptz[], $11::boolean[], $13::boolean[], $14::text[], $15::text[])"
            + " as x(task_id, due_on, recipient, unit_id, account_id, remind_on, kind, urgency, overdue, remind_at, late, missing,"
            + " title, body)"
            + " on conflict (task_id, due_on, recipient, remind_on) do update"
            + " set kind = excluded.kind, urgency = excluded.urgency, title = excluded.title, body = excluded.body"
            + " where reminder.urgency < excluded.urgency"
            + " returning id, kind, (xmax = 0) as inserted";

    private final Outbox outbox;
    private final DeliveryMetrics metrics;
    private final ReminderSettings settings;

    ReminderWriter(Outbox outbox, DeliveryMetrics metrics, ReminderSettings settings) {
        this.outbox = outbox;
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

    /**
     * Writes in the caller's transaction {@code tx} (a scheduler chunk's, which also stores the tasks' next days):
     * count what it wrote with {@link #committed} once that transaction has committed.
     */
    public Uni<Written> write(SqlConnection tx, List<DueReminder> due, Instant now) {
        if (due.isEmpty()) {
            return Uni.createFrom().item(Written.NOTHING);
        }
        return upsert(tx, due, now).chain(inserted -> {
            if (inserted.isEmpty()) {
                return Uni.createFrom().item(Written.NOTHING);
            }
            Long[] ids = inserted.stream().map(Inserted::id).toArray(Long[]::new);
            return outbox.send(tx, Outbox.Source.REMINDER, ids, now)
                    .map(notifications -> new Written(inserted.stream().map(Inserted::kind).toList(), notifications));
        });
    }

    public void committed(Written written) {
        // Once per kind and chunk: finding a counter by its tags costs more than counting, and a morning writes 50,000.
        written.kinds().stream().collect(Collectors.groupingBy(kind -> kind, Collectors.counting()))
                .forEach(metrics::remindersWritten);
    }

    private record Inserted(long id, String kind) {
    }

    private record TaskName(String code, String title) {
    }

    private Uni<List<Inserted>> upsert(SqlConnection connection, List<DueReminder> due, Instant now) {
        Long[] taskIds = due.stream().map(DueReminder::taskId).distinct().toArray(Long[]::new);
        return connection.preparedQuery(TASKS).execute(Tuple.of((Object) taskIds)).chain(tasks -> {
            Map<Long, TaskName> names = new HashMap<>();
            tasks.forEach(row -> names.put(row.getLong("id"), new TaskName(row.getString("code"), row.getString("title"))));
            // Tens of thousands of messages to word at 09:00: not on the event loop that answers requests.
            return WorkerThreads.run(() -> columns(due, names, now))
                    .chain(columns -> connection.preparedQuery(UPSERT).execute(columns));
        }).map(rows -> {
            List<Inserted> inserted = new ArrayList<>();
            for (Row row : rows) {
                if (row.getBoolean("inserted")) {
                    inserted.add(new Inserted(row.getLong("id"), row.getString("kind")));
                }
            }
            return inserted;
        });
    }

    private Tuple columns(List<DueReminder> due, Map<Long, TaskName> names, Instant now) {
        int n = due.size();
        Long[] taskIds = new Long[n];
        LocalDate[] dueOn = new LocalDate[n];
        String[] recipients = new String[n];
        Long[] unitIds = new Long[n];
        Long[] accountIds = new Long[n];
        LocalDate[] remindOn = new LocalDate[n];
        String[] kinds = new String[n];
        Integer[] urgencies = new Integer[n];
        Integer[] overdue = new Integer[n];
        OffsetDateTime[] remindAt = new OffsetDateTime[n];
        Boolean[] late = new Boolean[n];
        Boolean[] missing = new Boolean[n];
        String[] titles = new String[n];
        String[] bodies = new String[n];
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
            TaskName task = names.get(r.taskId());
            MessageText.Message text = MessageText.reminder(r.kind().notificationKind(), task.code(), task.title(), r.milestone(), r.dueOn(),
                    r.remindOn(), r.workingDaysLeft(), r.workingDaysOverdue(), late[i]);
            titles[i] = text.title();
            bodies[i] = text.body();
        }
        return Tuple.from(new Object[] { taskIds, dueOn, recipients, unitIds, accountIds, remindOn, kinds, urgencies,
                overdue, remindAt, late, now.atOffset(ZoneOffset.UTC), missing, titles, bodies });
    }
}
