package org.duban.signing;

import org.eclipse.microprofile.graphql.Description;

public enum SigningState {
    @Description("Assigned, not yet signed for, within the time allowed")
    UNSIGNED,
    @Description("Not signed for within the time allowed (领办逾期)")
    OVERDUE_TO_SIGN,
    @Description("Signed for (签收)")
    SIGNED,
    @Description("Returned to the office as not the unit's own (退回); the office decides")
    RETURNED
}
