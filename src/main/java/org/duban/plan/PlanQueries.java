package org.duban.plan;

import static org.duban.common.sql.Rows.map;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers.Caller;
import org.duban.common.sql.SqlParams;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class PlanQueries {

    private final Pool pool;

    PlanQueries(Pool pool) {
        this.pool = pool;
    }

    /** The plans the caller may see, newest first. */
    public Uni<List<Plan>> plans(Caller caller) {
        SqlParams params = new SqlParams();
        return pool.preparedQuery("select " + Plan.COLUMNS + " from plan p where " + TaskVisibility.plan(caller, "p", params)
                + " order by p.issued_on desc, p.id desc").execute(params.tuple())
                .map(rows -> map(rows, Plan::from));
    }

    public Uni<List<Plan>> byIds(Long[] ids) {
        return pool.preparedQuery("select " + Plan.COLUMNS + " from plan p where p.id = any($1)")
                .execute(Tuple.of(ids))
                .map(rows -> map(rows, Plan::from));
    }

    /** Those of the plans the caller may see. */
    public Uni<List<Plan>> byIds(Long[] ids, Caller caller) {
        SqlParams params = new SqlParams();
        return pool.preparedQuery("select " + Plan.COLUMNS + " from plan p where p.id = any(" + params.bind(ids) + ") and "
                + TaskVisibility.plan(caller, "p", params))
                .execute(params.tuple())
                .map(rows -> map(rows, Plan::from));
    }

    public Uni<List<BasisDocument>> basisDocumentsOf(Long[] planIds) {
        return pool.preparedQuery("select plan_id, number, title, issuer from plan_basis_document"
                + " where plan_id = any($1) order by plan_id, ordinal")
                .execute(Tuple.of(planIds))
                .map(rows -> map(rows, BasisDocument::from));
    }

    public Uni<List<PlanAddressee>> addresseesOf(Long[] planIds) {
        return pool.preparedQuery("select plan_id, unit_id, unit_set_id from plan_addressee where plan_id = any($1)"
                + " order by plan_id, ordinal")
                .execute(Tuple.of(planIds))
                .map(rows -> map(rows, row -> new PlanAddressee(row.getLong("plan_id"), row.getLong("unit_id"),
                        row.getLong("unit_set_id"))));
    }

    /**
     * What deserves a look in a plan: unit sets its tasks are assigned to that stand for no unit today, and
     * tasks that nobody is responsible for (sections of other tasks need nobody).
     */
    /** On the import's connection: a dry run reads what it would have written before rolling it back. */
    public Uni<List<String>> warnings(SqlClient sql, long planId) {
        return sql.preparedQuery("select 'Unit set ' || s.name || ' has no units: nobody is responsible through it for '"
                + " || string_agg(t.code, ', ' order by t.sort_path) as warning"
                + " from task t join task_assignment a on a.task_id = t.id join unit_set s on s.id = a.unit_set_id"
                + " where t.plan_id = $1 and t.deleted_at is null"
                + " and not exists (select 1 from unit_set_unit su where su.set_id = s.id) group by s.name"
                + " union all"
                + " select 'Task ' || t.code || case when t.deadline is not null then ' has a deadline but no responsible unit'"
                + " else ' has no responsible unit' end from task t"
                + " where t.plan_id = $1 and t.deleted_at is null"
                + " and not exists (select 1 from task_unit tu where tu.task_id = t.id)"
                + " and not exists (select 1 from task c where c.parent_id = t.id and c.deleted_at is null)")
                .execute(Tuple.of(planId))
                .map(rows -> map(rows, row -> row.getString("warning")));
    }
}
