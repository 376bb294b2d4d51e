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

    /** A notice about {@code taskId} (null: about a plan), in the words {@link MessageText} gave it. */
    public record Notice(Source source, long sourceId, Long taskId, MessageText.Message text) {
    }

    private final Outbox outbox;

    Notices(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Sends the notice to these units, those that have not had it; returns the in-app notifications written. */
    public Uni<Integer> send(SqlConnection connection, Notice notice, Long[] unitIds, Instant now) {
        var at = now.atOffset(ZoneOffset.UTC);
        String column = notice.source().column;
        return connection.preparedQuery("insert into notice (kind, unit_id, task_id, " + column + ", title, body, created_at)"
                + " select $1, unit, $3, $4, $5, $6, $7 from unnest($2::bigint[]) unit"
                + " on conflict (" + column + ", unit_id) where " + column + " is not null do nothing returning id")
                .execute(Tuple.from(new Object[] { notice.source().name(), unitIds, notice.taskId(), notice.sourceId(),
                        notice.text().title(), notice.text().body(), at }))
                .map(rows -> {
                    Long[] ids = new Long[rows.size()];
                    int i = 0;
                    for (var row : rows) {
                        ids[i++] = row.getLong("id");
                    }
                    return ids;
                })
                .chain(ids -> outbox.send(connection, Outbox.Source.NOTICE, ids, now));
    }
}
