package org.duban.measure;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Type;

@Type("StandardLandSales")
@Description("Industrial land a zone sold in a year, and how much of it as standard land (标准地)")
public record StandardLandSales(
        @Description("Industrial parcels sold (出让) in the year") int industrialParcelsSold,
        @Description("Of those, sold as standard land") int standardLandSold,
        @Description("Every industrial parcel sold was standard land (true when none was sold)") boolean allStandardLand,
        @Description("At least one parcel was sold as standard land") boolean atLeastOneStandardLand,
        @Ignore long measureId) {
}
