package org.duban.supervision;

import java.time.Clock;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers.Caller;
import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;
import org.duban.common.Ids;
import org.duban.notify.MessageText;
import org.duban.notify.Notices;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/** Leader instructions (批示) on a task; the responsible units hear of it as of a reminder: inbox, webhook, e-mail. */
@ApplicationScoped
public class InstructionService {

    static final int MAX_LENGTH = 5000;

    private final AuditTrail audit;
    private final Notices notices;
    private final Clock clock;

    InstructionService(AuditTrail audit, Notices notices, Clock clock) {
        this.audit = audit;
        this.notices = notices;
        this.clock = clock;
    }

    public Uni<Long> add(String taskId, String text, Caller caller) {
        long id = Ids.parse(taskId, "Task");
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > MAX_LENGTH) {
            throw DubanException.validation("text", "between 1 and " + MAX_LENGTH + " characters");
        }
        return audit.withTransaction(connection -> connection.preparedQuery("insert into instruction (task_id, account_id, body, created_at)"
                + " select id, $2, $3, $4 from task where id = $1 and deleted_at is null returning id, task_id")
                .execute(Tuple.of(id, caller.accountId(), body, clock.instant().atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw DubanException.notFound("Task", taskId);
                    }
                    return rows.iterator().next().getLong("id");
                })
                .chain(instruction -> connection.preparedQuery("select t.code, t.title, array(select distinct tu.unit_id from task_unit tu"
                        + " where tu.task_id = t.id) as units from task t where t.id = $1").execute(Tuple.of(id))
                        .map(rows -> rows.iterator().next())
                        .chain(task -> notices.send(connection, new Notices.Notice(Notices.Source.INSTRUCTION, instruction, id,
                                MessageText.instruction(task.getString("code"), task.getString("title"), body)),
                                task.getArrayOfLongs("units"), clock.instant())))
                .replaceWith(id));
    }
}
