package org.duban.land;

import org.eclipse.microprofile.graphql.Description;

/** Where a parcel stands toward the stock of approved land (批而未用 = 批而未供 + 供而未用), derived from its facts. */
public enum ParcelCategory {
    @Description("批而未供: approved for construction, not yet supplied to a user")
    APPROVED_UNSUPPLIED,
    @Description("供而未用: supplied and not in use; useState says how (not handed over, late, idle)")
    SUPPLIED_UNUSED,
    @Description("已用: supplied and under construction on time, or completed")
    USED,
    @Description("Out of the stock: its approval was adjusted (调整批文)")
    APPROVAL_ADJUSTED,
    @Description("Out of the stock: its approval was withdrawn")
    APPROVAL_WITHDRAWN,
    @Description("Split into parts by a partial supply (splitOn): its parts carry its area on, it is history")
    SPLIT
}
