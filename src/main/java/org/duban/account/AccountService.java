package org.duban.account;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.AuthConfig;
import org.duban.access.AuthPayload;
import org.duban.access.Callers;
import org.duban.access.Roles;
import org.duban.access.TokenIssuer;
import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;
import org.duban.common.ErrorCode;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.InputValidator;
import org.duban.common.Text;
import org.duban.common.sql.SqlStates;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one writer of {@code account} and {@code account_region}: creating and changing accounts and the regions their
 * roles govern (as {@link AccountAuthority} allows the caller), signing-in bookkeeping, calendar feed digests.
 * Passwords are hashed here; the hash never leaves this class and the account row. Changing a password, the roles'
 * holder's state or disabling raises {@code token_version}, which ends every token issued before.
 */
@ApplicationScoped
public class AccountService {

    private static final String ACCOUNT = "select id, username, display_name, password_hash, roles, unit_id, enabled,"
            + " token_version, (select u.region_id from unit u where u.id = account.unit_id) as unit_region_id,"
            + " array(select g.region_id from account_region g where g.account_id = account.id order by 1) as governed"
            + " from account where id = $1 for update";

    private final Pool pool;
    private final PasswordPolicy policy;
    private final InputValidator validator;
    private final AuditTrail audit;
    private final TokenIssuer tokens;
    private final AuthConfig auth;
    private final Clock clock;

    AccountService(Pool pool, PasswordPolicy policy, InputValidator validator, AuditTrail audit, TokenIssuer tokens,
            AuthConfig auth, Clock clock) {
        this.pool = pool;
        this.policy = policy;
        this.validator = validator;
        this.audit = audit;
        this.tokens = tokens;
        this.auth = auth;
        this.clock = clock;
    }

    public Uni<Long> create(AccountInputs.CreateUser input, Callers.Caller caller) {
        validator.check("input", input);
        policy.check("input.password", input.username(), input.password());
        Long unitId = input.unitId() == null || input.unitId().isEmpty() ? null : Ids.parse(input.unitId(), IdKind.UNIT);
        String[] roles = roles("input.roles", input.roles(), unitId);
        List<Long> wantedRegions = regionIds(input.regionIds());
        return Passwords.hashing(input.password())
                .chain(hash -> audit.withTransaction(connection -> requireUnit(connection, unitId).chain(unitRegion -> {
                    List<Long> governed = wantedRegions != null ? wantedRegions : defaultRegions(roles, unitRegion);
                    AccountAuthority.requireGrants(caller, new AccountAuthority.Standing(unitRegion, governed), Set.of(roles));
                    AccountAuthority.requireRegionsForRoles(Set.of(roles), governed);
                    return requireRegions(connection, governed)
                            .chain(() -> insert(connection, input.username(), input.displayName().strip(), hash, roles, unitId,
                                    Text.blankToNull(input.email()), Text.blankToNull(input.mobile())))
                            .call(id -> setRegions(connection, id, governed));
                })))
                .onFailure(SqlStates::isUniqueViolation).transform(taken -> new DubanException(ErrorCode.CONFLICT,
                        "The username " + input.username() + " is taken", "input.username"));
    }

    public Uni<Long> update(String id, AccountInputs.UpdateUser input, Callers.Caller caller) {
        validator.check("input", input);
        long accountId = Ids.parse(id, IdKind.ACCOUNT);
        Uni<String> hash = input.password() == null ? Uni.createFrom().nullItem() : Passwords.hashing(input.password());
        List<Long> wantedRegions = regionIds(input.regionIds());
        return hash.chain(newHash -> audit.withTransaction(connection -> account(connection, accountId, id).chain(account -> {
            AccountAuthority.requireManages(caller, standing(account), id);
            Long unitId = input.unitId() == null ? account.getLong("unit_id")
                    : input.unitId().isEmpty() ? null : Ids.parse(input.unitId(), IdKind.UNIT);
            String[] roles = roles("input.roles", input.roles() == null ? List.of(account.getArrayOfStrings("roles")) : input.roles(),
                    unitId);
            if (account.getLong("id").equals(caller.accountId()) && caller.is(Roles.ADMIN) && !Set.of(roles).contains(Roles.ADMIN)) {
                throw new DubanException(ErrorCode.CONFLICT, "You cannot take the ADMIN role from your own account", "input.roles");
            }
            if (input.password() != null) {
                policy.check("input.password", account.getString("username"), input.password());
            }
            return requireUnit(connection, unitId).chain(unitRegion -> {
                List<Long> governed = wantedRegions != null ? wantedRegions
                        : standing(account).governed().isEmpty() ? defaultRegions(roles, unitRegion) : standing(account).governed();
                AccountAuthority.requireGrants(caller, new AccountAuthority.Standing(unitRegion, governed), Set.of(roles));
                AccountAuthority.requireRegionsForRoles(Set.of(roles), governed);
                return requireRegions(connection, governed).chain(() -> setRegions(connection, accountId, governed));
            }).chain(() -> connection.preparedQuery("update account set"
                    + " display_name = coalesce($2, display_name), unit_id = $3, roles = $4,"
                    + " email = case when $5 then $6 else email end, mobile = case when $7 then $8 else mobile end,"
                    + " password_hash = coalesce($9, password_hash),"
                    + " token_version = token_version + case when $9 is null then 0 else 1 end,"
                    + " failed_logins = case when $9 is null then failed_logins else 0 end,"
                    + " locked_until = case when $9 is null then locked_until end,"
                    + " updated_at = $10, version = version + 1 where id = $1")
                    .execute(Tuple.from(new Object[] { accountId, input.displayName() == null ? null : input.displayName().strip(),
                            unitId, roles, input.email() != null, Text.blankToNull(input.email()), input.mobile() != null,
                            Text.blankToNull(input.mobile()), newHash, now() })));
        }))).replaceWith(accountId);
    }

