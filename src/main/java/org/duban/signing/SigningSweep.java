package org.duban.signing;

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
import org.duban.plan.AssignmentRole;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The scheduler's part in signing: tells each unit of the tasks newly assigned to it (交办), and reminds it once of
 * those it let pass the time to sign (领办逾期). Both read only the signings still to be told of, through partial
 * indexes, a chunk per transaction with the rows locked and others' locks skipped: instances share the work, and a
 * signing is told of once.
 */
@ApplicationScoped
public class SigningSweep {

    static final int CHUNK = 500;
    /** Longer than any run of days off a calendar holds: the search for the last assignment day now overdue stops here. */
    private static final int MAX_DAYS_BACK = 60;

    private final Notices notices;
    private final SigningSettings settings;

    SigningSweep(Notices notices, SigningSettings settings) {
        this.notices = notices;
        this.settings = settings;
    }

    /** Returns the in-app notifications written. */
    public Uni<Integer> run(Pool pool, WorkingCalendar calendar, Instant now) {
        return chunks(pool, connection -> tellAssigned(connection, calendar, now), 0)
                .chain(assigned -> chunks(pool, connection -> remindOverdue(connection, calendar, now), assigned));
    }

    private record Chunk(int rows, int notifications) {
    }

    private Uni<Integer> chunks(Pool pool, java.util.function.Function<SqlConnection, Uni<Chunk>> step, int sum) {
        return pool.withTransaction(step::apply).chain(chunk -> chunk.rows() == CHUNK
                ? chunks(pool, step, sum + chunk.notifications())
                : Uni.createFrom().item(sum + chunk.notifications()));
    }

    private Uni<Chunk> tellAssigned(SqlConnection connection, WorkingCalendar calendar, Instant now) {
        return connection.preparedQuery("select s.task_id, s.unit_id, s.assigned_on, t.code, t.title, t.deadline,"
                + " t.recurrence is not null as recurs, tu.role,"
                + " coalesce(t.deleted_at is null and is_open(t.status) and tu.unit_id is not null, false) as owed from task_signing s"
                + " join task t on t.id = s.task_id left join task_unit tu on tu.task_id = s.task_id and tu.unit_id = s.unit_id"
                + " where not s.told order by s.assigned_at limit $1 for update of s skip locked")
                .execute(Tuple.of(CHUNK))
                .chain(rows -> {
                    List<Notices.Addressed> told = new ArrayList<>();
                    for (Row row : rows) {
                        if (row.getBoolean("owed")) {
                            long task = row.getLong("task_id");
                            long unit = row.getLong("unit_id");
                            told.add(new Notices.Addressed(unit, new Notices.Event(NotificationKind.ASSIGNED,
                                    "assigned:" + task + ":" + unit + ":" + row.getLocalDate("assigned_on"), task,
                                    MessageText.assigned(row.getString("code"), row.getString("title"), row.getLocalDate("deadline"),
                                            row.getBoolean("recurs"), AssignmentRole.valueOf(row.getString("role")).label(), signBy(calendar, row.getLocalDate("assigned_on"))))));
                        }
                    }
                    return notices.tellEach(connection, told, now)
                            .call(() -> mark(connection, rows, "told"))
                            .map(written -> new Chunk(rows.size(), written));
                });
    }

    private Uni<Chunk> remindOverdue(SqlConnection connection, WorkingCalendar calendar, Instant now) {
        LocalDate today = now.atZone(ChinaTime.ZONE).toLocalDate();
        LocalDate lastOverdue = lastAssignmentDayOverdue(calendar, today);
        if (lastOverdue == null) {
            return Uni.createFrom().item(new Chunk(0, 0));
        }
        // Signings no longer awaited (a closed task, a unit no longer responsible, a return awaiting the office) are
        // marked as well, so that the partial index does not keep them; the office's insisting opens them again.
        return connection.preparedQuery("select s.task_id, s.unit_id, s.assigned_on, t.code, t.title, coalesce(tu.unit_id is not null and "
                + SigningQueries.AWAITED + ", false) as owed from task_signing s join task t on t.id = s.task_id"
                + " left join task_unit tu on tu.task_id = s.task_id and tu.unit_id = s.unit_id"
                + " where s.signed_at is null and not s.overdue_told and s.assigned_on <= $1"
                + " order by s.assigned_on limit $2 for update of s skip locked")
                .execute(Tuple.of(lastOverdue, CHUNK))
                .chain(rows -> {
                    List<Notices.Addressed> told = new ArrayList<>();
                    for (Row row : rows) {
                        if (row.getBoolean("owed")) {
                            long task = row.getLong("task_id");
                            long unit = row.getLong("unit_id");
                            LocalDate assignedOn = row.getLocalDate("assigned_on");
                            told.add(new Notices.Addressed(unit, new Notices.Event(NotificationKind.SIGN_OVERDUE,
                                    "sign-overdue:" + task + ":" + unit + ":" + assignedOn, task,
                                    MessageText.signOverdue(row.getString("code"), row.getString("title"), signBy(calendar, assignedOn)))));
                        }
                    }
                    return notices.tellEach(connection, told, now)
                            .call(() -> mark(connection, rows, "overdue_told"))
                            .map(written -> new Chunk(rows.size(), written));
                });
    }

    LocalDate signBy(WorkingCalendar calendar, LocalDate assignedOn) {
        return calendar.plusWorkingDays(assignedOn, settings.workingDays());
    }

    /** The latest assignment day whose time to sign has passed by today: the search steps back from yesterday. */
    private LocalDate lastAssignmentDayOverdue(WorkingCalendar calendar, LocalDate today) {
        for (LocalDate day = today.minusDays(1); day.isAfter(today.minusDays(MAX_DAYS_BACK)); day = day.minusDays(1)) {
            if (signBy(calendar, day).isBefore(today)) {
                return day;
            }
        }
        return null;
    }

    private static Uni<Void> mark(SqlConnection connection, RowSet<Row> rows, String column) {
        if (rows.size() == 0) {
            return Uni.createFrom().voidItem();
        }
        Long[] tasks = new Long[rows.size()];
        Long[] units = new Long[rows.size()];
        int i = 0;
        for (Row row : rows) {
            tasks[i] = row.getLong("task_id");
            units[i++] = row.getLong("unit_id");
        }
        return connection.preparedQuery("update task_signing s set " + column + " = true from unnest($1::bigint[], $2::bigint[])"
                + " as x(task_id, unit_id) where s.task_id = x.task_id and s.unit_id = x.unit_id")
                .execute(Tuple.of(tasks, units)).replaceWithVoid();
    }
}
