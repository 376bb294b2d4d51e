package org.duban.supervision;

import java.time.Instant;
import java.time.LocalDate;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("DeadlineExtension")
@Description("A request to extend a task's deadline (延期申请) and the office's decision; both deadlines stay on record.")
public record DeadlineExtension(
        @Id @GlobalId(IdKind.DEADLINE_EXTENSION) long id,
        @Description("The unit that asked; null when the office entered it") String unitName,
        @NonNull LocalDate previousDeadline,
        @NonNull LocalDate requestedDeadline,
        @NonNull String reason,
        @NonNull ExtensionStatus status,
        @NonNull Instant requestedAt,
        Instant decidedAt,
        String decisionNote,
        @Description("Whether the scoreboard counts the task against the new deadline (else the original one)") boolean countAgainstNewDeadline,
        @Ignore long taskId) {

    static final String COLUMNS = "e.id, e.task_id, e.previous_deadline, e.requested_deadline, e.reason, e.status, e.requested_at,"
            + " e.decided_at, e.decision_note, e.score_against_new, (select u.name from unit u where u.id = e.unit_id) as unit_name";

    static DeadlineExtension from(Row row) {
        return new DeadlineExtension(row.getLong("id"), row.getString("unit_name"), row.getLocalDate("previous_deadline"),
                row.getLocalDate("requested_deadline"), row.getString("reason"), ExtensionStatus.valueOf(row.getString("status")),
                row.getOffsetDateTime("requested_at").toInstant(),
                row.getOffsetDateTime("decided_at") == null ? null : row.getOffsetDateTime("decided_at").toInstant(),
                row.getString("decision_note"), row.getBoolean("score_against_new"), row.getLong("task_id"));
    }
}
