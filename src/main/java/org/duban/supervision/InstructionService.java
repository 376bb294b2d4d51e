package org.duban.supervision;

import java.time.Clock;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;
import org.duban.common.Ids;
import org.duban.notify.NotificationFeed;
import org.duban.security.Callers.Caller;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/** Leader instructions (批示) on a task; every account of a responsible unit finds it in its inbox at once. */
@ApplicationScoped
public class InstructionService {

    static final int MAX_LENGTH = 5000;

    private final AuditTrail audit;
    private final Clock clock;

    InstructionService(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<Long> add(String taskId, String text, Caller caller) {
        long id = Ids.parse(taskId, "Task");
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > MAX_LENGTH) {
            throw DubanException.validation("text", "between 1 and " + MAX_LENGTH + " characters");
        }
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        return audit.withTransaction(connection -> connection.preparedQuery("insert into instruction (task_id, account_id, body, created_at)"
                + " select id, $2, $3, $4 from task where id = $1 and deleted_at is null returning id, task_id")
                .execute(Tuple.of(id, caller.accountId(), body, now))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw DubanException.notFound("Task", taskId);
                    }
                    return rows.iterator().next().getLong("id");
                })
                .chain(instruction -> connection.preparedQuery("insert into notification (account_id, task_id, instruction_id, kind,"
                        + " title, body, created_at) select distinct a.id, t.id, $2::bigint, 'INSTRUCTION', '领导批示：' || t.code || ' ' || t.title,"
                        + " $3, $4::timestamptz from task t join task_unit tu on tu.task_id = t.id join account a on a.unit_id = tu.unit_id"
                        + " where t.id = $1 and a.enabled returning id, account_id")
                        .execute(Tuple.of(id, instruction, body, now)))
                .chain(notifications -> NotificationFeed.announceAfterCommit(connection, notifications))
                .replaceWith(id));
    }
}
