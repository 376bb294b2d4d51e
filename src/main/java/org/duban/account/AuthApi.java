package org.duban.account;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.duban.access.AuthConfig;
import org.duban.access.AuthPayload;
import org.duban.access.TokenIssuer;
import org.duban.common.ChinaTime;
import org.duban.common.DubanException;
import org.duban.common.ErrorCode;
import org.duban.common.WallClock;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Signing in. A wrong password counts against the account; {@code duban.auth.max-failed-logins} in a row
 * lock it for {@code duban.auth.lockout}, measured on the wall clock (not the demo clock).
 */
@GraphQLApi
public class AuthApi {

    private static final Logger LOG = Logger.getLogger(AuthApi.class);
    private static final String WRONG = "Wrong username or password";

    private final Pool pool;
    private final TokenIssuer tokens;
    private final AuthConfig config;
    private final Clock wallClock;

    AuthApi(Pool pool, TokenIssuer tokens, AuthConfig config, @WallClock Clock wallClock) {
        this.pool = pool;
        this.tokens = tokens;
        this.config = config;
        this.wallClock = wallClock;
    }

    @Mutation
    @Description("Signs in; the only operation that needs no token. Repeated failures lock the account for a while.")
    public Uni<@NonNull AuthPayload> login(@NonNull String username, @NonNull String password) {
        return pool.preparedQuery("select id, username, display_name, password_hash, roles, enabled, token_version,"
                + " failed_logins, locked_until from account where username = $1")
                .execute(Tuple.of(username.strip()))
                .map(rows -> {
                    RowIterator<Row> found = rows.iterator();
                    return found.hasNext() ? found.next() : null;
                })
                .chain(account -> {
                    Instant now = wallClock.instant();
                    OffsetDateTime lockedUntil = account == null ? null : account.getOffsetDateTime("locked_until");
                    if (lockedUntil != null && lockedUntil.toInstant().isAfter(now)) {
                        LOG.warnf("Login refused: %s is locked until %s", account.getString("username"), lockedUntil);
                        throw new DubanException(ErrorCode.UNAUTHENTICATED, "Too many failed logins: the account is locked until "
                                + lockedUntil.atZoneSameInstant(ChinaTime.ZONE).toLocalTime().withNano(0) + " (China time)", null);
                    }
                    return Passwords.matches(password, account == null ? null : account.getString("password_hash"))
                            .chain(matches -> {
                                if (account == null) {
                                    throw new DubanException(ErrorCode.UNAUTHENTICATED, WRONG, null);
                                }
                                if (!matches) {
                                    // The username only: never the password tried, never a token.
                                    LOG.infof("Failed login for %s", account.getString("username"));
                                    return countFailure(account.getLong("id"), now).map(nothing -> {
                                        throw new DubanException(ErrorCode.UNAUTHENTICATED, WRONG, null);
                                    });
                                }
                                if (!account.getBoolean("enabled")) {
                                    throw new DubanException(ErrorCode.UNAUTHENTICATED, WRONG, null);
                                }
                                return forgetFailures(account).map(nothing -> issue(account));
                            });
                });
    }

    private Uni<Void> countFailure(long accountId, Instant now) {
        return pool.preparedQuery("update account set"
                + " locked_until = case when failed_logins + 1 >= $2 then $3 else locked_until end,"
                + " failed_logins = case when failed_logins + 1 >= $2 then 0 else failed_logins + 1 end"
                + " where id = $1")
                .execute(Tuple.of(accountId, config.maxFailedLogins(), now.plus(config.lockout()).atOffset(java.time.ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    private Uni<Void> forgetFailures(Row account) {
        if (account.getInteger("failed_logins") == 0 && account.getValue("locked_until") == null) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("update account set failed_logins = 0, locked_until = null where id = $1")
                .execute(Tuple.of(account.getLong("id"))).replaceWithVoid();
    }

    private AuthPayload issue(Row account) {
        return tokens.issue(account.getLong("id"), account.getString("username"), account.getString("display_name"),
                account.getArrayOfStrings("roles"), account.getInteger("token_version"));
    }
}
