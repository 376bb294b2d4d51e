package org.duban.inspection;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/** What an inspection means for a unit (奖励 / 问责). */
@Enum("InspectionOutcomeKind")
public enum Outcome {
    @Description("Commended or rewarded")
    REWARD,
    @Description("Held to account (问责)")
    ACCOUNTABILITY,
    @Description("Neither")
    NONE
}
