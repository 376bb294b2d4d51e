package org.duban.support;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.duban.schedule.SchedulerRun;
import org.duban.schedule.SchedulerRuns;
import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/** Scheduler workers as separate instances would be: each with a connection pool of its own. */
public final class ReminderWorkers implements AutoCloseable {

    private final List<Pool> pools = new ArrayList<>();
    private final List<SchedulerRun> runs = new ArrayList<>();

    public ReminderWorkers(int count, SchedulerRuns factory, Clock clock, Vertx vertx) {
        for (int i = 0; i < count; i++) {
            Pool pool = newPool(vertx);
            pools.add(pool);
            runs.add(factory.on(pool, clock));
        }
    }

    public static Pool newPool(Vertx vertx) {
        PgConnectOptions options = PgConnectOptions.fromUri(
                ConfigProvider.getConfig().getValue("quarkus.datasource.reactive.url", String.class));
        Optional<String> user = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.username", String.class);
        Optional<String> password = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class);
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        io.vertx.sqlclient.Pool pool = PgBuilder.pool().connectingTo(options).with(new PoolOptions().setMaxSize(4))
                .using(vertx.getDelegate()).build();
        return Pool.newInstance(pool);
    }

    /** One run of an instance of its own (pool and all) at {@code time} on {@code day} in China. */
    public static void runOnceAt(LocalDate day, LocalTime time, SchedulerRuns factory, MutableClock clock, Vertx vertx) {
        clock.pin(day, time);
        try (ReminderWorkers worker = new ReminderWorkers(1, factory, clock, vertx)) {
            worker.runAllAtOnce();
        }
    }

    /**
     * Two instances of their own at {@code time} on {@code day} in China, each running twice, both at once: what is
     * written once whatever the workers is written once here too.
     */
    public static void runTwiceWithTwoWorkersAt(LocalDate day, LocalTime time, SchedulerRuns factory, MutableClock clock, Vertx vertx) {
        clock.pin(day, time);
        try (ReminderWorkers workers = new ReminderWorkers(2, factory, clock, vertx)) {
            workers.runAllAtOnce();
            workers.runAllAtOnce();
        }
    }

    /** Every worker runs once, all at the same time; returns when all are done. */
    public void runAllAtOnce() {
        List<Uni<SchedulerRun.Outcome>> all = runs.stream().map(SchedulerRun::runOnce).toList();
        Uni.join().all(all).andFailFast().await().atMost(Duration.ofSeconds(60));
    }

    public SchedulerRun run(int index) {
        return runs.get(index);
    }

    public Pool pool(int index) {
        return pools.get(index);
    }

    @Override
    public void close() {
        pools.forEach(pool -> pool.close().await().indefinitely());
    }
}
