package org.duban.access;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Who is asking, as {@link AccountCheck} confirmed it for this request, without blocking the event loop. */
@ApplicationScoped
public class Callers {

    private final CurrentIdentityAssociation identities;

    Callers(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    public Uni<Caller> current() {
        return identities.getDeferredIdentity().map(Callers::of);
    }

    /** The caller an identity stands for: for plain Vert.x routes, which authenticate by themselves. */
    public static Caller of(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Caller.ANONYMOUS;
        }
        Scope scope = identity.getAttribute(AccountCheck.SCOPE_ATTRIBUTE);
        return new Caller(Long.valueOf(token.getSubject()), token.getName(), identity.getRoles(),
                scope == null ? null : scope.unitId(), scope == null ? null : scope.unitRegionId(),
                scope == null ? List.of() : scope.governed(), scope == null ? List.of() : scope.overseen());
    }

    /** Where an account stands, as AccountCheck read it: its unit and the regions of its ADMIN and LEADER roles. */
    record Scope(Long unitId, Long unitRegionId, List<Long> governed, List<Long> overseen) {
    }

    /**
     * The account, its roles and unit as they are now, the region of its unit, the regions it governs (where its
     * ADMIN and LEADER roles apply) and every region it oversees (those and all below them).
     */
    public record Caller(Long accountId, String username, Set<String> roles, Long unitId, Long regionId,
            List<Long> governed, List<Long> overseen) {

        static final Caller ANONYMOUS = new Caller(null, null, Set.of(), null, null, List.of(), List.of());

        /** ADMIN and LEADER read every plan, task and record of the regions they oversee. */
        public boolean overseesAny() {
            return (is(Roles.ADMIN) || is(Roles.LEADER)) && !overseen.isEmpty();
        }

        public boolean oversees(Long region) {
            return region != null && (is(Roles.ADMIN) || is(Roles.LEADER)) && overseen.contains(region);
        }

        /** An ADMIN changes what belongs to the regions it governs, not those it only oversees. */
        public boolean administers(Long region) {
            return region != null && is(Roles.ADMIN) && governed.contains(region);
        }

        /** Land records may be changed by their region's ADMIN and by a LAND_EDITOR of that region. */
        public boolean editsLandIn(long region) {
            return administers(region) || is(Roles.LAND_EDITOR) && regionId != null && regionId == region;
        }

        /** The regions whose plans, tasks and land the caller reads as ADMIN or LEADER. */
        public List<Long> overseenRegions() {
            return is(Roles.ADMIN) || is(Roles.LEADER) ? overseen : List.of();
        }

        /**
         * The regions whose reference data (units, sets, groups, accounts) the caller reads: those it oversees
         * and its own unit's.
         */
        public List<Long> referenceRegions() {
            Set<Long> regions = new HashSet<>(overseenRegions());
            if (regionId != null) {
                regions.add(regionId);
            }
            return List.copyOf(regions);
        }

        /** Where the caller's mutations may write at all; which rows exactly, each service decides. */
        public List<Long> writableRegions() {
            Set<Long> regions = new HashSet<>(is(Roles.ADMIN) || is(Roles.LEADER) ? governed : List.of());
            if (regionId != null) {
                regions.add(regionId);
            }
            return List.copyOf(regions);
        }

        public boolean is(String role) {
            return roles.contains(role);
        }
    }
}
