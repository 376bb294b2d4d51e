package org.duban.security;

import org.duban.common.DubanException;
import org.duban.common.ErrorCode;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@GraphQLApi
public class AuthApi {

    private final Pool pool;
    private final TokenIssuer tokens;

    AuthApi(Pool pool, TokenIssuer tokens) {
        this.pool = pool;
        this.tokens = tokens;
    }

    @Mutation
    @Description("Signs in; the only operation that needs no token.")
    public Uni<@NonNull AuthPayload> login(@NonNull String username, @NonNull String password) {
        return pool.preparedQuery("select id, username, display_name, password_hash, roles, unit_id, enabled, token_version"
                + " from account where username = $1")
                .execute(Tuple.of(username.strip()))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next() : null)
                .chain(account -> Passwords.matches(password, account == null ? null : account.getString("password_hash"))
                        .map(matches -> {
                            if (account == null || !matches || !account.getBoolean("enabled")) {
                                throw new DubanException(ErrorCode.UNAUTHENTICATED, "Wrong username or password", null);
                            }
                            return issue(account);
                        }));
    }

    private AuthPayload issue(Row account) {
        return tokens.issue(account.getLong("id"), account.getString("username"), account.getString("display_name"),
                account.getArrayOfStrings("roles"), account.getLong("unit_id"), account.getInteger("token_version"));
    }
}
