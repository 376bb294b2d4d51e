package org.duban.account;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;

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
import io.vertx.mutiny.sqlclient.Row;

/**
 * Signing in. A wrong password counts against the account; {@code duban.auth.max-failed-logins} in a row
 * lock it for {@code duban.auth.lockout}, measured on the wall clock (not the demo clock).
 */
@GraphQLApi
public class AuthApi {

    private static final Logger LOG = Logger.getLogger(AuthApi.class);
    private static final String WRONG = "Wrong username or password";

    private final AccountQueries accounts;
    private final AccountService writer;
    private final TokenIssuer tokens;
    private final Clock wallClock;

    AuthApi(AccountQueries accounts, AccountService writer, TokenIssuer tokens, @WallClock Clock wallClock) {
        this.accounts = accounts;
        this.writer = writer;
        this.tokens = tokens;
        this.wallClock = wallClock;
    }

    @Mutation
    @Description("Signs in; the only operation that needs no token. Repeated failures lock the account for a while.")
    public Uni<@NonNull AuthPayload> login(@NonNull String username, @NonNull String password) {
        return accounts.credentials(username.strip())
                .map(found -> found.orElse(null))
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
                                    return writer.recordFailedLogin(account.getLong("id"), now).map(nothing -> {
                                        throw new DubanException(ErrorCode.UNAUTHENTICATED, WRONG, null);
                                    });
                                }
                                if (!account.getBoolean("enabled")) {
                                    throw new DubanException(ErrorCode.UNAUTHENTICATED, WRONG, null);
                                }
                                return writer.forgetFailedLogins(account.getLong("id")).map(nothing -> issue(account));
                            });
                });
    }

    private AuthPayload issue(Row account) {
        return tokens.issue(account.getLong("id"), account.getString("username"), account.getString("display_name"),
                account.getArrayOfStrings("roles"), account.getInteger("token_version"));
    }
}
