package org.duban.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers.Caller;
import org.duban.common.ChinaTime;
import org.duban.common.sql.SqlParams;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads of plans answering plans, straight from SQL: safe for batched fields. */
@ApplicationScoped
public class CascadeQueries {

    private final Pool pool;
    private final Clock clock;

    CascadeQueries(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** The higher plan each plan answers, keyed by the answering plan. */
    Uni<List<HigherReference>> higherPlans(Long[] planIds) {
        return pool.preparedQuery("select mine.id as owner_id, h.document_number, h.title, null as code, null as task_title"
                + " from plan mine join plan h on h.id = mine.answers_plan_id where mine.id = any ($1)")
                .execute(Tuple.of(planIds)).map(CascadeQueries::references);
    }

    /** The task of the higher plan each task carries out, keyed by the answering task. */
    Uni<List<HigherReference>> higherTasks(Long[] taskIds) {
        return pool.preparedQuery("select t.id as owner_id, hp.document_number, hp.title, h.code, h.title as task_title"
                + " from task t join task h on h.id = t.answers_task_id join plan hp on hp.id = h.plan_id where t.id = any ($1)")
                .execute(Tuple.of(taskIds)).map(CascadeQueries::references);
    }

    /** The tasks the caller sees that carry out any of the tasks, by region code, plan and document order. */
    Uni<List<Cascade.Answering>> answering(Long[] taskIds, Caller caller) {
        LocalDate today = ChinaTime.today(clock);
        SqlParams params = new SqlParams();
        String sql = "select t.answers_task_id, p.region_id, " + Task.COLUMNS + " from task t join plan p on p.id = t.plan_id"
                + " join region r on r.id = p.region_id where t.answers_task_id = any (" + params.bind(taskIds)
                + ") and t.deleted_at is null and " + TaskVisibility.task(caller, "t", params) + " order by r.code, p.id, t.sort_path";
        return pool.preparedQuery(sql).execute(params.tuple()).map(rows -> {
            List<Cascade.Answering> found = new ArrayList<>();
            rows.forEach(row -> found.add(new Cascade.Answering(row.getLong("answers_task_id"), row.getLong("region_id"),
                    Task.from(row, today))));
            return found;
        });
    }

    private static List<HigherReference> references(Iterable<Row> rows) {
        List<HigherReference> found = new ArrayList<>();
        rows.forEach(row -> found.add(new HigherReference(row.getString("document_number"), row.getString("title"),
                row.getString("code"), row.getString("task_title"), row.getLong("owner_id"))));
        return found;
    }
}
