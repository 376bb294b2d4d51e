package org.duban.support;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The token a hostile case is sent with, by the name its {@code as} gives: a demo account's, none ("anonymous"), or
 * one forged in a particular way. Forged tokens are made here, in the service's own JVM, with its configured keys
 * where the forgery needs them (expired, another issuer, a revoked version).
 */
public final class HostileTokens {

    /** The accounts of the corpus' own two units: "unit" holds its task A, "other-unit" its tasks B and R. */
    public static final String UNIT = "hostile-unit";
    public static final String OTHER_UNIT = "hostile-other";
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final PrivateKey OTHER_KEY = otherKey();

    private HostileTokens() {
    }

    public static String forRole(String as, Pool pool) {
        return switch (as) {
            case "anonymous" -> null;
            case "admin", "leader" -> GraphQL.token(as);
            case "unit" -> GraphQL.token(UNIT);
            case "other-unit" -> GraphQL.token(OTHER_UNIT);
            case "garbage" -> "not.a.token";
            case "expired" -> admin(pool).issuedAt(Instant.now().minus(Duration.ofHours(3)))
                    .expiresAt(Instant.now().minus(Duration.ofHours(1))).sign();
            case "wrong-key" -> admin(pool).sign(OTHER_KEY);
            case "alg-none" -> URL.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + GraphQL.token(UNIT).split("\\.")[1] + ".";
            case "tampered" -> tampered(GraphQL.token(UNIT));
            case "wrong-issuer" -> admin(pool).issuer("someone-else").sign();
            case "wrong-audience" -> admin(pool).audience("another-api").sign();
            case "hs256-public-key" -> admin(pool).jws().algorithm(SignatureAlgorithm.HS256).sign(new SecretKeySpec(
                    config("mp.jwt.verify.publickey").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            case "no-such-account" -> claims("987654321", "ghost", 0).sign();
            case "old-version" -> claims(adminId(pool), "admin", -1).sign();
            default -> throw new IllegalArgumentException("no token named " + as);
        };
    }

    /** The unit's token with ADMIN added to its groups, signature unchanged. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replaceFirst("\"groups\":\\[", "\"groups\":[\"ADMIN\",");
        return parts[0] + "." + URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static JwtClaimsBuilder admin(Pool pool) {
        return claims(adminId(pool), "admin", currentVersion(pool));
    }

    private static JwtClaimsBuilder claims(String subject, String username, int tokenVersion) {
        Instant now = Instant.now();
        return Jwt.issuer(config("duban.auth.issuer")).audience(config("duban.auth.audience")).subject(subject).upn(username)
                .groups(Set.of("ADMIN")).claim("tv", tokenVersion).issuedAt(now).expiresAt(now.plus(Duration.ofHours(1)));
    }

    private static String adminId(Pool pool) {
        return String.valueOf(pool.query("select id from account where username = 'admin'").execute()
                .map(rows -> rows.iterator().next().getLong(0)).await().atMost(Duration.ofSeconds(10)));
    }

    private static int currentVersion(Pool pool) {
        return pool.query("select token_version from account where username = 'admin'").execute()
                .map(rows -> rows.iterator().next().getInteger(0)).await().atMost(Duration.ofSeconds(10));
    }

    private static String config(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }

    private static PrivateKey otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
