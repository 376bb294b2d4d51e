package org.duban.supervisionnotice;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("SupervisionNoticeState")
public enum SupervisionNoticeState {
    @Description("Issued; the unit has not replied and its date has not passed")
    AWAITING_REPLY,
    @Description("The unit has not replied and its date has passed")
    OVERDUE,
    @Description("The unit replied (the reply closes the notice)")
    REPLIED
}
