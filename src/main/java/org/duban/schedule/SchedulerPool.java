package org.duban.schedule;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.duban.common.sql.DatabaseConnection;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The scheduler's own connections to the database, on an event loop and worker threads of their own. On the service's
 * pool, a run's statements were encoded and their rows decoded on the event loops that answer requests (2,000 reminders'
 * words a statement, thousands of rows a chunk): a light request queued behind them, its p99 2.6 times its p99 with the
 * scheduler off (bench/scheduler). Here the operating system shares the cores between the run and the requests instead.
 * Same database and settings as the service's pool ({@link DatabaseConnection}) but for JIT; two connections, since a
 * run uses one at a time.
 */
@ApplicationScoped
@Startup // on the main thread: made on a thread of the service's Vert.x, a second Vert.x is warned against
public class SchedulerPool {

    private static final int CONNECTIONS = 2;
    private static final int WORKER_THREADS = 2;
    private static final Set<String> REQUESTS_ONLY = Set.of("random_page_cost");

    private final Vertx vertx;
    private final Pool pool;

    SchedulerPool(DatabaseConnection database,
            @ConfigProperty(name = "quarkus.datasource.reactive.additional-properties") Optional<Map<String, String>> properties) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(WORKER_THREADS));
        PgConnectOptions connect = database.options().setCachePreparedStatements(true);
        // Not the requests' cost of a random page (application.properties): a run's statements were measured with the
        // server's own (bench/scheduler).
        properties.ifPresent(given -> given.forEach((name, value) -> {
            if (!REQUESTS_ONLY.contains(name)) {
                connect.addProperty(name, value);
            }
        }));
        // No JIT compilation of a run's statements: the planner's estimates for the outbox's lateral joins over a chunk
        // of 2,000 reminders cross jit_above_cost, and compiling took 320 ms of a 360 ms delivery insert that ran in 20.
        // Requests keep the database's setting: the one statement JIT compiles for them, a count over a million tasks
        // (totalCount), ran as fast with it as without (pgbench, bench/RESULTS.md), so nothing argues for overriding it.
        connect.addProperty("jit", "off");
        this.pool = Pool.newInstance(PgBuilder.pool().with(new PoolOptions().setMaxSize(CONNECTIONS)).connectingTo(connect)
                .using(vertx).build());
    }

    public Pool pool() {
        return pool;
    }

    /** Runs the work on this pool's event loop, so that its statements and its worker threads are this pool's. */
    public <T> Uni<T> onItsLoop(Supplier<Uni<T>> work) {
        Context context = vertx.getOrCreateContext();
        return Uni.createFrom().<T>deferred(work::get).runSubscriptionOn(command -> context.runOnContext(ignored -> command.run()));
    }

    void close(@Observes ShutdownEvent event) {
        pool.closeAndAwait();
        vertx.close();
    }
}
