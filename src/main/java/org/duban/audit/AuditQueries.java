package org.duban.audit;

import static org.duban.common.sql.Rows.map;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.Ids;
import org.duban.common.page.Cursor;
import org.duban.common.page.PageRequest;
import org.duban.common.page.Slice;
import org.duban.common.sql.SqlParams;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads of the audit trail, newest first; there are no writes here: the triggers of V4 write it. */
@ApplicationScoped
public class AuditQueries {

    private final Pool pool;

    AuditQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<AuditConnection> page(AuditFilter filter, PageRequest page) {
        SqlParams params = new SqlParams();
        List<String> where = new ArrayList<>();
        where.add("true");
        if (filter != null) {
            if (filter.entityType() != null) {
                where.add("l.entity_type = " + params.bind(filter.entityType()));
            }
            if (filter.entityId() != null) {
                where.add("l.entity_id = " + params.bind(filter.entityId()));
            }
            if (filter.actorId() != null) {
                where.add("l.actor_id = " + params.bind(Ids.parse(filter.actorId(), "User")));
            }
            if (filter.from() != null) {
                where.add("l.at >= " + params.bind(filter.from().atOffset(ZoneOffset.UTC)));
            }
            if (filter.to() != null) {
                where.add("l.at < " + params.bind(filter.to().atOffset(ZoneOffset.UTC)));
            }
        }
        String conditions = String.join(" and ", where);
        String keyset = page.after() == null ? ""
                : " and l.id < " + params.bind(Cursor.id(Cursor.decode(page.after(), "audit", 1).get(0)));
        String sql = "with total as (select count(*)::int as total_count from audit_log l where " + conditions + ")"
                + " select total.total_count, page.* from total left join lateral (select " + AuditEntry.COLUMNS
                + " from audit_log l where " + conditions + keyset + " order by l.id desc limit " + params.bind(page.first() + 1)
                + ") page on true order by page.id desc";
        return pool.preparedQuery(sql).execute(params.tuple())
                .map(rows -> AuditConnection.of(Slice.of(rows, page, AuditEntry::from,
                        row -> Cursor.encode("audit", String.valueOf(row.getLong("id"))))));
    }

    /** The latest {@code limit} entries of each task: its own rows and those of its assignments, checklist, status, measures. */
    public Uni<List<AuditEntry>> latestOfTasks(Long[] taskIds, int limit) {
        return pool.preparedQuery("select " + AuditEntry.COLUMNS + " from unnest($1::bigint[]) as k(task_id)"
                + " cross join lateral (select * from audit_log l where l.task_id = k.task_id order by l.id desc limit $2) l"
                + " order by l.task_id, l.id desc")
                .execute(Tuple.of(taskIds, limit))
                .map(rows -> map(rows, AuditEntry::from));
    }
}
