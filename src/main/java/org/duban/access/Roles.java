package org.duban.access;

/** Role names as they appear in tokens and in {@code @RolesAllowed}. */
public final class Roles {

    /** The supervising office: everything. */
    public static final String ADMIN = "ADMIN";
    /** Reads everything. */
    public static final String LEADER = "LEADER";
    /** A unit's staff. */
    public static final String UNIT = "UNIT";
    /** Added to a UNIT account that edits parcels, quotas and standard-land records. */
    public static final String LAND_EDITOR = "LAND_EDITOR";

    public static final java.util.List<String> ORDERED = java.util.List.of(ADMIN, LEADER, UNIT, LAND_EDITOR);
    public static final java.util.Set<String> ALL = java.util.Set.copyOf(ORDERED);

    private Roles() {
    }
}
