package org.duban.supervisionnotice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.calendar.WorkingCalendar;
import org.duban.common.ChinaTime;
import org.duban.notify.MessageText;
import org.duban.notify.Notices;
import org.duban.notify.NotificationKind;
import org.duban.reminder.ReminderPlanner;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A supervision notice not yet replied to is reminded as an instruction is, by the default policy: the working days
 * before its reply date, on it, then while overdue on the overdue cadence, from the reminders' time of day; once a day
 * at most (the event key). A run reads the notices awaiting a reply through their partial index, none other.
 */
@ApplicationScoped
public class SupervisionNoticeReminders {

    /** The furthest a before-the-date reminder reaches ahead, in calendar days (60 working days and holidays). */
    private static final int LOOKAHEAD_DAYS = 120;

    private final Notices notices;
    private final ReminderPlanner planner;

    SupervisionNoticeReminders(Notices notices, ReminderPlanner planner) {
        this.notices = notices;
        this.planner = planner;
    }

    /** Returns the in-app notifications written. */
    public Uni<Integer> write(Pool pool, WorkingCalendar calendar, Instant now) {
        LocalDate today = now.atZone(ChinaTime.ZONE).toLocalDate();
        if (!planner.timeOfDayHasCome(now)) {
            return Uni.createFrom().item(0);
        }
        return pool.withTransaction(tx -> tx.preparedQuery("select s.id, s.number, s.reply_by, s.task_id, s.unit_id, s.task_code,"
                + " s.task_title from supervision_notice s join task t on t.id = s.task_id"
                + " where s.replied_at is null and s.reply_by <= $1 and t.deleted_at is null and is_open(t.status)"
                + " and not exists (select 1 from notice n where n.event = 'supervision-notice-due:' || s.id || $2)")
                .execute(Tuple.of(today.plusDays(LOOKAHEAD_DAYS), ":" + today))
                .chain(rows -> {
                    List<Notices.Addressed> due = new ArrayList<>();
                    for (Row row : rows) {
                        Integer days = planner.defaultReminderDay(calendar, row.getLocalDate("reply_by"), today);
                        if (days != null) {
                            due.add(new Notices.Addressed(row.getLong("unit_id"), new Notices.Event(NotificationKind.SUPERVISION_NOTICE_DUE,
                                    "supervision-notice-due:" + row.getLong("id") + ":" + today, row.getLong("task_id"),
                                    MessageText.supervisionNoticeDue(row.getString("number"), row.getString("task_code"),
                                            row.getString("task_title"), row.getLocalDate("reply_by"), days))));
                        }
                    }
                    return notices.tellEach(tx, due, now);
                }));
    }
}
