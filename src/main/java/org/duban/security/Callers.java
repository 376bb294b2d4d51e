package org.duban.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/** Who is asking, read from the verified token without blocking the event loop. */
@ApplicationScoped
public class Callers {

    static final String UNIT_CLAIM = "unit";

    private final CurrentIdentityAssociation identities;

    Callers(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    public Uni<Caller> current() {
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
                return new Caller(null, null, Set.of(), null);
            }
            Object unit = token.getClaim(UNIT_CLAIM);
            return new Caller(Long.valueOf(token.getSubject()), token.getName(), identity.getRoles(),
                    unit == null ? null : Long.valueOf(unit.toString()));
        });
    }

    public record Caller(Long accountId, String username, Set<String> roles, Long unitId) {
    }
}
