package org.duban.signing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.duban.calendar.WorkingCalendar;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("Signing")
@Description("A responsible unit's signing for a task (签收): by when, whether it did, or returned the task (退回) and what the "
        + "office decided.")
public record Signing(
        @NonNull SigningState state,
        @NonNull @Description("The day the unit became responsible (交办), in China") LocalDate assignedOn,
        @NonNull @Description("The last day to sign for it: the configured working days after assignedOn (or after the office "
                + "insisted on a returned task)") LocalDate signBy,
        Instant signedAt,
        @Description("The account that signed") String signedBy,
        Instant returnedAt,
        String returnReason,
        @Description("What the office decided on the return; null while it has not") ReturnDecision decision,
        Instant decidedAt,
        String decisionNote,
        @Ignore long taskId,
        @Ignore long unitId) {

    static final String COLUMNS = "s.task_id, s.unit_id, s.assigned_on, s.signed_at, sa.username as signed_by, s.returned_at,"
            + " s.return_reason, s.return_decision, s.decided_at, s.decision_note";
    static final String JOINS = " left join account sa on sa.id = s.signed_by";

    static Signing from(Row row, WorkingCalendar calendar, int workingDays, LocalDate today) {
        LocalDate assignedOn = row.getLocalDate("assigned_on");
        LocalDate signBy = calendar.plusWorkingDays(assignedOn, workingDays);
        String decision = row.getString("return_decision");
        Instant signedAt = instant(row, "signed_at");
        Instant returnedAt = instant(row, "returned_at");
        SigningState state = signedAt != null ? SigningState.SIGNED
                : returnedAt != null && decision == null ? SigningState.RETURNED
                : today.isAfter(signBy) ? SigningState.OVERDUE_TO_SIGN : SigningState.UNSIGNED;
        return new Signing(state, assignedOn, signBy, signedAt, row.getString("signed_by"), returnedAt,
                row.getString("return_reason"), decision == null ? null : ReturnDecision.valueOf(decision),
                instant(row, "decided_at"), row.getString("decision_note"), row.getLong("task_id"), row.getLong("unit_id"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
