package org.duban.support;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Accounts of a unit with the demo password, until accounts can be made through the API. */
public final class TestAccounts {

    private TestAccounts() {
    }

    /** Creates the account and returns its id. */
    public static long create(Pool pool, String username, String displayName, long unitId, String email) {
        return pool.preparedQuery("insert into account (username, display_name, password_hash, roles, unit_id, email,"
                + " created_at, updated_at) select $1, $2, password_hash, '{UNIT}', $3, $4, now(), now() from account"
                + " where username = 'sfq' returning id")
                .execute(Tuple.of(username, displayName, unitId, email))
                .map(rows -> rows.iterator().next().getLong("id"))
                .await().indefinitely();
    }
}
