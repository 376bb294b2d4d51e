package org.duban.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.duban.access.AuthConfig;
import org.duban.access.Roles;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Gives a production database its first account, from duban.auth.initial-admin-password: the platform's operator
 * (SYSTEM), also ADMIN, so that it creates the first region and then governs it (updateUser regionIds).
 */
@ApplicationScoped
class InitialAdmin {

    private static final Logger LOG = Logger.getLogger(InitialAdmin.class);

    private final AccountService accounts;
    private final AuthConfig config;

    InitialAdmin(AccountService accounts, AuthConfig config) {
        this.accounts = accounts;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (config.initialAdminPassword().isEmpty()) {
            return;
        }
        String hash = Passwords.hash(config.initialAdminPassword().get());
        boolean created = VertxContextSupport.subscribeAndAwait(() -> accounts.addIfAbsent("admin", "Administrator", hash,
                new String[] { Roles.SYSTEM, Roles.ADMIN }, null, new Long[0], true));
        if (created) {
            LOG.info("No account existed: created the SYSTEM and ADMIN account 'admin' from duban.auth.initial-admin-password");
        }
    }
}