    /** Disabling revokes every token at once; enabling also lifts a lockout. */
    public Uni<Long> setEnabled(String id, boolean enabled, Callers.Caller caller) {
        long accountId = Ids.parse(id, IdKind.ACCOUNT);
        return audit.withTransaction(connection -> account(connection, accountId, id).chain(account -> {
            AccountAuthority.requireManages(caller, standing(account), id);
            if (!enabled && account.getLong("id").equals(caller.accountId())) {
                throw new DubanException(ErrorCode.CONFLICT, "You cannot disable your own account", "id");
            }
            return connection.preparedQuery("update account set"
                    + " token_version = token_version + case when enabled = $2 then 0 else 1 end, enabled = $2,"
                    + " failed_logins = case when $2 then 0 else failed_logins end,"
                    + " locked_until = case when $2 then null else locked_until end,"
                    + " updated_at = $3, version = version + 1 where id = $1")
                    .execute(Tuple.of(accountId, enabled, now()));
        })).replaceWith(accountId);
    }

    /** The caller's own password; every other session ends, and the caller gets a fresh token. */
    public Uni<AuthPayload> changePassword(long accountId, String oldPassword, String newPassword) {
        return pool.preparedQuery(ACCOUNT.replace(" for update", "")).execute(Tuple.of(accountId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw DubanException.notFound("User", accountId);
                    }
                    Row account = rows.iterator().next();
                    policy.check("newPassword", account.getString("username"), newPassword);
                    return account;
                })
                .chain(account -> Passwords.matches(oldPassword, account.getString("password_hash")).chain(matches -> {
                    if (!matches) {
                        throw DubanException.validation("oldPassword", "is not the current password");
                    }
                    return Passwords.hashing(newPassword);
                }))
                .chain(hash -> audit.withTransaction(connection -> connection.preparedQuery("update account set password_hash = $2,"
                        + " token_version = token_version + 1, updated_at = $3, version = version + 1 where id = $1"
                        + " returning id, username, display_name, roles, token_version")
                        .execute(Tuple.of(accountId, hash, now()))))
                .map(rows -> {
                    Row account = rows.iterator().next();
                    return tokens.issue(account.getLong("id"), account.getString("username"), account.getString("display_name"),
                            account.getArrayOfStrings("roles"), account.getInteger("token_version"));
                });
    }

    /**
     * A wrong password for the account: {@code duban.auth.max-failed-logins} in a row lock it until
     * {@code duban.auth.lockout} after {@code now}. Signing in changes no data the audit trail records.
     */
    Uni<Void> recordFailedLogin(long accountId, Instant now) {
        return pool.preparedQuery("update account set"
                + " locked_until = case when failed_logins + 1 >= $2 then $3 else locked_until end,"
                + " failed_logins = case when failed_logins + 1 >= $2 then 0 else failed_logins + 1 end"
                + " where id = $1")
                .execute(Tuple.of(accountId, auth.maxFailedLogins(), now.plus(auth.lockout()).atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    /** A successful sign-in starts the count of failures afresh. */
    Uni<Void> forgetFailedLogins(long accountId) {
        return pool.preparedQuery("update account set failed_logins = 0, locked_until = null where id = $1"
                + " and (failed_logins <> 0 or locked_until is not null)")
                .execute(Tuple.of(accountId)).replaceWithVoid();
    }

    /** Keeps the digest of the account's calendar feed secret; the previous feed URL dies. */
    public Uni<Void> setCalendarFeedDigest(long accountId, String digest) {
        return audit.withTransaction(connection -> connection
                .preparedQuery("update account set calendar_feed_digest = $2, updated_at = $3 where id = $1")
                .execute(Tuple.of(accountId, digest, now())))
                .replaceWithVoid();
    }

    /**
     * Adds an account that needs no validation (the first administrator, demo accounts) unless the username is taken;
     * with {@code onlyIfNone}, only into a database without accounts. Returns whether it was added.
     */
    public Uni<Boolean> addIfAbsent(String username, String displayName, String passwordHash, String[] roles, Long unitId,
            Long[] governed, boolean onlyIfNone) {
        return pool.withTransaction(connection -> connection.preparedQuery("insert into account (username, display_name,"
                + " password_hash, roles, unit_id, created_at, updated_at) select $1, $2, $3, $4, $5, $6, $6"
                + " where not $7 or not exists (select 1 from account) on conflict (username) do nothing returning id")
                .execute(Tuple.from(new Object[] { username, displayName, passwordHash, roles, unitId, now(), onlyIfNone }))
                .call(rows -> rows.size() == 0 ? Uni.createFrom().voidItem()
                        : setRegions(connection, rows.iterator().next().getLong("id"), List.of(governed))))
                .map(rows -> rows.size() > 0);
    }

    private Uni<Long> insert(SqlConnection connection, String username, String displayName, String hash, String[] roles,
            Long unitId, String email, String mobile) {
        return connection.preparedQuery("insert into account (username, display_name, password_hash, roles, unit_id, email,"
                + " mobile, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $8) returning id")
                .execute(Tuple.from(new Object[] { username, displayName, hash, roles, unitId, email, mobile, now() }))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    private static Uni<Row> account(SqlClient sql, long accountId, String id) {
        return sql.preparedQuery(ACCOUNT).execute(Tuple.of(accountId)).map(rows -> {
            if (rows.size() == 0) {
                throw DubanException.notFound("User", id);
            }
            return rows.iterator().next();
        });
    }

    /** The unit's region; VALIDATION when there is no such unit. */
    private static Uni<Long> requireUnit(SqlClient sql, Long unitId) {
        if (unitId == null) {
            return Uni.createFrom().nullItem();
        }
        return sql.preparedQuery("select region_id from unit where id = $1").execute(Tuple.of(unitId)).map(rows -> {
            if (rows.size() == 0) {
                throw DubanException.validation("input.unitId", "no such unit");
            }
            return rows.iterator().next().getLong("region_id");
        });
    }

    private static Uni<Void> requireRegions(SqlClient sql, List<Long> regions) {
        if (regions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return sql.preparedQuery("select count(*) as n from region where id = any ($1)").execute(Tuple.of(regions.toArray(Long[]::new)))
                .invoke(rows -> {
                    if (rows.iterator().next().getLong("n") != regions.size()) {
                        throw DubanException.validation("input.regionIds", "names a region that does not exist");
                    }
                })
                .replaceWithVoid();
    }

    /** The account governs exactly these regions afterwards; unchanged rows are left alone, so the audit trail shows the change. */
    private static Uni<Void> setRegions(SqlClient sql, long accountId, List<Long> regions) {
        Long[] wanted = regions.toArray(Long[]::new);
        return sql.preparedQuery("delete from account_region where account_id = $1 and not region_id = any ($2)")
                .execute(Tuple.of(accountId, wanted))
                .chain(() -> sql.preparedQuery("insert into account_region (account_id, region_id) select $1, unnest($2::bigint[])"
                        + " on conflict do nothing").execute(Tuple.of(accountId, wanted)))
                .replaceWithVoid();
    }

    private static AccountAuthority.Standing standing(Row account) {
        return new AccountAuthority.Standing(account.getLong("unit_region_id"), List.of(account.getArrayOfLongs("governed")));
    }

    /** An ADMIN or LEADER given no regions governs its unit's. */
    private static List<Long> defaultRegions(String[] roles, Long unitRegion) {
        Set<String> held = Set.of(roles);
        return unitRegion != null && (held.contains(Roles.ADMIN) || held.contains(Roles.LEADER)) ? List.of(unitRegion) : List.of();
    }

    private static List<Long> regionIds(List<String> ids) {
        if (ids == null) {
            return null;
        }
        return ids.stream().map(id -> Ids.parse(id, IdKind.REGION)).distinct().toList();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
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
