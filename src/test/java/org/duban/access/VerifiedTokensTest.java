package org.duban.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;

import org.duban.support.MutableClock;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;

/** A token is verified once, remembered no longer than it is valid, and a forged one is never remembered. */
class VerifiedTokensTest {

    @Test
    void aTokenIsVerifiedOnceAndNotTrustedPastItsExpiry() throws Exception {
        KeyPair keys = rsaKeys();
        Instant now = Instant.now();
        String token = Jwt.issuer("duban").subject("1").expiresAt(now.plus(Duration.ofHours(1))).sign(keys.getPrivate());
        MutableClock wallClock = new MutableClock();
        wallClock.pin(now);
        VerifiedTokens tokens = new VerifiedTokens(wallClock);
        JWTAuthContextInfo context = new JWTAuthContextInfo(keys.getPublic(), "duban");

        JWTCallerPrincipal first = tokens.parse(token, context);
        assertThat(tokens.parse(token, context)).as("remembered").isSameAs(first);

        wallClock.pin(now.plus(Duration.ofHours(2)));
        // The verifier reads the system clock, for which the token is still valid: a new principal shows that the
        // remembered one was not handed out past the expiry.
        assertThat(tokens.parse(token, context)).isNotSameAs(first);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefusedEveryTime() throws Exception {
        KeyPair ours = rsaKeys();
        String forged = Jwt.issuer("duban").subject("1").expiresIn(3600).sign(rsaKeys().getPrivate());
        VerifiedTokens tokens = new VerifiedTokens(new MutableClock());
        JWTAuthContextInfo context = new JWTAuthContextInfo(ours.getPublic(), "duban");
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> tokens.parse(forged, context)).isInstanceOf(ParseException.class);
        }
    }

    private static KeyPair rsaKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
