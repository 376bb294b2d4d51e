package org.duban.plan;

import java.util.Arrays;
import java.util.List;

/** A unit or a unit set named responsible for a task, in the order the document names them (TaskRows). */
public class TaskAssignmentRow {

    public Long unitId;

    public Long unitSetId;

    public AssignmentRole role;

    List<Object> content() {
        return Arrays.asList(unitId, unitSetId, role);
    }
}
