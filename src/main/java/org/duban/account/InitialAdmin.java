package org.duban.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.duban.access.AuthConfig;
import org.duban.access.Roles;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;

/** Gives a production database its first administrator, from duban.auth.initial-admin-password. */
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
                new String[] { Roles.ADMIN }, null, true));
        if (created) {
            LOG.info("No account existed: created the ADMIN account 'admin' from duban.auth.initial-admin-password");
        }
    }
}
