package org.duban.audit;

import static org.duban.common.sql.Rows.map;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.page.KeysetPage;
import org.duban.common.page.PageRequest;
import org.duban.common.sql.SqlParams;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads of the audit trail, newest first; there are no writes here: the triggers of V4 write it. */
@ApplicationScoped
public class AuditQueries {

    private static final KeysetPage NEWEST_FIRST = KeysetPage.descending("audit", new KeysetPage.Key("l.id", "id", KeysetPage.LONG));

    private final Pool pool;

    AuditQueries(Pool pool) {
        this.pool = pool;
    }

    /** A page of the entries of the regions given, and of no region when {@code unplaced}. */
    public Uni<AuditConnection> page(AuditFilter filter, PageRequest page, Long[] regions, boolean unplaced) {
        SqlParams params = new SqlParams();
        List<String> where = new ArrayList<>();
        where.add("(l.region_id = any (" + params.bind(regions) + ")" + (unplaced ? " or l.region_id is null)" : ")"));
        if (filter != null) {
            if (filter.entityType() != null) {
                where.add("l.entity_type = " + params.bind(filter.entityType()));
            }
            if (filter.entityId() != null) {
                // the log keeps row keys; a global id is looked for by the key it seals
                String rowKey = Ids.open(filter.entityId()).map(named -> String.valueOf(named.rowKey())).orElse(filter.entityId());
                where.add("l.entity_id = " + params.bind(rowKey));
            }
            if (filter.actorId() != null) {
                where.add("l.actor_id = " + params.bind(Ids.parse(filter.actorId(), IdKind.ACCOUNT)));
            }
            if (filter.from() != null) {
                where.add("l.at >= " + params.bind(filter.from().atOffset(ZoneOffset.UTC)));
            }
            if (filter.to() != null) {
                where.add("l.at < " + params.bind(filter.to().atOffset(ZoneOffset.UTC)));
            }
        }
        String sql = NEWEST_FIRST.sql(AuditEntry.COLUMNS, " from audit_log l", String.join(" and ", where), page, params);
        return pool.preparedQuery(sql).execute(params.tuple())
                .map(rows -> AuditConnection.of(NEWEST_FIRST.slice(rows, page, AuditEntry::from)));
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
