package org.duban.supervision;

import org.eclipse.microprofile.graphql.Description;

public enum InstructionState {
    @Description("The instruction asks for no answer by a date")
    NO_ANSWER_ASKED,
    @Description("Some responsible unit has still to answer, and the date has not passed")
    AWAITING,
    @Description("Every responsible unit answered")
    ANSWERED,
    @Description("The date passed and some responsible unit has not answered")
    OVERDUE
}
