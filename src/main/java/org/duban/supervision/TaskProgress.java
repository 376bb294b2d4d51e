package org.duban.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.duban.measure.MeasuredProgress;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("TaskProgress")
@Description("How far the occurrence worked on now is, exactly, and what that follows")
public record TaskProgress(
        @NonNull @Description("0 to 100, 2 decimals") BigDecimal percent,
        @NonNull ProgressBasis basis,
        @NonNull @Description("For MEASURES: each measure's share and its figures") List<@NonNull MeasuredProgress> measures) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** In whole points, half-up, yet never 100 before the work is all done: 99.5 % of a quota is not the quota. */
    public int wholePercent() {
        int rounded = percent.setScale(0, RoundingMode.HALF_UP).intValueExact();
        return percent.compareTo(HUNDRED) < 0 ? Math.min(rounded, 99) : rounded;
    }
}
