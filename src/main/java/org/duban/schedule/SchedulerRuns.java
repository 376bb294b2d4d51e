package org.duban.schedule;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.WorkGate;
import org.duban.inspection.InspectionNotices;
import org.duban.notify.DeliveryWorker;
import org.duban.reminder.ReminderPlanner;
import org.duban.reminder.ReminderSettings;
import org.duban.reminder.ReminderWriter;

import io.vertx.mutiny.sqlclient.Pool;

/** Makes scheduler runs on a pool and clock: the application's, or in tests several workers' own. */
@ApplicationScoped
public class SchedulerRuns {

    private final ReminderPlanner planner;
    private final ReminderWriter writer;
    private final DeliveryWorker deliveries;
    private final InspectionNotices inspections;
    private final ReminderSettings settings;
    private final WorkGate gate;

    SchedulerRuns(ReminderPlanner planner, ReminderWriter writer, DeliveryWorker deliveries, InspectionNotices inspections,
            ReminderSettings settings, WorkGate gate) {
        this.planner = planner;
        this.writer = writer;
        this.deliveries = deliveries;
        this.inspections = inspections;
        this.settings = settings;
        this.gate = gate;
    }

    public SchedulerRun on(Pool pool, Clock clock) {
        return new SchedulerRun(pool, clock, planner, writer, deliveries, inspections, settings, gate);
    }
}
