package org.duban.measure;

import java.math.BigDecimal;
import java.time.LocalDate;

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
        @Description("NUMBER: what is counted, e.g. 新增就业岗位") String label,
        @Description("NUMBER: the figure to reach (or, atMost, to stay within)") BigDecimal target,
        @Description("NUMBER: its unit, e.g. 亩 or %") String unit,
        @Description("NUMBER: true when the target is a ceiling (不超过)") Boolean atMost,
        @Description("NUMBER: the figure last reported (reportProgress figures)") BigDecimal actual,
        @Description("NUMBER: the day it was reported") LocalDate actualOn,
        @Ignore long taskId,
        @Ignore Long regionId,
        @Ignore Long zoneId) {

    static final String COLUMNS = "id, task_id, kind, year, round, region_id, zone_id, label, target, unit, at_most, actual, actual_on";

    static Measure from(Row row) {
        MeasureKind kind = MeasureKind.valueOf(row.getString("kind"));
        return new Measure(row.getLong("id"), kind, row.getInteger("year"), row.getInteger("round"), row.getString("label"),
                row.getBigDecimal("target"), row.getString("unit"), kind == MeasureKind.NUMBER ? row.getBoolean("at_most") : null,
                row.getBigDecimal("actual"), row.getLocalDate("actual_on"), row.getLong("task_id"), row.getLong("region_id"),
                row.getLong("zone_id"));
    }

    /** A NUMBER measure's target; null for the others. */
    NumberTarget number() {
        return kind == MeasureKind.NUMBER ? new NumberTarget(label, target, unit, Boolean.TRUE.equals(atMost)) : null;
    }
}
