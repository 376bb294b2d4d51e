package org.duban.access;

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

    /** Passwords set through the API are at least this long, and hold a letter and a digit. */
    @WithDefault("10")
    int passwordMinLength();

    /** Failed logins in a row that lock the account for {@link #lockout()}. */
    @WithDefault("5")
    int maxFailedLogins();

    @WithDefault("PT15M")
    Duration lockout();

    /** Set by {@link JwtKeysConfigSourceFactory} when it generated the key pair; not for operators. */
    @WithDefault("false")
    boolean ephemeralKeys();
}
