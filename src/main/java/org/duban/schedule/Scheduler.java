package org.duban.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.WallClock;
import org.duban.common.WorkGate;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Runs the reminders every minute (duban.reminders.every); a run still going when the next is due is not
 * doubled, and none starts once the service is shutting down. Remembers when a run last completed, for
 * readiness ({@link SchedulerReadiness}).
 */
@ApplicationScoped
public class Scheduler {

    private static final Logger LOG = Logger.getLogger(Scheduler.class);

    private final SchedulerRun run;
    private final SchedulerPool pool;
    private final WorkGate gate;
    private final Clock wallClock;
    private final Instant startedAt;
    private volatile Instant lastCompleted;

    Scheduler(SchedulerRuns runs, SchedulerPool pool, Clock clock, WorkGate gate, @WallClock Clock wallClock) {
        this.run = runs.on(pool.pool(), clock);
        this.pool = pool;
        this.gate = gate;
        this.wallClock = wallClock;
        this.startedAt = wallClock.instant();
    }

    /** When a run last completed on this instance, if one has. */
    Optional<Instant> lastCompleted() {
        return Optional.ofNullable(lastCompleted);
    }

    Instant startedAt() {
        return startedAt;
    }

    @Scheduled(identity = "reminders", every = "${duban.reminders.every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> runReminders() {
        if (!gate.isOpen()) {
            return Uni.createFrom().voidItem();
        }
        long started = System.nanoTime();
        return pool.onItsLoop(run::runOnce)
                .invoke(outcome -> {
                    lastCompleted = wallClock.instant();
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    boolean didSomething = outcome.remindersWritten() > 0 || outcome.deliveryAttempts() > 0;
                    LOG.logf(didSomething ? Logger.Level.INFO : Logger.Level.DEBUG,
                            "Reminders: %d tasks planned, %d written, %d in-app notifications, %d delivery attempts in %d ms",
                            outcome.tasksPlanned(), outcome.remindersWritten(), outcome.notificationsWritten(),
                            outcome.deliveryAttempts(), millis);
                })
                .onFailure().invoke(failure -> LOG.warnf(failure, "Reminder run failed; the next run picks up"))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
