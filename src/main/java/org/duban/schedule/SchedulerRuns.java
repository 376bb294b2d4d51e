package org.duban.schedule;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.WorkGate;
import org.duban.inspection.InspectionNotices;
import org.duban.notify.DeliveryWorker;
import org.duban.signing.SigningSweep;
import org.duban.supervision.InstructionReminders;
import org.duban.supervisionnotice.SupervisionNoticeReminders;
import org.duban.supervision.MilestoneNotices;
import org.duban.reminder.OverdueDigest;
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
    private final SchedulerRun.Notices notices;
    private final ReminderSettings settings;
    private final WorkGate gate;

    SchedulerRuns(ReminderPlanner planner, ReminderWriter writer, DeliveryWorker deliveries, InspectionNotices inspections,
            SigningSweep signings, MilestoneNotices milestones, InstructionReminders instructions,
            SupervisionNoticeReminders supervisionNotices, OverdueDigest digests, ReminderSettings settings, WorkGate gate) {
        this.planner = planner;
        this.writer = writer;
        this.deliveries = deliveries;
        this.notices = new SchedulerRun.Notices(inspections, signings, milestones, instructions, supervisionNotices, digests);
        this.settings = settings;
        this.gate = gate;
    }

    public SchedulerRun on(Pool pool, Clock clock) {
        return new SchedulerRun(pool, clock, planner, writer, deliveries, notices, settings, gate);
    }
}
