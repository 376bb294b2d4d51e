package org.duban.land;

import org.eclipse.microprofile.graphql.Description;

/** Where a parcel stands toward the stock of approved land, derived from its facts. */
public enum ParcelCategory {
    @Description("批而未供: approved for construction, not yet supplied to a user")
    APPROVED_UNSUPPLIED,
    @Description("供地: supplied (sold, allocated or leased)")
    SUPPLIED,
    @Description("Out of the stock: its approval was adjusted (调整批文)")
    APPROVAL_ADJUSTED,
    @Description("Out of the stock: its approval was withdrawn")
    APPROVAL_WITHDRAWN
}
