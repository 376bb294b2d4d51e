package org.duban.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.duban.common.ChinaTime;
import org.duban.inspection.InspectionNotices;
import org.duban.notify.DeliveryWorker;
import org.duban.reminder.DueReminder;
import org.duban.reminder.ReminderPlanner;
import org.duban.reminder.ReminderSettings;
import org.duban.reminder.ReminderWriter;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * One pass of the scheduler on one database pool: write the reminders whose time has come (those missed
 * while no instance ran too, within the catch-up window) of the tasks whose next reminder day has come, and store
 * each such task's next day; write the notices of inspections ahead; then send what is due. Any number of runs,
 * on any number of instances, may overlap: the database keeps each reminder, notice and delivery once.
 */
public final class SchedulerRun {

    private final Pool pool;
    private final Clock clock;
    private final ReminderPlanner planner;
    private final ReminderWriter writer;
    private final DeliveryWorker deliveries;
    private final InspectionNotices inspections;
    private final ReminderSettings settings;

    SchedulerRun(Pool pool, Clock clock, ReminderPlanner planner, ReminderWriter writer, DeliveryWorker deliveries,
            InspectionNotices inspections, ReminderSettings settings) {
        this.pool = pool;
        this.clock = clock;
        this.planner = planner;
        this.writer = writer;
        this.deliveries = deliveries;
        this.inspections = inspections;
        this.settings = settings;
    }

    public record Outcome(int tasksPlanned, int remindersWritten, int notificationsWritten, int deliveryAttempts) {
    }

    public Uni<Outcome> runOnce() {
        Instant now = clock.instant();
        Instant earliest = now.minus(settings.catchUp());
        LocalDate from = earliest.atZone(ChinaTime.ZONE).toLocalDate();
        LocalDate to = now.atZone(ChinaTime.ZONE).toLocalDate();
        return planner.remindersDue(pool, from, now)
                .chain(plan -> writer.write(pool, dueBetween(plan.reminders(), earliest, now), now)
                        .call(() -> planner.advance(pool, plan, to))
                        .chain(written -> inspections.write(pool, now)
                                .chain(notices -> deliveries.deliverDue(pool, clock)
                                        .map(attempts -> new Outcome(plan.tasksPlanned(), written.reminders(),
                                                written.notifications() + notices, attempts)))));
    }

    private static List<DueReminder> dueBetween(List<DueReminder> reminders, Instant earliest, Instant now) {
        return reminders.stream().filter(r -> !r.remindAt().isAfter(now) && !r.remindAt().isBefore(earliest)).toList();
    }
}
