package org.duban.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The writes of {@code task} and {@code plan} rows on the SQL client, in the caller's transaction: status moves,
 * approved extensions, reminder policies, and the version a change elsewhere (the checklist) raises. Each raises
 * the row's version, so an edit holding the old one answers CONFLICT. Editing by hand and importing write the same
 * rows through Hibernate Reactive (TaskService, PlanService, PlanStore, PlanImporter) until they move here.
 */
@ApplicationScoped
public class PlanRows {

    /** A non-recurring task's status (a recurring one's occurrences have their own). */
    public Uni<Void> setTaskStatus(SqlClient sql, long taskId, TaskStatus status, Instant now) {
        return sql.preparedQuery("update task set status = $2, updated_at = $3, version = version + 1 where id = $1")
                .execute(Tuple.of(taskId, status.name(), utc(now))).replaceWithVoid();
    }

    /** Something of the task's changed (its checklist): its version moves on. */
    public Uni<Void> touchTask(SqlClient sql, long taskId, Instant now) {
        return sql.preparedQuery("update task set updated_at = $2, version = version + 1 where id = $1")
                .execute(Tuple.of(taskId, utc(now))).replaceWithVoid();
    }

    /** An approved extension: the deadline moves, the first one stays as {@code original_deadline}. */
    public Uni<Void> extendDeadline(SqlClient sql, long taskId, LocalDate deadline, boolean scoreAgainstNew, Instant now) {
        return sql.preparedQuery("update task set original_deadline = coalesce(original_deadline, deadline),"
                + " deadline = $2, score_against_new_deadline = $3, updated_at = $4, version = version + 1 where id = $1")
                .execute(Tuple.of(taskId, deadline, scoreAgainstNew, utc(now))).replaceWithVoid();
    }

    /** The task's own reminder policy (null days: its plan's applies); false when there is no such live task. */
    public Uni<Boolean> setTaskReminderPolicy(SqlClient sql, long taskId, Integer[] daysBefore, Integer escalateAfterDays,
            Instant now) {
        return sql.preparedQuery("update task set reminder_days_before = $2, escalate_after_days = $3, updated_at = $4,"
                + " version = version + 1 where id = $1 and deleted_at is null")
                .execute(Tuple.of(taskId, daysBefore, escalateAfterDays, utc(now)))
                .map(rows -> rows.rowCount() > 0);
    }

    /** The plan's reminder policy (null days: the defaults apply); false when there is no such plan. */
    public Uni<Boolean> setPlanReminderPolicy(SqlClient sql, long planId, Integer[] daysBefore, Integer escalateAfterDays,
            Instant now) {
        return sql.preparedQuery("update plan set reminder_days_before = $2, escalate_after_days = $3, updated_at = $4,"
                + " version = version + 1 where id = $1")
                .execute(Tuple.of(planId, daysBefore, escalateAfterDays, utc(now)))
                .map(rows -> rows.rowCount() > 0);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
