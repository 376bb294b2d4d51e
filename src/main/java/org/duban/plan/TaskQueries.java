package org.duban.plan;

import static org.duban.common.sql.Rows.map;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers.Caller;
import org.duban.common.ChinaTime;
import org.duban.common.Found;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.page.KeysetPage;
import org.duban.common.page.PageRequest;
import org.duban.common.sql.Batches;
import org.duban.common.sql.Like;
import org.duban.common.sql.SqlParams;
import org.duban.unit.Unit;
import org.duban.unit.UnitSet;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads of tasks and what hangs off them. Each method is one SQL statement, whatever the number of tasks
 * or the page size, so GraphQL fields built on them cost one statement per level of the query.
 */
@ApplicationScoped
public class TaskQueries {

    private static final String FROM = " from task t join plan p on p.id = t.plan_id";
    /** A task without a deadline comes after every dated one. */
    private static final String DUE_KEY = "coalesce(t.deadline, 'infinity'::date)";
    /** The task list: deadline first, then document order. */
    private static final KeysetPage BY_DEADLINE = KeysetPage.ascending("due",
            new KeysetPage.Key(DUE_KEY, "due_key", KeysetPage.DATE_OR_INFINITY),
            new KeysetPage.Key("t.sort_path", "sort_path", KeysetPage.PATH), new KeysetPage.Key("t.id", "id", KeysetPage.LONG));
    /** A plan's tasks as the document lists them. */
    private static final KeysetPage IN_DOCUMENT_ORDER = KeysetPage.ascending("doc",
            new KeysetPage.Key("t.sort_path", "sort_path", KeysetPage.PATH), new KeysetPage.Key("t.id", "id", KeysetPage.LONG));

    private final Pool pool;
    private final Clock clock;

