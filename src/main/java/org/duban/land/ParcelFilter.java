package org.duban.land;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("ParcelFilter")
@Description("Conditions a parcel must all meet; dates are inclusive.")
public record ParcelFilter(
        @Id String regionId,
        @Id String townshipId,
        @Description("The development zone, e.g. 示范区") @Id String zoneId,
        ParcelCategory category,
        @Description("Supplied land in this state today") LandUseState useState,
        StandardLandStage stage,
        LandUse landUse,
        Boolean standardLand,
        LocalDate suppliedFrom,
        LocalDate suppliedTo,
        @Description("A substring of the code, name, location or land user") String text) {
}
