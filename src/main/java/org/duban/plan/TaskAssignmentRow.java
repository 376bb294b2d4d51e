package org.duban.plan;

/** A unit or a unit set named responsible for a task, in the order the document names them (TaskRows). */
public class TaskAssignmentRow {

    public Long unitId;

    public Long unitSetId;

    public AssignmentRole role;
}
