package org.duban.reminder;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Runs the reminders every minute (duban.reminders.every); a run still going when the next is due is not doubled. */
@ApplicationScoped
public class ReminderScheduler {

    private static final Logger LOG = Logger.getLogger(ReminderScheduler.class);

    private final ReminderRun run;

    ReminderScheduler(ReminderRuns runs, Pool pool, Clock clock) {
        this.run = runs.on(pool, clock);
    }

    @Scheduled(identity = "reminders", every = "${duban.reminders.every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> runReminders() {
        long started = System.nanoTime();
        return run.runOnce()
                .invoke(outcome -> {
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    boolean didSomething = outcome.remindersWritten() > 0 || outcome.deliveryAttempts() > 0;
                    LOG.logf(didSomething ? Logger.Level.INFO : Logger.Level.DEBUG,
                            "Reminders: %d written, %d in-app notifications, %d delivery attempts in %d ms",
                            outcome.remindersWritten(), outcome.notificationsWritten(), outcome.deliveryAttempts(), millis);
                })
                .onFailure().invoke(failure -> LOG.warnf(failure, "Reminder run failed; the next run picks up"))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