    TaskQueries(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** The task list: deadline first (tasks without one last), then document order. */
    public Uni<TaskConnection> page(TaskFilter filter, PageRequest page, Caller caller) {
        LocalDate today = ChinaTime.today(clock);
        SqlParams params = new SqlParams();
        String where = conditions(filter == null ? emptyFilter() : filter, today, params) + " and "
                + TaskVisibility.task(caller, "t", params);
        String sql = BY_DEADLINE.sql(DUE_KEY + " as due_key, " + Task.COLUMNS, " from task t", " join plan p on p.id = t.plan_id",
                where, page, params);
        return pool.preparedQuery(sql).execute(params.tuple())
                .map(rows -> TaskConnection.of(BY_DEADLINE.slice(rows, page, row -> Task.from(row, today))));
    }

    /** The tasks of each plan the caller may see, in document order, one page per plan. */
    public Uni<List<TaskConnection>> pagesOfPlans(List<Plan> plans, PageRequest page, Caller caller) {
        LocalDate today = ChinaTime.today(clock);
        SqlParams params = new SqlParams();
        String plansParam = params.bind(Batches.keys(plans, Plan::id));
        String visible = TaskVisibility.task(caller, "t", params);
        String sql = "select pid as plan_key, totals.total_count, page.* from unnest(" + plansParam + "::bigint[]) as pid"
                + " cross join lateral (select count(*)::int as total_count from task t"
                + " where t.plan_id = pid and t.deleted_at is null and " + visible + ") totals"
                + " left join lateral (select " + Task.COLUMNS + FROM
                + " where t.plan_id = pid and t.deleted_at is null and " + visible + IN_DOCUMENT_ORDER.after(page, params)
                + " order by " + IN_DOCUMENT_ORDER.orderBy(null) + " limit " + params.bind(page.first() + 1) + ") page on true"
                + " order by pid, " + IN_DOCUMENT_ORDER.orderBy("page");
        return pool.preparedQuery(sql).execute(params.tuple()).map(rows -> {
            List<List<Row>> perPlan = Batches.grouped(plans, Plan::id, rows, row -> row.getLong("plan_key"));
            List<TaskConnection> result = new ArrayList<>(plans.size());
            for (List<Row> planRows : perPlan) {
                result.add(TaskConnection.of(IN_DOCUMENT_ORDER.slice(planRows, page, row -> Task.from(row, today))));
            }
            return result;
        });
    }

    public Uni<List<Task>> byIds(Long[] ids) {
        LocalDate today = ChinaTime.today(clock);
        return pool.preparedQuery("select " + Task.COLUMNS + FROM + " where t.id = any($1) and t.deleted_at is null")
                .execute(Tuple.of(ids))
                .map(rows -> map(rows, row -> Task.from(row, today)));
    }

    /** The task as a mutation answers with it: NOT_FOUND when the caller may not see it. */
    public Uni<Task> visible(long id, Caller caller) {
        return byIds(new Long[] { id }, caller).map(found -> Found.one(found, "Task", id));
    }

    /** Those of the tasks the caller may see. */
    public Uni<List<Task>> byIds(Long[] ids, Caller caller) {
        LocalDate today = ChinaTime.today(clock);
        SqlParams params = new SqlParams();
        return pool.preparedQuery("select " + Task.COLUMNS + FROM + " where t.id = any(" + params.bind(ids)
                + ") and t.deleted_at is null and " + TaskVisibility.task(caller, "t", params))
                .execute(params.tuple())
                .map(rows -> map(rows, row -> Task.from(row, today)));
    }

    public Uni<List<Task>> childrenOf(Long[] parentIds, Caller caller) {
        LocalDate today = ChinaTime.today(clock);
        SqlParams params = new SqlParams();
        return pool.preparedQuery("select " + Task.COLUMNS + FROM + " where t.parent_id = any(" + params.bind(parentIds)
                + ") and t.deleted_at is null and " + TaskVisibility.task(caller, "t", params) + " order by t.sort_path")
                .execute(params.tuple())
                .map(rows -> map(rows, row -> Task.from(row, today)));
    }

    /** Every unit responsible for the tasks, with the unit itself and the set it came through. */
    public Uni<List<TaskAssignment>> assignmentsOf(Long[] taskIds) {
        return pool.preparedQuery("select tu.task_id, tu.role, " + Unit.columns("u", "unit_") + ", "
                + UnitSet.columns("s", "set_") + " from task_unit tu join unit u on u.id = tu.unit_id"
                + " left join unit_set s on s.id = tu.via_set_id"
                + " where tu.task_id = any($1) order by tu.task_id, tu.ordinal, u.id")
                .execute(Tuple.of(taskIds))
                .map(rows -> map(rows, row -> new TaskAssignment(
                        Unit.from(row, "unit_"),
                        AssignmentRole.valueOf(row.getString("role")),
                        row.getLong("set_id") == null ? null : UnitSet.from(row, "set_"),
                        row.getLong("task_id"))));
    }

    public Uni<List<TaskUnitSet>> unitSetsOf(Long[] taskIds) {
        return pool.preparedQuery("select a.task_id, " + UnitSet.columns("s", "") + " from task_assignment a"
                + " join unit_set s on s.id = a.unit_set_id where a.task_id = any($1) order by a.task_id, a.ordinal")
                .execute(Tuple.of(taskIds))
                .map(rows -> map(rows, row -> new TaskUnitSet(row.getLong("task_id"), UnitSet.from(row, ""))));
    }

    public record TaskUnitSet(long taskId, UnitSet unitSet) {
    }

    public Uni<List<Deliverable>> deliverablesOf(Long[] taskIds) {
        return pool.preparedQuery("select id, task_id, ordinal, title, done, done_at from deliverable"
                + " where task_id = any($1) order by task_id, ordinal")
                .execute(Tuple.of(taskIds))
                .map(rows -> map(rows, Deliverable::from));
    }

    private static String conditions(TaskFilter filter, LocalDate today, SqlParams params) {
        List<String> where = new ArrayList<>();
        where.add("t.deleted_at is null");
        if (filter.planId() != null) {
            where.add("t.plan_id = " + params.bind(Ids.parse(filter.planId(), IdKind.PLAN)));
        }
        if (filter.unitId() != null) {
            where.add("exists (select 1 from task_unit tu where tu.task_id = t.id and tu.unit_id = "
                    + params.bind(Ids.parse(filter.unitId(), IdKind.UNIT)) + ")");
        }
        if (filter.status() != null && !filter.status().isEmpty()) {
            where.add("t.status = any(" + params.bind(filter.status().stream().map(Enum::name).toArray(String[]::new)) + ")");
        }
        // The range is on the list's own order key, so the deadline index reads only the range.
        if (filter.dueFrom() != null) {
            where.add(DUE_KEY + " >= " + params.bind(filter.dueFrom()) + " and t.deadline is not null");
        }
        if (filter.dueTo() != null) {
            where.add(DUE_KEY + " <= " + params.bind(filter.dueTo()));
        }
        if (filter.overdue() != null) {
            String overdue = "(t.deadline < " + params.bind(today) + " and is_open(t.status))";
            where.add(filter.overdue() ? overdue : "not coalesce(" + overdue + ", false)");
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String pattern = params.bind(Like.containing(filter.text()));
            where.add("(t.code ilike " + pattern + " or t.title ilike " + pattern
                    + " or coalesce(t.description, '') ilike " + pattern + ")");
        }
        return String.join(" and ", where);
    }

    private static TaskFilter emptyFilter() {
        return new TaskFilter(null, null, null, null, null, null, null);
    }
}
