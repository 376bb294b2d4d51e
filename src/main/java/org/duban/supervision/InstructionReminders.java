package org.duban.supervision;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.calendar.WorkingCalendar;
import org.duban.notify.MessageText;
import org.duban.notify.NotificationKind;
import org.duban.notify.Notices;
import org.duban.reminder.AnswersDue;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** An instruction awaiting a unit's answer is reminded as {@link AnswersDue} says, to each unit that has not answered. */
@ApplicationScoped
public class InstructionReminders {

    private static final String OWED = "select i.id, i.answer_by, i.task_id, t.code, t.title, tu.unit_id from instruction i"
            + " join task t on t.id = i.task_id join task_unit tu on tu.task_id = i.task_id"
            + " where i.answer_by is not null and i.answer_by <= $1 and t.deleted_at is null and is_open(t.status)"
            + " and not exists (select 1 from instruction_answer x where x.instruction_id = i.id and x.unit_id = tu.unit_id)"
            + " and not exists (select 1 from notice n where n.event = 'instruction-due:' || i.id || ':' || tu.unit_id || $2)";

    private final AnswersDue answers;

    InstructionReminders(AnswersDue answers) {
        this.answers = answers;
    }

    /** Returns the in-app notifications written. */
    public Uni<Integer> write(Pool pool, WorkingCalendar calendar, Instant now) {
        return answers.write(pool, calendar, now, OWED, "answer_by", (row, today, days) -> new Notices.Addressed(row.getLong("unit_id"),
                new Notices.Event(NotificationKind.INSTRUCTION_DUE, "instruction-due:" + row.getLong("id") + ":" + row.getLong("unit_id")
                        + ":" + today, row.getLong("task_id"),
                        MessageText.instructionDue(row.getString("code"), row.getString("title"), row.getLocalDate("answer_by"), days))));
    }
}
