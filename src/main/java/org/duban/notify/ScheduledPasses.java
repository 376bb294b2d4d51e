package org.duban.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one writer of {@code scheduled_pass}: a pass of the scheduler made once a day (or week) whatever the runs and
 * instances. The run whose insert of the pass's row succeeds makes the pass in the same transaction; others, waiting on
 * that row, find it made. A pass that fails rolls its row back and the next run makes it.
 */
@ApplicationScoped
public class ScheduledPasses {

    /** Makes the pass {@code name} of {@code day} unless it is made; returns what it wrote, or 0. */
    public Uni<Integer> once(Pool pool, String name, LocalDate day, Instant now, Function<SqlConnection, Uni<Integer>> pass) {
        return pool.withTransaction(tx -> tx.preparedQuery("insert into scheduled_pass (pass, on_day, written_at) values ($1, $2, $3)"
                + " on conflict do nothing").execute(Tuple.of(name, day, now.atOffset(ZoneOffset.UTC)))
                .chain(recorded -> recorded.rowCount() == 0 ? Uni.createFrom().item(0) : pass.apply(tx)));
    }
}
