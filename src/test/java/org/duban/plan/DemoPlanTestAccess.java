package org.duban.plan;

/** The demo plan's id, for tests of other features. */
public final class DemoPlanTestAccess {

    private DemoPlanTestAccess() {
    }

    public static String demoPlanId() {
        return DemoPlanTest.demoPlanId();
    }
}
