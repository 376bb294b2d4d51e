package org.duban.land;

import org.duban.access.Callers.Caller;
import org.duban.common.DubanException;
import org.duban.common.ErrorCode;
import org.duban.common.sql.SqlParams;

/**
 * Land records (parcels, quotas, regional evaluations) are readable by every account of their region, and by
 * ADMIN and LEADER in every region they oversee; to anyone else they do not exist. As SQL, so lists filter in
 * the query.
 */
public final class LandVisibility {

    private LandVisibility() {
    }

    /**
     * Why the caller may not change land of the region: FORBIDDEN when it reads it (an ADMIN or LEADER of a region
     * above, an account of the region without LAND_EDITOR), NOT_FOUND when the land is out of its sight.
     */
    public static DubanException refusal(Caller caller, long region, String type, Object id) {
        return caller.referenceRegions().contains(region)
                ? new DubanException(ErrorCode.FORBIDDEN, "Only the region's ADMIN and LAND_EDITOR change its land", null)
                : DubanException.notFound(type, id);
    }

    /** A condition on the region id in {@code regionColumn}. */
    public static String region(Caller caller, String regionColumn, SqlParams params) {
        if (caller.referenceRegions().isEmpty()) {
            return "false";
        }
        return regionColumn + " = any (" + params.bind(caller.referenceRegions().toArray(Long[]::new)) + ")";
    }
}
