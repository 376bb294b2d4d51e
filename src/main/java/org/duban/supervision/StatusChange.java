package org.duban.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.duban.plan.TaskStatus;
import org.duban.plan.occurrence.OccurrenceId;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("StatusChange")
@Description("One move of a task or occurrence: a submission with its statement and evidence, a sign-off, a rejection "
        + "with the reason the unit reads, a suspension or reopening.")
public record StatusChange(
        @Id @GlobalId(IdKind.STATUS_CHANGE) long id,
        @Description("For a recurring task, the occurrence moved") @Id String occurrenceId,
        @NonNull TaskStatus from,
        @NonNull TaskStatus to,
        @Description("Why: a rejection's, suspension's or reopening's reason") String reason,
        @Description("The closing statement of a submission, or the office's note on a sign-off") String note,
        @Description("Set when the office signed off despite open checklist items or units that never reported") String overrideReason,
        @NonNull @Id @GlobalId(IdKind.EVIDENCE) List<@NonNull String> evidenceIds,
        @Description("The account that made the move") String changedBy,
        @NonNull Instant changedAt,
        @Ignore long taskId) {

    static final String COLUMNS = "c.id, c.task_id, c.occurrence_due, c.from_status, c.to_status, c.reason, c.note, c.override_reason,"
            + " c.evidence_ids, c.changed_at, (select a.display_name from account a where a.id = c.account_id) as changed_by";

    static StatusChange from(Row row) {
        LocalDate due = row.getLocalDate("occurrence_due");
        long taskId = row.getLong("task_id");
        return new StatusChange(row.getLong("id"), due == null ? null : new OccurrenceId(taskId, due).toString(),
                TaskStatus.valueOf(row.getString("from_status")), TaskStatus.valueOf(row.getString("to_status")),
                row.getString("reason"), row.getString("note"), row.getString("override_reason"),
                ProgressReport.ids(row.getArrayOfLongs("evidence_ids")), row.getString("changed_by"),
                row.getOffsetDateTime("changed_at").toInstant(), taskId);
    }
}
