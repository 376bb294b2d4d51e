package org.duban.account;

import static org.duban.common.sql.Rows.map;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.Found;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads of accounts. */
@ApplicationScoped
public class AccountQueries {

    private final Pool pool;

    AccountQueries(Pool pool) {
        this.pool = pool;
    }

    /** Accounts by username, of one unit or ({@code unitId} null) all. */
    public Uni<List<User>> users(Long unitId) {
        return pool.preparedQuery("select " + User.COLUMNS + " from account a where ($1::bigint is null or a.unit_id = $1)"
                + " order by a.username")
                .execute(Tuple.of(unitId))
                .map(rows -> map(rows, User::from));
    }

    public Uni<User> byId(long id) {
        return pool.preparedQuery("select " + User.COLUMNS + " from account a where a.id = $1")
                .execute(Tuple.of(id))
                .map(rows -> Found.one(map(rows, User::from), "User", id));
    }

    /** What signing in checks: the hash, the state and the failures of the account with that username. */
    Uni<Optional<Row>> credentials(String username) {
        return pool.preparedQuery("select id, username, display_name, password_hash, roles, enabled, token_version,"
                + " failed_logins, locked_until from account where username = $1")
                .execute(Tuple.of(username))
                .map(rows -> {
                    RowIterator<Row> found = rows.iterator();
                    return found.hasNext() ? Optional.of(found.next()) : Optional.empty();
                });
    }
}
