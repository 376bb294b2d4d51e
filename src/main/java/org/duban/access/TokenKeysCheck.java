package org.duban.access;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Says at start what the token keys are: generated for this process (a warning), or half configured, which
 * would let the service start and then fail every login or every token, so it refuses to start.
 */
@Singleton
class TokenKeysCheck {

    private static final Logger LOG = Logger.getLogger(TokenKeysCheck.class);

    void onStart(@Observes StartupEvent event, AuthConfig auth, Config config) {
        if (auth.ephemeralKeys()) {
            LOG.warn("No token keys configured: generated a key pair for this process. Tokens die with the process "
                    + "and are not accepted by other instances. Configure mp.jwt.verify.publickey(.location) and "
                    + "smallrye.jwt.sign.key(.location) in production.");
            return;
        }
        boolean verifies = isSet(config, JwtKeysConfigSourceFactory.VERIFY_KEY);
        boolean signs = isSet(config, JwtKeysConfigSourceFactory.SIGN_KEY);
        if (verifies != signs) {
            throw new IllegalStateException("Only the " + (verifies ? "public (verify)" : "private (sign)")
                    + " token key is configured: give both mp.jwt.verify.publickey(.location) and"
                    + " smallrye.jwt.sign.key(.location), from one key pair");
        }
    }

    private static boolean isSet(Config config, String key) {
        return config.getOptionalValue(key, String.class).or(() -> config.getOptionalValue(key + ".location", String.class))
                .filter(value -> !value.isBlank()).isPresent();
    }
}
