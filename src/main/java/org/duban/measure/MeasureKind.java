package org.duban.measure;

import org.eclipse.microprofile.graphql.Description;

public enum MeasureKind {
    @Description("A region's quota of approved-but-unsupplied land for a year (needs year and region)")
    QUOTA,
    @Description("A zone's regional evaluations of a round (needs zone and round)")
    REGIONAL_EVALUATIONS,
    @Description("A zone's industrial land sold in a year, and how much of it as standard land (needs zone and year)")
    STANDARD_LAND_SALES,
    @Description("A figure the task must reach or stay within, e.g. 增长6.2% or 不少于3.25亩 (needs target and unit); the units"
            + " report the actual with their progress")
    NUMBER
}
