package org.duban.measure;

import java.math.BigDecimal;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("MeasureInput")
@Description("QUOTA: year and region; REGIONAL_EVALUATIONS: zone and round; STANDARD_LAND_SALES: zone and year; NUMBER: target"
        + " and unit (label and atMost optional).")
public record MeasureInput(@NonNull MeasureKind kind, Integer year, @Id String regionId, @Id String zoneId, Integer round,
        @Description("NUMBER: what is counted, e.g. 新增就业岗位") String label,
        @Description("NUMBER: the figure, e.g. 3.25") BigDecimal target,
        @Description("NUMBER: its unit, e.g. 亩 or %") String unit,
        @Description("NUMBER: true when the target is a ceiling (不超过), not a floor (不少于)") Boolean atMost) {
}
