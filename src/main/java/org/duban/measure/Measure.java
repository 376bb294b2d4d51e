package org.duban.measure;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("Measure")
@Description("What a task's progress is measured by, and the figures: the one matching the kind is set")
public record Measure(
        @Id @GlobalId(IdKind.MEASURE) long id,
        @NonNull MeasureKind kind,
        Integer year,
        Integer round,
        @Ignore long taskId,
        @Ignore Long regionId,
        @Ignore Long zoneId) {

    static Measure from(Row row) {
        return new Measure(row.getLong("id"), MeasureKind.valueOf(row.getString("kind")), row.getInteger("year"),
                row.getInteger("round"), row.getLong("task_id"), row.getLong("region_id"), row.getLong("zone_id"));
    }
}
