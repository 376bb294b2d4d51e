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

    /**
     * Accounts by username, of one unit or ({@code unitId} null) all, among those of units of the regions {@code within}
     * or governing one of them ({@code within} null: every account).
     */
    public Uni<List<User>> users(Long unitId, Long[] within) {
        return pool.preparedQuery("select " + User.COLUMNS + " from account a where ($1::bigint is null or a.unit_id = $1)"
                + " and ($2::bigint[] is null or a.unit_id in (select u.id from unit u where u.region_id = any ($2))"
                + "      or a.id in (select g.account_id from account_region g where g.region_id = any ($2)))"
                + " order by a.username")
                .execute(Tuple.of(unitId, within))
                .map(rows -> map(rows, User::from));
    }

    /** Which regions each account governs, as (account, region) pairs. */
    public Uni<List<Governed>> governedRegions(Long[] accountIds) {
        return pool.preparedQuery("select account_id, region_id from account_region where account_id = any ($1)"
                + " order by account_id, region_id")
                .execute(Tuple.of(accountIds))
                .map(rows -> map(rows, row -> new Governed(row.getLong("account_id"), row.getLong("region_id"))));
    }

    public record Governed(long accountId, long regionId) {
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
