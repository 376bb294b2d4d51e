package org.duban.inspection;

import org.eclipse.microprofile.graphql.Description;

/** What an inspection means for a unit (奖励 / 问责). */
public enum InspectionOutcomeKind {
    @Description("Commended or rewarded")
    REWARD,
    @Description("Held to account (问责)")
    ACCOUNTABILITY,
    @Description("Neither")
    NONE
}
