package org.duban.access;

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
        return new Caller(Long.valueOf(token.getSubject()), token.getName(), identity.getRoles(),
                identity.getAttribute(AccountCheck.UNIT_ATTRIBUTE), identity.getAttribute(AccountCheck.REGION_ATTRIBUTE));
    }

    /** The account, its roles and unit as they are now, and the region of its unit. */
    public record Caller(Long accountId, String username, Set<String> roles, Long unitId, Long regionId) {

        static final Caller ANONYMOUS = new Caller(null, null, Set.of(), null, null);

        /** ADMIN and LEADER see every plan and task; everyone else what their unit is assigned. */
        public boolean seesEverything() {
            return roles.contains(Roles.ADMIN) || roles.contains(Roles.LEADER);
        }

        /** Land records may be changed by ADMIN anywhere and by a LAND_EDITOR in its own region. */
        public boolean editsLandIn(long region) {
            return roles.contains(Roles.ADMIN) || roles.contains(Roles.LAND_EDITOR) && regionId != null && regionId == region;
        }

        public boolean is(String role) {
            return roles.contains(role);
        }
    }
}
