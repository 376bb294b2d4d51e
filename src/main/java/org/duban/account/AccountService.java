package org.duban.account;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.AuthPayload;
import org.duban.access.Callers;
import org.duban.access.Roles;
import org.duban.access.TokenIssuer;
import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;
import org.duban.common.ErrorCode;
import org.duban.common.Ids;
import org.duban.common.InputValidator;
import org.duban.common.Text;
import org.duban.unit.UnitRepository;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Creating and changing accounts. Passwords are hashed here; the hash never leaves this class and the account row. */
@ApplicationScoped
public class AccountService {

    private final AccountRepository accounts;
    private final UnitRepository units;
    private final PasswordPolicy policy;
    private final InputValidator validator;
    private final AuditTrail audit;
    private final TokenIssuer tokens;
    private final Clock clock;

    AccountService(AccountRepository accounts, UnitRepository units, PasswordPolicy policy, InputValidator validator,
            AuditTrail audit, TokenIssuer tokens, Clock clock) {
        this.accounts = accounts;
        this.units = units;
        this.policy = policy;
        this.validator = validator;
        this.audit = audit;
        this.tokens = tokens;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Long> create(AccountInputs.CreateUser input) {
        validator.check("input", input);
        policy.check("input.password", input.username(), input.password());
        Long unitId = input.unitId() == null || input.unitId().isEmpty() ? null : Ids.parse(input.unitId(), "Unit");
        String[] roles = roles("input.roles", input.roles(), unitId);
        return audit.stamp()
                .chain(() -> accounts.byUsername(input.username()))
                .invoke(existing -> {
                    if (existing != null) {
                        throw new DubanException(ErrorCode.CONFLICT, "The username " + input.username() + " is taken", "input.username");
                    }
                })
                .chain(() -> requireUnit(unitId))
                .chain(() -> Passwords.hashing(input.password()))
                .chain(hash -> {
                    AccountEntity account = new AccountEntity();
                    account.username = input.username();
                    account.displayName = input.displayName().strip();
                    account.passwordHash = hash;
                    account.roles = roles;
                    account.unitId = unitId;
                    account.email = Text.blankToNull(input.email());
                    account.mobile = Text.blankToNull(input.mobile());
                    account.touch(clock.instant());
                    return accounts.persist(account);
                })
                .map(account -> account.id);
    }

    @WithTransaction
    public Uni<Long> update(String id, AccountInputs.UpdateUser input, Callers.Caller caller) {
        validator.check("input", input);
        return audit.stamp().chain(() -> account(id)).chain(account -> {
            Long unitId = input.unitId() == null ? account.unitId
                    : input.unitId().isEmpty() ? null : Ids.parse(input.unitId(), "Unit");
            String[] roles = roles("input.roles", input.roles() == null ? List.of(account.roles) : input.roles(), unitId);
            if (account.id.equals(caller.accountId()) && !Set.of(roles).contains(Roles.ADMIN)) {
                throw new DubanException(ErrorCode.CONFLICT, "You cannot take the ADMIN role from your own account", "input.roles");
            }
            if (input.password() != null) {
                policy.check("input.password", account.username, input.password());
            }
            return requireUnit(unitId).chain(() -> input.password() == null ? Uni.createFrom().nullItem()
                    : Passwords.hashing(input.password())).map(hash -> {
                        if (input.displayName() != null) {
                            account.displayName = input.displayName().strip();
                        }
                        account.unitId = unitId;
                        account.roles = roles;
                        if (input.email() != null) {
                            account.email = Text.blankToNull(input.email());
                        }
                        if (input.mobile() != null) {
                            account.mobile = Text.blankToNull(input.mobile());
                        }
                        if (hash != null) {
                            account.passwordHash = hash;
                            account.tokenVersion++;
                            account.failedLogins = 0;
                            account.lockedUntil = null;
                        }
                        account.touch(clock.instant());
                        return account.id;
                    });
        });
    }

    /** Disabling revokes every token at once; enabling also lifts a lockout. */
    @WithTransaction
    public Uni<Long> setEnabled(String id, boolean enabled, Callers.Caller caller) {
        return audit.stamp().chain(() -> account(id)).map(account -> {
            if (!enabled && account.id.equals(caller.accountId())) {
                throw new DubanException(ErrorCode.CONFLICT, "You cannot disable your own account", "id");
            }
            if (account.enabled != enabled) {
                account.enabled = enabled;
                account.tokenVersion++;
            }
            if (enabled) {
                account.failedLogins = 0;
                account.lockedUntil = null;
            }
            account.touch(clock.instant());
            return account.id;
        });
    }

    /** The caller's own password; every other session ends, and the caller gets a fresh token. */
    @WithTransaction
    public Uni<AuthPayload> changePassword(long accountId, String oldPassword, String newPassword) {
        return audit.stamp().chain(() -> accounts.findById(accountId)).chain(account -> {
            if (account == null) {
                throw DubanException.notFound("User", accountId);
            }
            policy.check("newPassword", account.username, newPassword);
            return Passwords.matches(oldPassword, account.passwordHash).chain(matches -> {
                if (!matches) {
                    throw DubanException.validation("oldPassword", "is not the current password");
                }
                return Passwords.hashing(newPassword);
            }).map(hash -> {
                account.passwordHash = hash;
                account.tokenVersion++;
                account.touch(clock.instant());
                return tokens.issue(account.id, account.username, account.displayName, account.roles, account.tokenVersion);
            });
        });
    }

    private Uni<AccountEntity> account(String id) {
        long accountId = Ids.parse(id, "User");
        return accounts.findById(accountId).map(account -> {
            if (account == null) {
                throw DubanException.notFound("User", id);
            }
            return account;
        });
    }

    private Uni<Void> requireUnit(Long unitId) {
        if (unitId == null) {
            return Uni.createFrom().voidItem();
        }
        return units.findById(unitId).map(unit -> {
            if (unit == null) {
                throw DubanException.validation("input.unitId", "no such unit: " + unitId);
            }
            return null;
        });
    }

    private static String[] roles(String field, List<String> requested, Long unitId) {
        Set<String> roles = new LinkedHashSet<>(requested);
        if (roles.isEmpty()) {
            throw DubanException.validation(field, "must name at least one role");
        }
        for (String role : roles) {
            if (!Roles.ALL.contains(role)) {
                throw DubanException.validation(field, "unknown role " + role + "; roles are " + String.join(", ", Roles.ORDERED));
            }
        }
        if (roles.contains(Roles.LAND_EDITOR) && !roles.contains(Roles.UNIT)) {
            throw DubanException.validation(field, "LAND_EDITOR is added to a UNIT account");
        }
        if (roles.contains(Roles.UNIT) && unitId == null) {
            throw DubanException.validation("input.unitId", "a UNIT account belongs to a unit");
        }
        return roles.toArray(String[]::new);
    }
}
