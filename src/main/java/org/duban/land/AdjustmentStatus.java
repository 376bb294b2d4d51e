package org.duban.land;

import org.eclipse.microprofile.graphql.Description;

public enum AdjustmentStatus {
    @Description("Asked for; the parcel cannot be supplied meanwhile")
    REQUESTED,
    @Description("The approval was adjusted: the parcel leaves the stock of approved-but-unsupplied land")
    ADJUSTED,
    @Description("The approval was withdrawn: the parcel leaves the stock")
    APPROVAL_WITHDRAWN,
    @Description("The request was dropped; the parcel is back in the stock")
    CANCELLED
}
