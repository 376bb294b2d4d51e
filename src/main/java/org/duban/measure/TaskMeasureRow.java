package org.duban.measure;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** What a task's progress is measured by, written with the task's other measures (MeasureRows). */
public class TaskMeasureRow {

    public MeasureKind kind;

    public Integer year;

    public Long regionId;

    public Long zoneId;

    public Integer round;

    /** A NUMBER measure's target; null for the others. */
    public NumberTarget number;

    List<Object> content() {
        return Arrays.asList(kind, year, regionId, zoneId, round, number == null ? null : number.label(),
                number == null ? null : number.target().stripTrailingZeros(), number == null ? null : number.unit(),
                number != null && number.atMost());
    }
}
