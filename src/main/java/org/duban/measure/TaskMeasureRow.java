package org.duban.measure;

/** What a task's progress is measured by, written with the task's other measures (MeasureRows). */
public class TaskMeasureRow {

    public MeasureKind kind;

    public Integer year;

    public Long regionId;

    public Long zoneId;

    public Integer round;
}
