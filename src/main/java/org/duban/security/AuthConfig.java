package org.duban.security;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "duban.auth")
public interface AuthConfig {

    /** The iss claim of issued tokens, checked on every request. */
    String issuer();

    /** The aud claim of issued tokens, checked on every request. */
    String audience();

    @WithDefault("PT8H")
    Duration tokenLifetime();

    /**
     * When set and no account exists yet, an ADMIN account "admin" with this password is created at
     * start: how a production database gets its first administrator.
     */
    Optional<String> initialAdminPassword();

    /** Set by {@link JwtKeysConfigSourceFactory} when it generated the key pair; not for operators. */
    @WithDefault("false")
    boolean ephemeralKeys();
}
