package org.duban.security;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

@Singleton
class EphemeralKeysWarning {

    private static final Logger LOG = Logger.getLogger(EphemeralKeysWarning.class);

    void onStart(@Observes StartupEvent event, AuthConfig config) {
        if (config.ephemeralKeys()) {
            LOG.warn("No token keys configured: generated a key pair for this process. Tokens die with the process "
                    + "and are not accepted by other instances. Configure mp.jwt.verify.publickey(.location) and "
                    + "smallrye.jwt.sign.key(.location) in production.");
        }
    }
}
