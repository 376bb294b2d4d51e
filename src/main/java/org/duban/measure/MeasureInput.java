package org.duban.measure;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("MeasureInput")
@Description("QUOTA: year and region; REGIONAL_EVALUATIONS: zone and round; STANDARD_LAND_SALES: zone and year.")
public record MeasureInput(@NonNull MeasureKind kind, Integer year, @Id String regionId, @Id String zoneId, Integer round) {
}
