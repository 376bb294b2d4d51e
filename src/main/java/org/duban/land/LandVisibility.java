package org.duban.land;

import org.duban.access.Callers.Caller;
import org.duban.common.sql.SqlParams;

/**
 * Land records (parcels, quotas, regional evaluations) are readable by every account of their region, and
 * by ADMIN and LEADER everywhere; to anyone else they do not exist. As SQL, so lists filter in the query.
 */
public final class LandVisibility {

    private LandVisibility() {
    }

    /** A condition on the region id in {@code regionColumn}. */
    public static String region(Caller caller, String regionColumn, SqlParams params) {
        if (caller.seesEverything()) {
            return "true";
        }
        if (caller.regionId() == null) {
            return "false";
        }
        return regionColumn + " = " + params.bind(caller.regionId());
    }
}
