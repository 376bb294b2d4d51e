package org.duban.account;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AccountRepository implements PanacheRepository<AccountEntity> {

    public Uni<AccountEntity> byUsername(String username) {
        return find("username", username).firstResult();
    }
}
