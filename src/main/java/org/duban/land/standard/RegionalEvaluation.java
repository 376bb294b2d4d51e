package org.duban.land.standard;

import java.time.LocalDate;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("RegionalEvaluation")
@Description("A regional evaluation (区域评价): an assessment done once for a whole zone, by round")
public record RegionalEvaluation(
        @Id @GlobalId(IdKind.REGIONAL_EVALUATION) long id,
        int round,
        @NonNull EvaluationKind kind,
        @NonNull String name,
        @NonNull EvaluationStatus status,
        LocalDate completedOn,
        String note,
        @NonNull Integer version,
        @Ignore long zoneId) {

    static final String COLUMNS = "e.id, e.zone_id, e.round, e.kind, e.name, e.status, e.completed_on, e.note, e.version";

    static RegionalEvaluation from(Row row) {
        return new RegionalEvaluation(row.getLong("id"), row.getInteger("round"), EvaluationKind.valueOf(row.getString("kind")),
                row.getString("name"), EvaluationStatus.valueOf(row.getString("status")), row.getLocalDate("completed_on"),
                row.getString("note"), row.getInteger("version"), row.getLong("zone_id"));
    }
}
