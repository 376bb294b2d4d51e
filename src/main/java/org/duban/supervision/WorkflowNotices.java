package org.duban.supervision;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers.Caller;
import org.duban.notify.MessageText;
import org.duban.notify.NotificationKind;
import org.duban.notify.Notices;
import org.duban.plan.TaskStatus;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Tells of the workflow's moves in the transaction that makes them: a submission to the plan's office, a rejection,
 * sign-off, suspension or reopening to the task's units, an extension decided to the unit that asked, a milestone
 * ticked to the units and the office. Each event has a key of the row that records it, so it is told once.
 */
@ApplicationScoped
class WorkflowNotices {

    private static final String TASK = "select t.code, t.title, t.plan_id, array(select tu.unit_id from task_unit tu"
            + " where tu.task_id = t.id order by tu.ordinal, tu.unit_id) as units, (select u.name from unit u where u.id = $2)"
            + " as unit_name from task t where t.id = $1";

    private final Notices notices;
    private final Clock clock;

    WorkflowNotices(Notices notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    /** What a move from {@code from} to {@code to} is told as; null for a start, which nobody needs to hear of. */
    static NotificationKind kindOf(TaskStatus from, TaskStatus to) {
        return switch (to) {
            case SUBMITTED -> NotificationKind.SUBMITTED;
            case SIGNED_OFF -> NotificationKind.SIGNED_OFF;
            case SUSPENDED -> NotificationKind.SUSPENDED;
            case IN_PROGRESS -> from == TaskStatus.SUBMITTED ? NotificationKind.REJECTED
                    : from == TaskStatus.NOT_STARTED ? null : NotificationKind.REOPENED;
            case NOT_STARTED -> null;
        };
    }

    /** Tells of the status change {@code changeId}: a submission to the office, anything else to the units. */
    Uni<Void> moved(SqlConnection connection, WorkItem item, TaskStatus to, StatusNote note, long changeId, Caller caller) {
        NotificationKind kind = kindOf(item.status(), to);
        if (kind == null) {
            return Uni.createFrom().voidItem();
        }
        String why = kind == NotificationKind.SUBMITTED || kind == NotificationKind.SIGNED_OFF ? note.note() : note.reason();
        return task(connection, item.taskId(), caller.unitId()).chain(task -> {
            String code = item.recurring() ? task.getString("code") + "（" + item.dueOn() + "）" : task.getString("code");
            String unitName = task.getString("unit_name") != null ? task.getString("unit_name") : "牵头单位";
            Notices.Event event = new Notices.Event(kind, "move:" + changeId, item.taskId(),
                    MessageText.moved(kind, code, task.getString("title"), unitName, why));
            return (kind == NotificationKind.SUBMITTED
                    ? notices.tellOffice(connection, event, task.getLong("plan_id"), clock.instant())
                    : notices.tellUnits(connection, event, task.getArrayOfLongs("units"), clock.instant())).replaceWithVoid();
        });
    }

    /** Tells the unit that asked for the extension {@code extensionId} what the office decided. */
    Uni<Void> extensionDecided(SqlConnection connection, long extensionId, long taskId, Long unitId, boolean approved,
            LocalDate asked, String note) {
        if (unitId == null) {
            return Uni.createFrom().voidItem();
        }
        return task(connection, taskId, null).chain(task -> notices.tellUnits(connection,
                new Notices.Event(NotificationKind.EXTENSION_DECIDED, "extension:" + extensionId, taskId,
                        MessageText.extensionDecided(task.getString("code"), task.getString("title"), approved, asked, note)),
                new Long[] { unitId }, clock.instant())).replaceWithVoid();
    }

    /** Tells the task's units and its office that the milestone was reached (once: ticked again, it is not told again). */
    Uni<Void> milestoneReached(SqlConnection connection, long milestoneId, long taskId) {
        return connection.preparedQuery("select title, due_on from task_milestone where id = $1").execute(Tuple.of(milestoneId))
                .map(rows -> rows.iterator().next())
                .chain(milestone -> task(connection, taskId, null).chain(task -> {
                    Notices.Event event = new Notices.Event(NotificationKind.MILESTONE_REACHED, "milestone-reached:" + milestoneId,
                            taskId, MessageText.milestone(true, task.getString("code"), task.getString("title"),
                                    milestone.getString("title"), milestone.getLocalDate("due_on")));
                    return notices.tellUnits(connection, event, task.getArrayOfLongs("units"), clock.instant())
                            .chain(() -> notices.tellOffice(connection, event, task.getLong("plan_id"), clock.instant()));
                }))
                .replaceWithVoid();
    }

    private static Uni<Row> task(SqlConnection connection, long taskId, Long unitId) {
        return connection.preparedQuery(TASK).execute(Tuple.of(taskId, unitId)).map(rows -> rows.iterator().next());
    }
}
