package org.duban.audit;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers;
import org.duban.common.graphql.MutationNames;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Stamps a mutation's transaction with who runs which operation when; the audit triggers (V4) then record
 * every row the transaction changes, before and after, in that same transaction. The stamp also carries the regions
 * the caller may write in and those it oversees: the same triggers refuse a row of any other region (V18), so a
 * service that forgets to check its caller's region still cannot write outside it. Every mutation writes in
 * {@link #withTransaction}, which stamps first thing. Outside a mutation (the demo loader) only the time is stamped: the
 * triggers that date what they open (V17's signing rows) read the service's clock from it, and no audit row is written.
 */
@ApplicationScoped
public class AuditTrail {

    private static final String STAMP = "select set_config('duban.audit_operation', $1, true),"
            + " set_config('duban.audit_actor_id', $2, true), set_config('duban.audit_actor_name', $3, true),"
            + " set_config('duban.audit_at', $4, true), set_config('duban.write_regions', $5, true),"
            + " set_config('duban.read_regions', $6, true)";
    private static final String TIME = "select set_config('duban.audit_at', $1, true)";

    private final Pool pool;
    private final Callers callers;
    private final Clock clock;

    AuditTrail(Pool pool, Callers callers, Clock clock) {
        this.pool = pool;
        this.callers = callers;
        this.clock = clock;
    }

    /** The regions as the audit trigger's guard reads them back (a bigint[] literal). */
    private static String array(java.util.List<Long> regions) {
        return regions.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    /** Runs SQL-client work in a stamped transaction. */
    public <T> Uni<T> withTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(connection -> stamp(connection).chain(() -> work.apply(connection)));
    }

    /** Stamps the transaction running on this connection. */
    private Uni<Void> stamp(SqlConnection connection) {
        Optional<String> operation = MutationNames.current();
        if (operation.isEmpty()) {
            return connection.preparedQuery(TIME).execute(Tuple.of(clock.instant().toString())).replaceWithVoid();
        }
        return values(operation.get()).chain(values -> connection.preparedQuery(STAMP).execute(values)).replaceWithVoid();
    }

    private Uni<Tuple> values(String operation) {
        return callers.current().map(caller -> Tuple.of(operation,
                caller.accountId() == null ? "" : caller.accountId().toString(),
                caller.username() == null ? "" : caller.username(),
                clock.instant().toString(), array(caller.writableRegions()), array(caller.overseenRegions())));
    }
}
