package org.duban.notify;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.page.KeysetPage;
import org.duban.common.page.PageRequest;
import org.duban.common.sql.SqlParams;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Reads of webhook and e-mail deliveries, for the office. */
@ApplicationScoped
public class DeliveryQueries {

    private static final KeysetPage NEWEST_FIRST = KeysetPage.descending("delivery",
            new KeysetPage.Key("d.created_at", "created_at", KeysetPage.TIMESTAMP),
            new KeysetPage.Key("d.id", "id", KeysetPage.UUID_KEY));

    private final Pool pool;

    DeliveryQueries(Pool pool) {
        this.pool = pool;
    }

    /** A page of the deliveries of the regions given. */
    public Uni<DeliveryConnection> page(DeliveryFilter filter, PageRequest page, Long[] regions) {
        SqlParams params = new SqlParams();
        StringBuilder where = new StringBuilder(Delivery.REGION + " = any (" + params.bind(regions) + ")");
        if (filter != null && filter.status() != null && !filter.status().isEmpty()) {
            where.append(" and d.status = any(").append(params.bind(filter.status().stream().map(Enum::name).toArray(String[]::new)))
                    .append(")");
        }
        if (filter != null && filter.channel() != null) {
            where.append(" and d.channel = ").append(params.bind(filter.channel()));
        }
        if (filter != null && filter.taskId() != null) {
            where.append(" and coalesce(r.task_id, n.task_id) = ").append(params.bind(Ids.parse(filter.taskId(), IdKind.TASK)));
        }
        String sql = NEWEST_FIRST.sql(Delivery.COLUMNS, Delivery.FROM, where.toString(), page, params);
        return pool.preparedQuery(sql).execute(params.tuple())
                .map(rows -> DeliveryConnection.of(NEWEST_FIRST.slice(rows, page, Delivery::from)));
    }
}
