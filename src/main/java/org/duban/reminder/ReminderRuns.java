package org.duban.reminder;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.inspection.InspectionNotices;
import org.duban.notify.DeliveryWorker;

import io.vertx.mutiny.sqlclient.Pool;

/** Makes scheduler runs on a pool and clock: the application's, or in tests several workers' own. */
@ApplicationScoped
public class ReminderRuns {

    private final ReminderPlanner planner;
    private final ReminderWriter writer;
    private final DeliveryWorker deliveries;
    private final InspectionNotices inspections;
    private final ReminderSettings settings;

    ReminderRuns(ReminderPlanner planner, ReminderWriter writer, DeliveryWorker deliveries, InspectionNotices inspections,
            ReminderSettings settings) {
        this.planner = planner;
        this.writer = writer;
        this.deliveries = deliveries;
        this.inspections = inspections;
        this.settings = settings;
    }

    public ReminderRun on(Pool pool, Clock clock) {
        return new ReminderRun(pool, clock, planner, writer, deliveries, inspections, settings);
    }
}
