package org.duban.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.WallClock;

import io.smallrye.jwt.build.Jwt;

/** Signs RS256 tokens with the configured (or generated) key; every instance with the same keys accepts them. */
@ApplicationScoped
public class TokenIssuer {

    static final String TOKEN_VERSION_CLAIM = "tv";

    private final AuthConfig config;
    private final Clock clock;

    TokenIssuer(AuthConfig config, @WallClock Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public AuthPayload issue(long accountId, String username, String displayName, String[] roles,
            int tokenVersion) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(config.tokenLifetime());
        var builder = Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(String.valueOf(accountId))
                .upn(username)
                .groups(new HashSet<>(Arrays.asList(roles)))
                .claim(TOKEN_VERSION_CLAIM, tokenVersion)
                .issuedAt(now)
                .expiresAt(expiresAt);
        return new AuthPayload(builder.sign(), expiresAt, username, displayName, Arrays.asList(roles));
    }
}
