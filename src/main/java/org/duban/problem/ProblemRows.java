package org.duban.problem;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one writer of {@code plan_problem} and {@code plan_problem_task}: a plan's problems made the given ones, those
 * with the same number keeping their id. Runs in the caller's transaction (setting them, importing a plan file).
 */
@ApplicationScoped
public class ProblemRows {

    /** A problem checked, with its tasks' ids. */
    public record Wanted(String number, String text, String sourceDocument, List<Long> taskIds) {
    }

    public Uni<Void> replace(SqlClient sql, long planId, List<Wanted> problems, Instant now) {
        var at = now.atOffset(ZoneOffset.UTC);
        String[] numbers = problems.stream().map(Wanted::number).toArray(String[]::new);
        String[] texts = problems.stream().map(Wanted::text).toArray(String[]::new);
        String[] sources = problems.stream().map(Wanted::sourceDocument).toArray(String[]::new);
        Integer[] ordinals = new Integer[problems.size()];
        List<String> linkNumbers = new ArrayList<>();
        List<Long> linkTasks = new ArrayList<>();
        for (int i = 0; i < problems.size(); i++) {
            ordinals[i] = i + 1;
            for (Long task : problems.get(i).taskIds()) {
                linkNumbers.add(problems.get(i).number());
                linkTasks.add(task);
            }
        }
        return sql.preparedQuery("delete from plan_problem where plan_id = $1 and not (number = any($2))")
                .execute(Tuple.of(planId, numbers))
                .chain(() -> sql.preparedQuery("insert into plan_problem (plan_id, ordinal, number, text, source_document,"
                        + " created_at, updated_at) select $1, x.ordinal, x.number, x.text, x.source, $6, $6"
                        + " from unnest($2::int[], $3::text[], $4::text[], $5::text[]) as x(ordinal, number, text, source)"
                        + " on conflict (plan_id, number) do update set ordinal = excluded.ordinal, text = excluded.text,"
                        + " source_document = excluded.source_document, updated_at = excluded.updated_at,"
                        + " version = plan_problem.version + 1"
                        + " where (plan_problem.ordinal, plan_problem.text, plan_problem.source_document)"
                        + " is distinct from (excluded.ordinal, excluded.text, excluded.source_document)")
                        .execute(Tuple.from(new Object[] { planId, ordinals, numbers, texts, sources, at })))
                .chain(() -> sql.preparedQuery("with wanted as (select p.id as problem_id, x.task_id"
                        + " from unnest($2::text[], $3::bigint[]) as x(number, task_id)"
                        + " join plan_problem p on p.plan_id = $1 and p.number = x.number),"
                        + " removed as (delete from plan_problem_task pt using plan_problem p where p.id = pt.problem_id"
                        + " and p.plan_id = $1 and (pt.problem_id, pt.task_id) not in (select problem_id, task_id from wanted))"
                        + " insert into plan_problem_task (problem_id, task_id) select problem_id, task_id from wanted"
                        + " on conflict do nothing")
                        .execute(Tuple.of(planId, linkNumbers.toArray(String[]::new), linkTasks.toArray(Long[]::new))))
                .replaceWithVoid();
    }
}
