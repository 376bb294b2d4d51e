package org.duban.plan;

import org.eclipse.microprofile.graphql.Description;

public enum AssignmentRole {
    @Description("Leads the task (牵头)")
    LEAD,
    @Description("Assists (配合)")
    ASSIST
}
