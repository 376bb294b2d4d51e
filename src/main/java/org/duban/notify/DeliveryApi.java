package org.duban.notify;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;
import org.duban.common.Ids;
import org.duban.common.page.Cursor;
import org.duban.common.page.PageRequest;
import org.duban.common.page.Slice;
import org.duban.common.sql.Batches;
import org.duban.common.sql.SqlParams;
import org.duban.plan.Task;
import org.duban.plan.TaskQueries;
import org.duban.access.Roles;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@GraphQLApi
@Authenticated
public class DeliveryApi {

    private final Pool pool;
    private final AuditTrail audit;
    private final TaskQueries tasks;
    private final Clock clock;

    DeliveryApi(Pool pool, AuditTrail audit, TaskQueries tasks, Clock clock) {
        this.pool = pool;
        this.audit = audit;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Query
    @RolesAllowed({ Roles.ADMIN, Roles.LEADER })
    @Description("Webhook and e-mail deliveries of reminders and notices, newest first (ADMIN, LEADER): what failed, what is "
            + "dead and why.")
    public Uni<@NonNull DeliveryConnection> deliveries(DeliveryFilter filter, Integer first, String after) {
        PageRequest page = PageRequest.of(first, after);
        SqlParams params = new SqlParams();
        StringBuilder where = new StringBuilder("true");
        if (filter != null && filter.status() != null && !filter.status().isEmpty()) {
            where.append(" and d.status = any(").append(params.bind(filter.status().stream().map(Enum::name).toArray(String[]::new)))
                    .append(")");
        }
        if (filter != null && filter.channel() != null) {
            where.append(" and d.channel = ").append(params.bind(filter.channel()));
        }
        if (filter != null && filter.taskId() != null) {
            where.append(" and coalesce(r.task_id, n.task_id) = ").append(params.bind(Ids.parse(filter.taskId(), "Task")));
        }
        String keyset = "";
        if (page.after() != null) {
            List<String> cursor = Cursor.decode(page.after(), "delivery", 2);
            keyset = " and (d.created_at, d.id) < (" + params.bind(cursorTime(cursor.get(0))) + ", "
                    + params.bind(cursorId(cursor.get(1))) + ")";
        }
        String sql = "with total as (select count(*)::int as total_count" + Delivery.FROM + " where " + where + ")"
                + " select total.total_count, page.* from total left join lateral (select " + Delivery.COLUMNS + Delivery.FROM
                + " where " + where + keyset + " order by d.created_at desc, d.id desc limit " + params.bind(page.first() + 1)
                + ") page on true order by page.created_at desc, page.id desc";
        return pool.preparedQuery(sql).execute(params.tuple())
                .map(rows -> DeliveryConnection.of(Slice.of(rows, page, Delivery::from,
                        row -> Cursor.encode("delivery", row.getOffsetDateTime("created_at").toString(), row.getUUID("id").toString()))));
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Gives a DEAD or CANCELLED delivery a fresh round of attempts, starting now (ADMIN).")
    public Uni<@NonNull Delivery> retryDelivery(@NonNull @Id String id) {
        UUID deliveryId = uuid(id);
        return audit.withTransaction(connection -> connection.preparedQuery("with retried as (update delivery set status = 'PENDING', attempts = 0, next_attempt_at = $2,"
                + " last_error = null, lease_until = null where id = $1 and status in ('DEAD', 'CANCELLED') returning *)"
                + " select true as retried, " + Delivery.COLUMNS + " from retried d" + Delivery.JOINS
                + " union all select false, " + Delivery.COLUMNS + Delivery.FROM + " where d.id = $1 and not exists (select 1 from retried)")
                .execute(Tuple.of(deliveryId, clock.instant().atOffset(ZoneOffset.UTC))))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw DubanException.notFound("Delivery", id);
                    }
                    Row row = rows.iterator().next();
                    Delivery delivery = Delivery.from(row);
                    if (!row.getBoolean("retried")) {
                        throw DubanException.conflict("Only a DEAD or CANCELLED delivery can be retried; this one is " + delivery.status());
                    }
                    return delivery;
                });
    }

    @Description("The task reminded of or noticed about; null for a notice about a whole plan (an inspection)")
    public Uni<List<Task>> task(@Source List<Delivery> deliveries) {
        return tasks.byIds(Batches.keys(deliveries, Delivery::taskId))
                .map(found -> Batches.single(deliveries, Delivery::taskId, found, Task::id));
    }

    private static OffsetDateTime cursorTime(String part) {
        try {
            return OffsetDateTime.parse(part);
        } catch (DateTimeParseException e) {
            throw Cursor.invalid();
        }
    }

    private static UUID cursorId(String part) {
        try {
            return UUID.fromString(part);
        } catch (IllegalArgumentException e) {
            throw Cursor.invalid();
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw DubanException.validation("id", "not a delivery id: " + id);
        }
    }
}
