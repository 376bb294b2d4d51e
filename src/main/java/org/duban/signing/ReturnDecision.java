package org.duban.signing;

import org.eclipse.microprofile.graphql.Description;

public enum ReturnDecision {
    @Description("The office gave the task to another unit (改派)")
    REASSIGNED,
    @Description("The office kept the task with the unit (坚持交办): it signs for it")
    INSISTED
}
