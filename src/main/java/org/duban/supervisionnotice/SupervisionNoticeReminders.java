package org.duban.supervisionnotice;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.calendar.WorkingCalendar;
import org.duban.notify.MessageText;
import org.duban.notify.NotificationKind;
import org.duban.notify.Notices;
import org.duban.reminder.AnswersDue;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A supervision notice not yet replied to is reminded as an instruction is ({@link AnswersDue}), to the unit it presses;
 * a run reads the notices awaiting a reply through their partial index, none other.
 */
@ApplicationScoped
public class SupervisionNoticeReminders {

    private static final String OWED = "select s.id, s.number, s.reply_by, s.task_id, s.unit_id, s.task_code, s.task_title"
            + " from supervision_notice s join task t on t.id = s.task_id"
            + " where s.replied_at is null and s.reply_by <= $1 and t.deleted_at is null and is_open(t.status)"
            + " and not exists (select 1 from notice n where n.event = 'supervision-notice-due:' || s.id || $2)";

    private final AnswersDue answers;

    SupervisionNoticeReminders(AnswersDue answers) {
        this.answers = answers;
    }

    /** Returns the in-app notifications written. */
    public Uni<Integer> write(Pool pool, WorkingCalendar calendar, Instant now) {
        return answers.write(pool, calendar, now, OWED, "reply_by", (row, today, days) -> new Notices.Addressed(row.getLong("unit_id"),
                new Notices.Event(NotificationKind.SUPERVISION_NOTICE_DUE, "supervision-notice-due:" + row.getLong("id") + ":" + today,
                        row.getLong("task_id"), MessageText.supervisionNoticeDue(row.getString("number"), row.getString("task_code"),
                                row.getString("task_title"), row.getLocalDate("reply_by"), days))));
    }
}
