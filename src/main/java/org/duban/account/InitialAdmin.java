package org.duban.account;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

import org.duban.access.AuthConfig;
import org.duban.access.Roles;

/** Gives a production database its first administrator, from duban.auth.initial-admin-password. */
@ApplicationScoped
class InitialAdmin {

    private static final Logger LOG = Logger.getLogger(InitialAdmin.class);

    private final AccountRepository accounts;
    private final AuthConfig config;
    private final Clock clock;

    InitialAdmin(AccountRepository accounts, AuthConfig config, Clock clock) {
        this.accounts = accounts;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (config.initialAdminPassword().isEmpty()) {
            return;
        }
        String hash = Passwords.hash(config.initialAdminPassword().get());
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> accounts.count().chain(count -> {
            if (count > 0) {
                return Uni.createFrom().voidItem();
            }
            Instant now = clock.instant();
            AccountEntity admin = new AccountEntity();
            admin.username = "admin";
            admin.displayName = "Administrator";
            admin.passwordHash = hash;
            admin.roles = new String[] { Roles.ADMIN };
            admin.touch(now);
            LOG.info("No account existed: created the ADMIN account 'admin' from duban.auth.initial-admin-password");
            return accounts.persist(admin).replaceWithVoid();
        })));
    }
}
