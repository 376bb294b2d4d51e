package org.duban.access;

/** Role names as they appear in tokens and in {@code @RolesAllowed}. */
public final class Roles {

    /** The supervising office: administers the regions granted to it and reads every region below them. */
    public static final String ADMIN = "ADMIN";
    /** Reads the regions granted to it and every region below them. */
    public static final String LEADER = "LEADER";
    /** A unit's staff. */
    public static final String UNIT = "UNIT";
    /** Added to a UNIT account that edits parcels, quotas and standard-land records. */
    public static final String LAND_EDITOR = "LAND_EDITOR";

    /** The platform's operator: creates regions, their first accounts and the working-day calendar; reads no plan. */
    public static final String SYSTEM = "SYSTEM";

    public static final java.util.List<String> ORDERED = java.util.List.of(SYSTEM, ADMIN, LEADER, UNIT, LAND_EDITOR);
    public static final java.util.Set<String> ALL = java.util.Set.copyOf(ORDERED);

    private Roles() {
    }
}
