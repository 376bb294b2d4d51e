package org.duban.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.duban.calendar.WorkingCalendar;
import org.duban.common.ChinaTime;
import org.duban.common.WorkGate;
import org.duban.inspection.InspectionNotices;
import org.duban.notify.DeliveryWorker;
import org.duban.signing.SigningSweep;
import org.duban.supervision.InstructionReminders;
import org.duban.supervisionnotice.SupervisionNoticeReminders;
import org.duban.supervision.MilestoneNotices;
import org.duban.reminder.DueReminder;
import org.duban.reminder.OverdueDigest;
import org.duban.reminder.ReminderPlanner;
import org.duban.reminder.ReminderSettings;
import org.duban.reminder.ReminderWriter;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * One pass of the scheduler on one database pool: write the reminders whose time has come (those missed
 * while no instance ran too, within the catch-up window) of the tasks whose next reminder day has come, and store
 * each such task's next day; write the notices due (inspections ahead, assignments to tell and signings overdue,
 * milestones reached or missed, instructions and supervision notices awaiting answers, the week's overdue digests); then send what is due. The due tasks go in
 * chunks of {@code duban.reminders.chunk-tasks}, each claimed, planned, written and advanced in one transaction:
 * memory and lock time stay bounded at any size, instances running at once take different chunks, and a stopping
 * service starts no new chunk. Any number of runs, on any number of instances, may overlap: the database keeps each
 * reminder, notice and delivery once.
 */
public final class SchedulerRun {

    private final Pool pool;
    private final Clock clock;
    private final ReminderPlanner planner;
    private final ReminderWriter writer;
    private final DeliveryWorker deliveries;
    private final Notices notices;
    private final ReminderSettings settings;
    private final WorkGate gate;

    /** The writers of the notices a run writes after the reminders, in that order. */
    record Notices(InspectionNotices inspections, SigningSweep signings, MilestoneNotices milestones,
            InstructionReminders instructions, SupervisionNoticeReminders supervisionNotices, OverdueDigest digests) {

        Uni<Integer> write(Pool pool, WorkingCalendar calendar, Instant now) {
            return inspections.write(pool, now)
                    .chain(inspected -> signings.run(pool, calendar, now).map(signed -> inspected + signed))
                    .chain(sum -> milestones.write(pool, now).map(told -> sum + told))
                    .chain(sum -> instructions.write(pool, calendar, now).map(told -> sum + told))
                    .chain(sum -> supervisionNotices.write(pool, calendar, now).map(told -> sum + told))
                    .chain(sum -> digests.write(pool, calendar, now).map(told -> sum + told));
        }
    }

    SchedulerRun(Pool pool, Clock clock, ReminderPlanner planner, ReminderWriter writer, DeliveryWorker deliveries,
            Notices notices, ReminderSettings settings, WorkGate gate) {
        this.pool = pool;
        this.clock = clock;
        this.planner = planner;
        this.writer = writer;
        this.deliveries = deliveries;
        this.notices = notices;
        this.settings = settings;
        this.gate = gate;
    }

    public record Outcome(int tasksPlanned, int remindersWritten, int notificationsWritten, int deliveryAttempts) {
    }

    private record Chunk(int tasksPlanned, int reminders, int notifications) {

        static final Chunk NONE = new Chunk(0, 0, 0);

        Chunk plus(Chunk other) {
            return new Chunk(tasksPlanned + other.tasksPlanned, reminders + other.reminders,
                    notifications + other.notifications);
        }
    }

    public Uni<Outcome> runOnce() {
        Instant now = clock.instant();
        Instant earliest = now.minus(settings.catchUp());
        LocalDate from = earliest.atZone(ChinaTime.ZONE).toLocalDate();
        LocalDate today = now.atZone(ChinaTime.ZONE).toLocalDate();
        return planner.prepareRun(pool, today)
                .chain(() -> planner.calendar(pool))
                .chain(calendar -> Multi.createBy().repeating().uni(() -> chunk(calendar, from, earliest, now, today))
                        // A chunk that claimed less than it could took the last of what is due.
                        .whilst(chunk -> chunk.tasksPlanned() == settings.chunkTasks() && gate.isOpen())
                        .collect().with(Collectors.reducing(Chunk.NONE, Chunk::plus))
                        .chain(chunks -> (gate.isOpen() ? notices.write(pool, calendar, now) : Uni.createFrom().item(0))
                                .chain(told -> deliveries.deliverDue(pool, clock)
                                        .map(attempts -> new Outcome(chunks.tasksPlanned(), chunks.reminders(),
                                                chunks.notifications() + told, attempts)))));
    }

    private Uni<Chunk> chunk(WorkingCalendar calendar, LocalDate from, Instant earliest, Instant now, LocalDate today) {
        return pool.withTransaction(tx -> planner.claimDue(tx, calendar, from, now, settings.chunkTasks())
                .chain(plan -> writer.write(tx, dueBetween(plan.reminders(), earliest, now), now)
                        .call(() -> planner.advance(tx, plan, today))
                        .map(written -> new Written(plan.tasksPlanned(), written))))
                .invoke(done -> writer.committed(done.written()))
                .map(done -> new Chunk(done.tasksPlanned(), done.written().reminders(), done.written().notifications()));
    }

    private record Written(int tasksPlanned, ReminderWriter.Written written) {
    }

    private static List<DueReminder> dueBetween(List<DueReminder> reminders, Instant earliest, Instant now) {
        return reminders.stream().filter(r -> !r.remindAt().isAfter(now) && !r.remindAt().isBefore(earliest)).toList();
    }
}
