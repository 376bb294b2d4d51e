package org.duban.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.WallClock;
import org.duban.reminder.ReminderSettings;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the reminder scheduler of this instance has completed no run for
 * {@code duban.reminders.ready-within} (counted from start until the first run): a stuck scheduler should
 * take the instance out of rotation, where an operator sees it. Always ready where the scheduler is off.
 */
@Readiness
@ApplicationScoped
class SchedulerReadiness implements HealthCheck {

    static final String NAME = "reminder-scheduler";

    private final Scheduler scheduler;
    private final ReminderSettings settings;
    private final Clock wallClock;

    SchedulerReadiness(Scheduler scheduler, ReminderSettings settings, @WallClock Clock wallClock) {
        this.scheduler = scheduler;
        this.settings = settings;
        this.wallClock = wallClock;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        if ("off".equalsIgnoreCase(settings.every().strip())) {
            return response.up().withData("scheduler", "off on this instance").build();
        }
        Instant reference = scheduler.lastCompleted().orElse(scheduler.startedAt());
        scheduler.lastCompleted().ifPresent(last -> response.withData("lastCompletedRun", last.toString()));
        return response.status(isFresh(reference, wallClock.instant(), settings.readyWithin()))
                .withData("readyWithin", settings.readyWithin().toString())
                .build();
    }

    static boolean isFresh(Instant reference, Instant now, Duration readyWithin) {
        return !reference.plus(readyWithin).isBefore(now);
    }
}
