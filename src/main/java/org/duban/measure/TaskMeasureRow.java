package org.duban.measure;

import java.util.Arrays;
import java.util.List;

/** What a task's progress is measured by, written with the task's other measures (MeasureRows). */
public class TaskMeasureRow {

    public MeasureKind kind;

    public Integer year;

    public Long regionId;

    public Long zoneId;

    public Integer round;

    List<Object> content() {
        return Arrays.asList(kind, year, regionId, zoneId, round);
    }
}
