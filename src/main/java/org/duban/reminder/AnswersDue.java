package org.duban.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.calendar.WorkingCalendar;
import org.duban.common.ChinaTime;
import org.duban.notify.Notices;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Answers the units owe by a date (to an instruction, to a supervision notice) are reminded like a deadline, by the
 * default policy: the working days before the date, on it (or the last working day before), then while overdue on the
 * overdue cadence, from the reminders' time of day. Each unit is told once per answer and day (the event key), and a run
 * reads only what it has not told that day.
 */
@ApplicationScoped
public class AnswersDue {

    /** The furthest a before-the-date reminder reaches ahead, in calendar days (60 working days and holidays). */
    public static final int LOOKAHEAD_DAYS = 120;

    /** What a row owed says: the unit, the event key and words for the day's reminder, {@code workingDays} left. */
    public interface Reminder {
        Notices.Addressed of(Row row, LocalDate today, int workingDays);
    }

    private final Notices notices;
    private final ReminderPlanner planner;

    AnswersDue(Notices notices, ReminderPlanner planner) {
        this.notices = notices;
        this.planner = planner;
    }

    /**
     * {@code owed}: the answers not yet given, due by {@code $1} (today and the lookahead) and not told today ({@code $2}
     * is ":" and today, to end the event key with), with the date due in {@code dueColumn}. Returns the in-app
     * notifications written.
     */
    public Uni<Integer> write(Pool pool, WorkingCalendar calendar, Instant now, String owed, String dueColumn, Reminder reminder) {
        LocalDate today = now.atZone(ChinaTime.ZONE).toLocalDate();
        if (!planner.timeOfDayHasCome(now)) {
            return Uni.createFrom().item(0);
        }
        return pool.withTransaction(tx -> tx.preparedQuery(owed).execute(Tuple.of(today.plusDays(LOOKAHEAD_DAYS), ":" + today))
                .chain(rows -> {
                    List<Notices.Addressed> due = new ArrayList<>();
                    for (Row row : rows) {
                        Integer days = planner.defaultReminderDay(calendar, row.getLocalDate(dueColumn), today);
                        if (days != null) {
                            due.add(reminder.of(row, today, days));
                        }
                    }
                    return notices.tellEach(tx, due, now);
                }));
    }
}
