package org.duban.assignment;

import static org.duban.common.sql.Rows.map;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.ChinaTime;
import org.duban.common.page.Cursor;
import org.duban.common.page.PageRequest;
import org.duban.common.page.Slice;
import org.duban.common.sql.SqlParams;
import org.duban.plan.AssignmentRole;
import org.duban.plan.Task;
import org.duban.plan.TaskStatus;
import org.duban.reminder.calendar.CalendarStore;
import org.duban.reminder.calendar.WorkingCalendar;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** A unit's assignments, overdue first, then by deadline (none last): one statement a page, one for the calendar. */
@ApplicationScoped
public class AssignmentQueries {

    private final Pool pool;
    private final CalendarStore calendars;
    private final Clock clock;

    AssignmentQueries(Pool pool, CalendarStore calendars, Clock clock) {
        this.pool = pool;
        this.calendars = calendars;
        this.clock = clock;
    }

    public Uni<AssignmentConnection> page(long unitId, List<TaskStatus> statuses, PageRequest page) {
        LocalDate today = ChinaTime.today(clock);
        SqlParams params = new SqlParams();
        String todayParam = params.bind(today);
        String where = "tu.unit_id = " + params.bind(unitId) + " and t.deleted_at is null";
        if (statuses != null && !statuses.isEmpty()) {
            where += " and t.status = any(" + params.bind(statuses.stream().map(Enum::name).toArray(String[]::new)) + ")";
        }
        String keyset = "";
        if (page.after() != null) {
            List<String> after = Cursor.decode(page.after(), "assignment", 3);
            keyset = " where (m.not_overdue, m.due_key, m.id) > (" + params.bind(!after.get(0).equals("overdue")) + ", "
                    + params.bind(dueKey(after.get(1))) + "::text::date, " + params.bind(Cursor.id(after.get(2))) + ")";
        }
        String sql = "with matching as (select t.id, tu.role, coalesce(t.deadline, 'infinity'::date) as due_key,"
                + " not coalesce(t.deadline < " + todayParam + " and t.status in ('NOT_STARTED', 'IN_PROGRESS'), false) as not_overdue"
                + " from task t join task_unit tu on tu.task_id = t.id where " + where + "),"
                + " total as (select count(*)::int as total_count from matching)"
                + " select total.total_count, page.* from total left join lateral (select m.role, m.not_overdue,"
                + " m.due_key::text as due_key_text, " + Task.COLUMNS
                + " from matching m join task t on t.id = m.id join plan p on p.id = t.plan_id" + keyset
                + " order by m.not_overdue, m.due_key, m.id limit " + params.bind(page.first() + 1) + ") page on true"
                + " order by page.not_overdue, page.due_key_text, page.id"; // ISO dates sort as text, before 'infinity'
        return calendars.load(pool).chain(calendar -> pool.preparedQuery(sql).execute(params.tuple())
                .map(rows -> AssignmentConnection.of(Slice.of(rows, page, row -> assignment(row, today, calendar),
                        row -> Cursor.encode("assignment", row.getBoolean("not_overdue") ? "due" : "overdue",
                                row.getString("due_key_text"), String.valueOf(row.getLong("id")))))));
    }

    /** The latest status change of each task (of the task itself, not of an occurrence of a recurring one). */
    public Uni<List<ProgressUpdate>> latestProgress(Long[] taskIds) {
        return pool.preparedQuery("select distinct on (c.task_id) c.task_id, c.to_status, c.changed_at, c.reason, a.display_name"
                + " from task_status_change c left join account a on a.id = c.account_id"
                + " where c.task_id = any($1) order by c.task_id, c.changed_at desc, c.id desc")
                .execute(Tuple.of(taskIds))
                .map(rows -> map(rows, row -> new ProgressUpdate(TaskStatus.valueOf(row.getString("to_status")),
                        row.getOffsetDateTime("changed_at").toInstant(), row.getString("display_name"), row.getString("reason"),
                        row.getLong("task_id"))));
    }

    private static Assignment assignment(Row row, LocalDate today, WorkingCalendar calendar) {
        Task task = Task.from(row, today);
        Integer left = null;
        if (task.deadline() != null) {
            left = task.deadline().isBefore(today) ? -calendar.workingDaysBetween(task.deadline(), today)
                    : calendar.workingDaysBetween(today, task.deadline());
        }
        return new Assignment(task, AssignmentRole.valueOf(row.getString("role")), left, task.overdue());
    }

    private static String dueKey(String text) {
        if (!text.equals("infinity")) {
            try {
                LocalDate.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                throw Cursor.invalid();
            }
        }
        return text;
    }
}
