package org.duban.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.duban.plan.occurrence.OccurrenceId;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("ProgressReport")
@Description("A unit's progress report (进展填报) on its part of a task; for a recurring task, on one occurrence (the period).")
public record ProgressReport(
        @Id @GlobalId(IdKind.PROGRESS_REPORT) long id,
        @Description("The occurrence (period) reported on, for a recurring task") @Id String occurrenceId,
        @Description("That occurrence's due date") LocalDate periodDue,
        @Description("0 to 100") int percent,
        @NonNull @Description("What was done") String summary,
        @Description("Problems met and coordination asked for") String problems,
        @NonNull @Id @GlobalId(IdKind.EVIDENCE) List<@NonNull String> evidenceIds,
        @Description("The account that filed it") String reportedBy,
        @NonNull Instant reportedAt,
        @Ignore long taskId,
        @Ignore long unitId) {

    static final String COLUMNS = "r.id, r.task_id, r.occurrence_due, r.unit_id, r.percent, r.summary, r.problems, r.evidence_ids,"
            + " r.reported_at, (select a.display_name from account a where a.id = r.account_id) as reported_by";

    static ProgressReport from(Row row) {
        LocalDate due = row.getLocalDate("occurrence_due");
        long taskId = row.getLong("task_id");
        return new ProgressReport(row.getLong("id"), due == null ? null : new OccurrenceId(taskId, due).toString(), due,
                row.getInteger("percent"), row.getString("summary"), row.getString("problems"),
                ids(row.getArrayOfLongs("evidence_ids")), row.getString("reported_by"),
                row.getOffsetDateTime("reported_at").toInstant(), taskId, row.getLong("unit_id"));
    }

    static List<String> ids(Long[] ids) {
        return ids == null ? List.of() : Arrays.stream(ids).map(String::valueOf).toList();
    }
}
