package org.duban.supervision;

import static org.duban.common.sql.Rows.map;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.ChinaTime;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads of what supervision records on tasks: reports, status moves, extensions (instructions: {@link InstructionQueries}). */
@ApplicationScoped
public class SupervisionQueries {

    private final Pool pool;

    SupervisionQueries(Pool pool) {
        this.pool = pool;
    }

    /** The latest report on each task, by any of its units. */
    public Uni<List<ProgressReport>> latestOfTasks(Long[] taskIds) {
        return pool.preparedQuery("select " + ProgressReport.COLUMNS + " from (select distinct on (task_id) * from progress_report"
                + " where task_id = any($1) order by task_id, reported_at desc, id desc) r")
                .execute(Tuple.of((Object) taskIds))
                .map(rows -> map(rows, ProgressReport::from));
    }

    /** When an occurrence (a task without recurrence: its one, due null) was last submitted and last signed off. */
    public record ClosingDays(long taskId, LocalDate occurrenceDue, LocalDate submittedOn, LocalDate signedOffOn) {
    }

    /** The Asia/Shanghai days each occurrence of the tasks was last submitted and last signed off, if ever. */
    public Uni<List<ClosingDays>> closingDaysOfTasks(Long[] taskIds) {
        return pool.preparedQuery("select task_id, occurrence_due,"
                + " " + ChinaTime.daySql("max(changed_at) filter (where to_status = 'SUBMITTED')") + " as submitted_on,"
                + " " + ChinaTime.daySql("max(changed_at) filter (where to_status = 'SIGNED_OFF')") + " as signed_off_on"
                + " from task_status_change where task_id = any($1) and to_status in ('SUBMITTED', 'SIGNED_OFF')"
                + " group by task_id, occurrence_due")
                .execute(Tuple.of((Object) taskIds))
                .map(rows -> map(rows, row -> new ClosingDays(row.getLong("task_id"), row.getLocalDate("occurrence_due"),
                        row.getLocalDate("submitted_on"), row.getLocalDate("signed_off_on"))));
    }

    /** The unit's reports filed from {@code from} to {@code to} (Asia/Shanghai days, both included), oldest first. */
    public Uni<List<ProgressReport>> ofUnitBetween(long unitId, LocalDate from, LocalDate to) {
        return pool.preparedQuery("select " + ProgressReport.COLUMNS + " from progress_report r where r.unit_id = $1"
                + " and r.reported_at >= $2 and r.reported_at < $3 order by r.reported_at, r.id")
                .execute(Tuple.of(unitId, ChinaTime.startOf(from), ChinaTime.startOf(to.plusDays(1))))
                .map(rows -> map(rows, ProgressReport::from));
    }

    /** Each responsible unit's latest report on each task, newest first. */
    public Uni<List<ProgressReport>> latestPerUnitOfTasks(Long[] taskIds) {
        return pool.preparedQuery("select " + ProgressReport.COLUMNS + " from (select distinct on (task_id, unit_id) * from progress_report"
                + " where task_id = any($1) order by task_id, unit_id, reported_at desc, id desc) r order by r.reported_at desc")
                .execute(Tuple.of((Object) taskIds))
                .map(rows -> map(rows, ProgressReport::from));
    }

    /** The newest {@code last} reports of each task. */
    public Uni<List<ProgressReport>> reportsOfTasks(Long[] taskIds, int last) {
        return newestPerTask(taskIds, "progress_report", "r", ProgressReport.COLUMNS, "reported_at", last)
                .map(rows -> map(rows, ProgressReport::from));
    }

    /** The newest {@code last} status moves of each task. */
    public Uni<List<StatusChange>> statusChangesOfTasks(Long[] taskIds, int last) {
        return newestPerTask(taskIds, "task_status_change", "c", StatusChange.COLUMNS, "changed_at", last)
                .map(rows -> map(rows, StatusChange::from));
    }

    /** Deadline extension requests and decisions on each task, oldest first. */
    public Uni<List<DeadlineExtension>> extensionsOfTasks(Long[] taskIds) {
        return pool.preparedQuery("select " + DeadlineExtension.COLUMNS + " from deadline_extension e where e.task_id = any($1)"
                + " order by e.id")
                .execute(Tuple.of((Object) taskIds))
                .map(rows -> map(rows, DeadlineExtension::from));
    }

    /** The newest {@code last} rows of each task in a table with task_id, id and a time column, newest first. */
    private Uni<RowSet<Row>> newestPerTask(Long[] taskIds, String table, String alias, String columns, String time, int last) {
        return pool.preparedQuery("select " + columns + " from (select *, row_number() over (partition by task_id order by "
                + time + " desc, id desc) as place from " + table + " where task_id = any($1)) " + alias
                + " where " + alias + ".place <= $2 order by " + alias + "." + time + " desc, " + alias + ".id desc")
                .execute(Tuple.of(taskIds, last));
    }
}
