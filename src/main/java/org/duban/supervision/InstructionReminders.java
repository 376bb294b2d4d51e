package org.duban.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.calendar.WorkingCalendar;
import org.duban.common.ChinaTime;
import org.duban.notify.MessageText;
import org.duban.notify.NotificationKind;
import org.duban.notify.Notices;
import org.duban.reminder.ReminderPlanner;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * An instruction awaiting a unit's answer is reminded like a deadline, by the default policy: the working days before
 * its date, on the date (or the last working day before), then while overdue on the overdue cadence, from the reminders'
 * time of day. Each unit is told once per instruction and day (the event key), and a run reads only what it has not told.
 */
@ApplicationScoped
public class InstructionReminders {

    /** The furthest a before-the-date reminder reaches ahead, in calendar days (60 working days and holidays). */
    private static final int LOOKAHEAD_DAYS = 120;

    private final Notices notices;
    private final ReminderPlanner planner;

    InstructionReminders(Notices notices, ReminderPlanner planner) {
        this.notices = notices;
        this.planner = planner;
    }

    /** Returns the in-app notifications written. */
    public Uni<Integer> write(Pool pool, WorkingCalendar calendar, Instant now) {
        LocalDate today = now.atZone(ChinaTime.ZONE).toLocalDate();
        if (!planner.timeOfDayHasCome(now)) {
            return Uni.createFrom().item(0);
        }
        return pool.withTransaction(tx -> tx.preparedQuery("select i.id, i.answer_by, i.task_id,"
                + " t.code, t.title, tu.unit_id from instruction i join task t on t.id = i.task_id join task_unit tu on tu.task_id = i.task_id"
                + " where i.answer_by is not null and i.answer_by <= $1 and t.deleted_at is null and is_open(t.status)"
                + " and not exists (select 1 from instruction_answer x where x.instruction_id = i.id and x.unit_id = tu.unit_id)"
                + " and not exists (select 1 from notice n where n.event = 'instruction-due:' || i.id || ':' || tu.unit_id || $2)")
                .execute(Tuple.of(today.plusDays(LOOKAHEAD_DAYS), ":" + today))
                .chain(rows -> {
                    List<Notices.Addressed> due = new ArrayList<>();
                    for (Row row : rows) {
                        Integer days = planner.defaultReminderDay(calendar, row.getLocalDate("answer_by"), today);
                        if (days != null) {
                            due.add(new Notices.Addressed(row.getLong("unit_id"), new Notices.Event(NotificationKind.INSTRUCTION_DUE,
                                    "instruction-due:" + row.getLong("id") + ":" + row.getLong("unit_id") + ":" + today, row.getLong("task_id"),
                                    MessageText.instructionDue(row.getString("code"), row.getString("title"), row.getLocalDate("answer_by"), days))));
                        }
                    }
                    return notices.tellEach(tx, due, now);
                }));
    }
}
