package org.duban.land.standard;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("ControlIndicator")
@Description("A control indicator agreed at sale and, after acceptance, its actual value and verdict")
public record ControlIndicator(
        @NonNull IndicatorKind kind,
        @NonNull String name,
        String unit,
        @NonNull Comparator comparator,
        @Description("The agreed value (the lower bound for BETWEEN); null for PASS") BigDecimal target,
        @Description("The upper bound for BETWEEN") BigDecimal targetMax,
        @Description("Recorded at acceptance") BigDecimal actual,
        @Description("Recorded at acceptance, for PASS indicators") Boolean actualPassed,
        @NonNull Verdict verdict,
        @Ignore long parcelId) {

    static final String COLUMNS = "i.parcel_id, i.kind, i.name, i.unit, i.comparator, i.target, i.target_max, i.actual, i.actual_passed";

    static ControlIndicator from(Row row) {
        Comparator comparator = Comparator.valueOf(row.getString("comparator"));
        BigDecimal target = row.getBigDecimal("target");
        BigDecimal targetMax = row.getBigDecimal("target_max");
        BigDecimal actual = row.getBigDecimal("actual");
        Boolean passed = row.getBoolean("actual_passed");
        return new ControlIndicator(IndicatorKind.valueOf(row.getString("kind")), row.getString("name"), row.getString("unit"),
                comparator, target, targetMax, actual, passed, verdict(comparator, target, targetMax, actual, passed),
                row.getLong("parcel_id"));
    }

    static Verdict verdict(Comparator comparator, BigDecimal target, BigDecimal targetMax, BigDecimal actual, Boolean passed) {
        if (comparator == Comparator.PASS) {
            return passed == null ? Verdict.NOT_RECORDED : passed ? Verdict.MET : Verdict.NOT_MET;
        }
        if (actual == null) {
            return Verdict.NOT_RECORDED;
        }
        boolean met = switch (comparator) {
            case AT_LEAST -> actual.compareTo(target) >= 0;
            case AT_MOST -> actual.compareTo(target) <= 0;
            case BETWEEN -> actual.compareTo(target) >= 0 && actual.compareTo(targetMax) <= 0;
            case PASS -> throw new IllegalStateException("handled above");
        };
        return met ? Verdict.MET : Verdict.NOT_MET;
    }

    /** The parcel's overall verdict: NOT_MET if any indicator fails, INCOMPLETE while any lacks a value. */
    static Verdict overall(List<ControlIndicator> indicators) {
        if (indicators.isEmpty()) {
            return null;
        }
        if (indicators.stream().anyMatch(i -> i.verdict() == Verdict.NOT_MET)) {
            return Verdict.NOT_MET;
        }
        return indicators.stream().anyMatch(i -> i.verdict() == Verdict.NOT_RECORDED) ? Verdict.INCOMPLETE : Verdict.MET;
    }
}
