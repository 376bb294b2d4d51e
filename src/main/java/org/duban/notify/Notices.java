package org.duban.notify;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one writer of {@code notice}: a message besides reminders, sent the way reminders go (an in-app notification for
 * each enabled account it reaches, a delivery per webhook and e-mail address, sent with retries). A notice is written
 * once per recipient and what it tells of, so writing it again (a retry, another instance) is harmless.
 */
@ApplicationScoped
public class Notices {

    /** What a leader's instruction or an inspection notice comes from; the column of {@code notice} that names it. */
    public enum Source {
        INSTRUCTION("instruction_id"),
        INSPECTION("inspection_id");

        private final String column;

        Source(String column) {
            this.column = column;
        }
    }

    /** A notice about {@code taskId} (null: about a plan), in the words {@link MessageText} gave it. */
    public record Notice(Source source, long sourceId, Long taskId, MessageText.Message text) {
    }

    /**
     * Something that happened, told once per recipient: {@code key} names it for good (e.g. {@code move:12}, the
     * status change 12), so that the same event told twice reaches nobody twice. Its second part is the id of the row it
     * tells of, where there is one: the deliveries read an urging's or an instruction's from it.
     */
    public record Event(NotificationKind kind, String key, Long taskId, MessageText.Message text) {
    }

    /**
     * The supervising office of a plan ({@code $1}): the enabled ADMIN accounts governing the plan's region. The
     * offices of regions above oversee it and read it, but are not told of its every move.
     */
    public static final String OFFICE_ACCOUNTS = "select a.id from plan p join account_region g on g.region_id = p.region_id"
            + " join account a on a.id = g.account_id where p.id = $1 and a.enabled and 'ADMIN' = any(a.roles)";

    private final Outbox outbox;

    Notices(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Sends the notice to these units, those that have not had it; returns the in-app notifications written. */
    public Uni<Integer> send(SqlConnection connection, Notice notice, Long[] unitIds, Instant now) {
        String column = notice.source().column;
        return connection.preparedQuery("insert into notice (kind, unit_id, task_id, " + column + ", title, body, created_at)"
                + " select $1, unit, $3, $4, $5, $6, $7 from unnest($2::bigint[]) unit"
                + " on conflict (" + column + ", unit_id) where " + column + " is not null do nothing returning id")
                .execute(Tuple.from(new Object[] { notice.source().name(), unitIds, notice.taskId(), notice.sourceId(),
                        notice.text().title(), notice.text().body(), now.atOffset(ZoneOffset.UTC) }))
                .chain(rows -> outbox.send(connection, Outbox.Source.NOTICE, ids(rows), now));
    }

    /** An event told to one unit. */
    public record Addressed(long unitId, Event event) {
    }

    /** Tells these units of the event (their accounts, the task's people they named, their channels). */
    public Uni<Integer> tellUnits(SqlConnection connection, Event event, Long[] unitIds, Instant now) {
        return tellEach(connection, Arrays.stream(unitIds).distinct().map(unit -> new Addressed(unit, event)).toList(), now);
    }

    /** Tells each unit of its event, all in one statement: the events of a scheduler run's chunk. */
    public Uni<Integer> tellEach(SqlConnection connection, List<Addressed> told, Instant now) {
        if (told.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = told.size();
        String[] kinds = new String[n];
        Long[] units = new Long[n];
        Long[] tasks = new Long[n];
        String[] keys = new String[n];
        String[] titles = new String[n];
        String[] bodies = new String[n];
        for (int i = 0; i < n; i++) {
            Event event = told.get(i).event();
            kinds[i] = event.kind().name();
            units[i] = told.get(i).unitId();
            tasks[i] = event.taskId();
            keys[i] = event.key();
            titles[i] = event.text().title();
            bodies[i] = event.text().body();
        }
        return connection.preparedQuery("insert into notice (kind, unit_id, task_id, event, title, body, created_at)"
                + " select x.kind, x.unit_id, x.task_id, x.event, x.title, x.body, $7 from unnest($1::text[], $2::bigint[],"
                + " $3::bigint[], $4::text[], $5::text[], $6::text[]) x(kind, unit_id, task_id, event, title, body)"
                + " on conflict (event, unit_id) where event is not null and unit_id is not null do nothing returning id")
                .execute(Tuple.from(new Object[] { kinds, units, tasks, keys, titles, bodies, now.atOffset(ZoneOffset.UTC) }))
                .chain(rows -> outbox.send(connection, Outbox.Source.NOTICE, ids(rows), now));
    }

    /** Tells these accounts of the event, in their inbox and by their e-mail. */
    public Uni<Integer> tellAccounts(SqlConnection connection, Event event, Long[] accountIds, Instant now) {
        return tellAccountsOf(connection, event, "select distinct a.id from account a where a.id = any($1) and a.enabled",
                accountIds, now);
    }

    /** Tells the plan's supervising office ({@link #OFFICE_ACCOUNTS}). */
    public Uni<Integer> tellOffice(SqlConnection connection, Event event, long planId, Instant now) {
        return tellAccountsOf(connection, event, OFFICE_ACCOUNTS, planId, now);
    }

    private Uni<Integer> tellAccountsOf(SqlConnection connection, Event event, String accounts, Object accountsArgument,
            Instant now) {
        return connection.preparedQuery("insert into notice (kind, account_id, task_id, event, title, body, created_at)"
                + " select $2, r.id, $3, $4, $5, $6, $7 from (" + accounts + ") r(id)"
                + " on conflict (event, account_id) where event is not null and account_id is not null do nothing returning id")
                .execute(Tuple.from(new Object[] { accountsArgument, event.kind().name(), event.taskId(), event.key(),
                        event.text().title(), event.text().body(), now.atOffset(ZoneOffset.UTC) }))
                .chain(rows -> outbox.send(connection, Outbox.Source.NOTICE, ids(rows), now));
    }

    private static Long[] ids(RowSet<Row> rows) {
        Long[] ids = new Long[rows.size()];
        int i = 0;
        for (var row : rows) {
            ids[i++] = row.getLong("id");
        }
        return ids;
    }
}
