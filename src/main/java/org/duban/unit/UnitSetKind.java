package org.duban.unit;

import org.eclipse.microprofile.graphql.Description;

public enum UnitSetKind {
    @Description("The units listed in the set, maintained by the office")
    LISTED,
    @Description("The member units of a leading group, as the group's membership stands")
    GROUP_MEMBERS
}
