package org.duban.measure;

import java.math.BigDecimal;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("MeasuredProgress")
@Description("How far one of a task's measures is: the measure (with its quota, evaluations or sales and their parcels), "
        + "its share done and how that was read")
public record MeasuredProgress(
        @NonNull Measure measure,
        @NonNull @Description("0 to 100, 2 decimals") BigDecimal percent,
        @NonNull @Description("The figures the share comes from, e.g. 23.71 of 26.96 mu digested") String basis) {
}
