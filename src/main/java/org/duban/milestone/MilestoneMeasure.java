package org.duban.milestone;

import org.eclipse.microprofile.graphql.Description;

/** What a measured milestone's target counts; the task's measure of the same kind gives the figure. */
public enum MilestoneMeasure {
    @Description("Mu digested by the task's quota")
    QUOTA,
    @Description("Regional evaluations of the task's zone and round done")
    REGIONAL_EVALUATIONS,
    @Description("Standard-land parcels the task's zone sold in its year")
    STANDARD_LAND_SALES
}
