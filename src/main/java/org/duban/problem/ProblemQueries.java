package org.duban.problem;

import static org.duban.common.sql.Rows.map;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers.Caller;
import org.duban.common.ChinaTime;
import org.duban.common.sql.SqlParams;
import org.duban.plan.Task;
import org.duban.plan.TaskVisibility;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Plans' problems with where they stand (V15's plan_problem_state), one statement for any number of plans. */
@ApplicationScoped
public class ProblemQueries {

    private final Pool pool;
    private final Clock clock;

    ProblemQueries(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<List<Problem>> ofPlans(Long[] planIds) {
        return pool.preparedQuery("select pr.id, pr.plan_id, pr.number, pr.text, pr.source_document, s.tasks, s.signed_off,"
                + " s.last_signed_off_on, s.all_on_time from plan_problem pr join plan_problem_state s on s.problem_id = pr.id"
                + " where pr.plan_id = any($1) order by pr.plan_id, pr.ordinal")
                .execute(Tuple.of((Object) planIds))
                .map(rows -> map(rows, ProblemQueries::problem));
    }

    private static Problem problem(Row row) {
        int tasks = row.getInteger("tasks");
        int signedOff = row.getInteger("signed_off");
        boolean cleared = tasks > 0 && signedOff == tasks;
        return new Problem(row.getLong("id"), row.getString("number"), row.getString("text"), row.getString("source_document"),
                tasks, signedOff, cleared, cleared ? row.getLocalDate("last_signed_off_on") : null,
                cleared ? row.getBoolean("all_on_time") : null, row.getLong("plan_id"));
    }

    /** A task rectifying a problem. */
    public record ProblemTask(long problemId, Task task) {
    }

    /** The problems' live tasks the caller may see, in document order. */
    public Uni<List<ProblemTask>> tasksOf(Long[] problemIds, Caller caller) {
        LocalDate today = ChinaTime.today(clock);
        SqlParams params = new SqlParams();
        return pool.preparedQuery("select pt.problem_id, " + Task.COLUMNS + " from plan_problem_task pt join task t on t.id = pt.task_id"
                + " join plan p on p.id = t.plan_id where pt.problem_id = any(" + params.bind(problemIds) + ")"
                + " and t.deleted_at is null and " + TaskVisibility.task(caller, "t", params) + " order by pt.problem_id, t.sort_path")
                .execute(params.tuple())
                .map(rows -> map(rows, row -> new ProblemTask(row.getLong("problem_id"), Task.from(row, today))));
    }
}
