package org.duban.support;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Accounts of a unit with the demo password ("demo"), which the password policy would refuse through the API:
 * so that {@link GraphQL#token} signs them in like the demo accounts.
 */
public final class TestAccounts {

    private TestAccounts() {
    }

    /** Creates a UNIT account and returns its id. */
    public static long create(Pool pool, String username, String displayName, long unitId, String email) {
        return create(pool, username, displayName, unitId, email, "UNIT");
    }

    /** An ADMIN or LEADER governs its unit's region, as createUser would give it. */
    public static long create(Pool pool, String username, String displayName, Long unitId, String email, String... roles) {
        long id = pool.preparedQuery("insert into account (username, display_name, password_hash, roles, unit_id, email,"
                + " created_at, updated_at) select $1, $2, password_hash, $5, $3, $4, now(), now() from account"
                + " where username = 'sfq' returning id")
                .execute(Tuple.of(username, displayName, unitId, email, roles))
                .map(rows -> rows.iterator().next().getLong("id"))
                .await().indefinitely();
        pool.preparedQuery("insert into account_region (account_id, region_id) select $1, u.region_id from unit u"
                + " where u.id = $2 and $3::text[] && array['ADMIN', 'LEADER']")
                .execute(Tuple.of(id, unitId, roles)).await().indefinitely();
        return id;
    }

    /** Lets the account's ADMIN and LEADER roles govern one more region, as updateUser(regionIds) would. */
    public static void govern(Pool pool, String username, long regionId) {
        pool.preparedQuery("insert into account_region (account_id, region_id) select id, $2 from account where username = $1"
                + " on conflict do nothing").execute(Tuple.of(username, regionId)).await().indefinitely();
    }
}
