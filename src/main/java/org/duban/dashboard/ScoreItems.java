package org.duban.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.ChinaTime;
import org.duban.plan.occurrence.TaskOccurrence;
import org.duban.plan.TaskStatus;
import org.duban.supervision.SupervisionQueries;
import org.duban.supervision.SupervisionQueries.ClosingDays;
import org.duban.supervision.TaskFacts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The items of tasks (see {@link ScoreItem}) with their submission dates, in one statement for any number of tasks. */
@ApplicationScoped
class ScoreItems {

    private final Pool pool;
    private final SupervisionQueries closings;
    private final Clock clock;

    ScoreItems(Pool pool, SupervisionQueries closings, Clock clock) {
        this.pool = pool;
        this.closings = closings;
        this.clock = clock;
    }

    /** Items by task id: a task once, a recurring task once per occurrence due by today. */
    Uni<Map<Long, List<ScoreItem>>> of(List<TaskFacts> tasks) {
        Long[] ids = tasks.stream().map(TaskFacts::taskId).toArray(Long[]::new);
        LocalDate today = ChinaTime.today(clock);
        return lastSubmissions(ids).map(submitted -> {
            Map<Long, List<ScoreItem>> items = new HashMap<>();
            for (TaskFacts facts : tasks) {
                List<ScoreItem> own = new ArrayList<>();
                long id = facts.taskId();
                if (facts.schedule().recurs()) {
                    for (TaskOccurrence occurrence : facts.schedule().between(null, today, today)) {
                        own.add(new ScoreItem(id, occurrence.dueOn(), occurrence.status(), submitted.get(id + "@" + occurrence.dueOn())));
                    }
                } else {
                    own.add(new ScoreItem(id, facts.scoredDeadline(), facts.task().status(), submitted.get(id + "@null")));
                }
                items.put(id, own);
            }
            return items;
        });
    }

    /**
     * Items by task id as they stood at the end of {@code asOf}: a task once, a recurring task once per occurrence due by
     * then; signed off if signed off by then, submitted if submitted by then (work signed off later was still open).
     */
    Uni<Map<Long, List<ScoreItem>>> asOf(List<TaskFacts> tasks, LocalDate asOf) {
        Long[] ids = tasks.stream().map(TaskFacts::taskId).toArray(Long[]::new);
        return closings.closingDaysOfTasks(ids).map(found -> {
            Map<String, ClosingDays> closing = new HashMap<>();
            found.forEach(days -> closing.put(days.taskId() + "@" + days.occurrenceDue(), days));
            Map<Long, List<ScoreItem>> items = new HashMap<>();
            for (TaskFacts facts : tasks) {
                List<ScoreItem> own = new ArrayList<>();
                long id = facts.taskId();
                if (facts.schedule().recurs()) {
                    for (TaskOccurrence occurrence : facts.schedule().between(null, asOf, asOf)) {
                        own.add(itemAsOf(id, occurrence.dueOn(), occurrence.status(), closing.get(id + "@" + occurrence.dueOn()), asOf));
                    }
                } else {
                    own.add(itemAsOf(id, facts.scoredDeadline(), facts.task().status(), closing.get(id + "@null"), asOf));
                }
                items.put(id, own);
            }
            return items;
        });
    }

    private static ScoreItem itemAsOf(long taskId, LocalDate due, TaskStatus now, ClosingDays closing, LocalDate asOf) {
        LocalDate submitted = closing == null || closing.submittedOn() == null || closing.submittedOn().isAfter(asOf) ? null
                : closing.submittedOn();
        boolean signedOff = closing != null && closing.signedOffOn() != null && !closing.signedOffOn().isAfter(asOf);
        TaskStatus then = signedOff ? TaskStatus.SIGNED_OFF
                : now == TaskStatus.SIGNED_OFF || now == TaskStatus.SUBMITTED ? (submitted != null ? TaskStatus.SUBMITTED : TaskStatus.IN_PROGRESS)
                : now;
        return new ScoreItem(taskId, due, then, submitted);
    }

    /** The day (Asia/Shanghai) of each occurrence's latest submission, keyed task@due ("null" for a non-recurring task). */
    private Uni<Map<String, LocalDate>> lastSubmissions(Long[] taskIds) {
        return pool.preparedQuery("select distinct on (task_id, occurrence_due) task_id, occurrence_due,"
                + " " + ChinaTime.daySql("changed_at") + " as day from task_status_change"
                + " where task_id = any($1) and to_status = 'SUBMITTED' order by task_id, occurrence_due, changed_at desc")
                .execute(Tuple.of((Object) taskIds))
                .map(rows -> {
                    Map<String, LocalDate> days = new HashMap<>();
                    for (Row row : rows) {
                        days.put(row.getLong("task_id") + "@" + row.getLocalDate("occurrence_due"), row.getLocalDate("day"));
                    }
                    return days;
                });
    }
}
