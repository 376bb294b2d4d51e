package org.duban.unit;

import org.eclipse.microprofile.graphql.Description;

public enum UnitSetKind {
    @Description("The units listed in the set, maintained by the office")
    LISTED,
    @Description("The member units of a leading group, as the group's membership stands")
    GROUP_MEMBERS,
    @Description("The townships where the region's approved-but-unsupplied parcels lie (相关乡镇政府)")
    PARCEL_TOWNSHIPS,
    @Description("Every unit of one kind in the region (unitKind), as the units stand: 各乡镇政府 is every TOWNSHIP")
    UNITS_OF_KIND;

    /** Whether a leading-group member may stand for this set's units: not a group's, which could loop. */
    public boolean canBeGroupMember() {
        return this != GROUP_MEMBERS;
    }
}
