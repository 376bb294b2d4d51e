package org.duban.access;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Checks every token against its account, once per request: a disabled account, or one whose token
 * version moved on (password changed, account disabled), is refused at once, not when the token expires.
 * Roles, unit and regions come from the account as it is now, so a changed role takes effect on the next request.
 */
@ApplicationScoped
class AccountCheck implements SecurityIdentityAugmentor {

    static final String SCOPE_ATTRIBUTE = "duban.scope";

    /** The account's regions come along in the same statement: a province has a few thousand, still one index scan. */
    private static final String ACCOUNT = "select a.roles, a.unit_id, u.region_id,"
            + " array(select g.region_id from account_region g where g.account_id = a.id order by 1) as governed,"
            + " array(select distinct r.id from account_region g join region r on r.lineage @> array[g.region_id]"
            + "       where g.account_id = a.id order by 1) as overseen"
            + " from account a left join unit u on u.id = a.unit_id where a.id = $1 and a.enabled and a.token_version = $2";

    private final Pool pool;

    AccountCheck(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        long accountId;
        int tokenVersion;
        try {
            accountId = Long.parseLong(token.getSubject());
            Object version = token.getClaim(TokenIssuer.TOKEN_VERSION_CLAIM);
            tokenVersion = Integer.parseInt(String.valueOf(version));
        } catch (NumberFormatException e) {
            return Uni.createFrom().failure(new AuthenticationFailedException("malformed token"));
        }
        return pool.preparedQuery(ACCOUNT)
                .execute(Tuple.of(accountId, tokenVersion))
                .map(rows -> {
                    RowIterator<Row> found = rows.iterator();
                    if (!found.hasNext()) {
                        throw new AuthenticationFailedException("token revoked");
                    }
                    Row account = found.next();
                    QuarkusSecurityIdentity.Builder current = QuarkusSecurityIdentity.builder()
                            .setPrincipal(identity.getPrincipal())
                            .addCredentials(identity.getCredentials())
                            .addAttributes(identity.getAttributes())
                            .addRoles(Set.of(account.getArrayOfStrings("roles")));
                    current.addAttribute(SCOPE_ATTRIBUTE, new Callers.Scope(account.getLong("unit_id"),
                            account.getLong("region_id"), List.of(account.getArrayOfLongs("governed")),
                            List.of(account.getArrayOfLongs("overseen"))));
                    return current.build();
                });
    }
}
