package org.duban.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.ChinaTime;
import org.duban.notify.MessageText;
import org.duban.notify.NotificationKind;
import org.duban.notify.Notices;
import org.duban.reminder.ReminderPlanner;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Milestones told of by the scheduler, from the reminders' time of day: a measured milestone whose figure reached its
 * target is told as reached, and one whose day passed unmet as missed, to the task's units and its office, once each (the
 * event key); a run reads only the milestones of open tasks not yet told of.
 * Ticked milestones are told as they are ticked ({@link WorkflowNotices#milestoneReached}).
 */
@ApplicationScoped
public class MilestoneNotices {

    private final Notices notices;
    private final ReminderPlanner planner;

    MilestoneNotices(Notices notices, ReminderPlanner planner) {
        this.notices = notices;
        this.planner = planner;
    }

    /** Returns the in-app notifications written; at the reminders' time of day. */
    public Uni<Integer> write(Pool pool, Instant now) {
        LocalDate today = now.atZone(ChinaTime.ZONE).toLocalDate();
        if (!planner.timeOfDayHasCome(now)) {
            return Uni.createFrom().item(0);
        }
        return pool.withTransaction(tx -> tx.preparedQuery("select s.milestone_id, s.task_id, s.title,"
                + " s.due_on, s.met, t.code, t.title as task_title, t.plan_id, array(select tu.unit_id from task_unit tu where tu.task_id = t.id)"
                + " as units from task t join task_milestone_state s on s.task_id = t.id where t.deleted_at is null and is_open(t.status)"
                + " and ((s.met and s.measure is not null and not exists (select 1 from notice n where n.event = 'milestone-reached:' || s.milestone_id))"
                + " or (not s.met and s.due_on < $1 and not exists (select 1 from notice n where n.event = 'milestone-missed:' || s.milestone_id)))")
                .execute(Tuple.of(today))
                .chain(rows -> {
                    List<Uni<Integer>> told = new ArrayList<>();
                    for (Row row : rows) {
                        boolean reached = row.getBoolean("met");
                        Notices.Event event = new Notices.Event(reached ? NotificationKind.MILESTONE_REACHED : NotificationKind.MILESTONE_MISSED,
                                (reached ? "milestone-reached:" : "milestone-missed:") + row.getLong("milestone_id"), row.getLong("task_id"),
                                MessageText.milestone(reached, row.getString("code"), row.getString("task_title"), row.getString("title"),
                                        row.getLocalDate("due_on")));
                        told.add(notices.tellUnits(tx, event, row.getArrayOfLongs("units"), now)
                                .chain(units -> notices.tellOffice(tx, event, row.getLong("plan_id"), now).map(office -> units + office)));
                    }
                    return Multi.createFrom().iterable(told).onItem().transformToUniAndConcatenate(u -> u).collect().asList()
                            .map(written -> written.stream().mapToInt(Integer::intValue).sum());
                }));
    }
}
