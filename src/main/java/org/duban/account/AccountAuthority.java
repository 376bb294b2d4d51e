package org.duban.account;

import java.util.List;
import java.util.Set;

import org.duban.access.Callers.Caller;
import org.duban.access.Roles;
import org.duban.common.DubanException;
import org.duban.common.ErrorCode;

/**
 * Whose accounts an ADMIN manages: those of units in the regions it governs, and those governing only regions it
 * governs. The platform's operator (SYSTEM) manages every account and alone gives the SYSTEM role.
 */
final class AccountAuthority {

    private AccountAuthority() {
    }

    /** Where an account stands: its unit's region (or null) and the regions its roles govern. */
    record Standing(Long unitRegionId, List<Long> governed) {

        boolean within(List<Long> regions) {
            return unitRegionId != null && regions.contains(unitRegionId)
                    || !governed.isEmpty() && regions.containsAll(governed);
        }

        boolean touches(List<Long> regions) {
            return unitRegionId != null && regions.contains(unitRegionId) || governed.stream().anyMatch(regions::contains);
        }
    }

    /** NOT_FOUND for an account out of the caller's sight, FORBIDDEN for one it sees but does not manage. */
    static void requireManages(Caller caller, Standing account, Object id) {
        if (caller.is(Roles.SYSTEM) || account.within(caller.governed()) && caller.is(Roles.ADMIN)) {
            return;
        }
        if (account.touches(caller.overseenRegions())) {
            throw new DubanException(ErrorCode.FORBIDDEN, "This account belongs to a region you oversee but do not administer", null);
        }
        throw DubanException.notFound("User", id);
    }

    /** What an account is given: a unit and regions the caller governs, and no SYSTEM role unless the caller has it. */
    static void requireGrants(Caller caller, Standing wanted, Set<String> roles) {
        if (caller.is(Roles.SYSTEM)) {
            return;
        }
        if (roles.contains(Roles.SYSTEM)) {
            throw new DubanException(ErrorCode.FORBIDDEN, "Only the platform's operator gives the SYSTEM role", "input.roles");
        }
        if (wanted.unitRegionId() != null && !caller.governed().contains(wanted.unitRegionId())) {
            throw DubanException.validation("input.unitId", "no unit of a region you administer");
        }
        if (!caller.governed().containsAll(wanted.governed())) {
            throw DubanException.validation("input.regionIds", "only regions you administer can be given");
        }
    }

    /** An ADMIN or LEADER reads and acts somewhere. */
    static void requireRegionsForRoles(Set<String> roles, List<Long> governed) {
        if ((roles.contains(Roles.ADMIN) || roles.contains(Roles.LEADER)) && governed.isEmpty()
                && !roles.contains(Roles.SYSTEM)) {
            throw DubanException.validation("input.regionIds", "an ADMIN or LEADER governs at least one region");
        }
    }
}
