package org.duban.access;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.duban.common.WallClock;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies a token once and remembers it until it expires: a front-end sends the same token with every request, and
 * checking its RS256 signature and parsing its claims again each time was a fifth of a light request's work. What
 * may change while a token is valid (its account disabled, its password changed, its roles) is not in the token but
 * checked on every request by {@link AccountCheck}; expiry is checked here against the wall clock, as the verifier
 * does.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    /** More tokens in use at once than that is a flood, not a front-end: start over rather than grow. */
    private static final int REMEMBERED = 10_000;

    private final JWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final Map<String, JWTCallerPrincipal> verified = new ConcurrentHashMap<>();
    private final Clock wallClock;

    VerifiedTokens(@WallClock Clock wallClock) {
        this.wallClock = wallClock;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        JWTCallerPrincipal known = verified.get(token);
        long nowSeconds = wallClock.instant().getEpochSecond();
        if (known != null && known.getExpirationTime() > nowSeconds) {
            return known;
        }
        JWTCallerPrincipal principal = verifier.parse(token, context);
        if (verified.size() >= REMEMBERED) {
            verified.clear();
        }
        verified.put(token, principal);
        return principal;
    }
}
