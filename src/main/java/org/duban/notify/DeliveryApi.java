package org.duban.notify;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.Callers;
import org.duban.access.Roles;
import org.duban.common.DubanException;
import org.duban.common.graphql.Selections;
import org.duban.common.page.PageRequest;
import org.duban.common.sql.Batches;
import org.duban.plan.Task;
import org.duban.plan.TaskQueries;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@Authenticated
public class DeliveryApi {

    private final DeliveryQueries deliveries;
    private final Deliveries writer;
    private final TaskQueries tasks;
    private final Clock clock;

    private final Context context;
    private final Callers callers;

    DeliveryApi(DeliveryQueries deliveries, Deliveries writer, TaskQueries tasks, Clock clock, Context context, Callers callers) {
        this.context = context;
        this.callers = callers;
        this.deliveries = deliveries;
        this.writer = writer;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Query
    @RolesAllowed({ Roles.ADMIN, Roles.LEADER })
    @Description("Webhook and e-mail deliveries of reminders and notices of the regions the caller oversees, newest first "
            + "(ADMIN, LEADER): what failed, what is dead and why.")
    public Uni<@NonNull DeliveryConnection> deliveries(DeliveryFilter filter, Integer first, String after) {
        PageRequest page = PageRequest.of(first, after).counting(Selections.asks(context, "totalCount"));
        return callers.current().chain(caller -> deliveries.page(filter, page, caller.overseenRegions().toArray(Long[]::new)));
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Gives a DEAD or CANCELLED delivery a fresh round of attempts, starting now (ADMIN).")
    public Uni<@NonNull Delivery> retryDelivery(@NonNull @Id String id) {
        return writer.retry(uuid(id), clock.instant());
    }

    @Description("The task reminded of or noticed about; null for a notice about a whole plan (an inspection)")
    public Uni<List<Task>> task(@Source List<Delivery> deliveries) {
        return tasks.byIds(Batches.keys(deliveries, Delivery::taskId))
                .map(found -> Batches.single(deliveries, Delivery::taskId, found, Task::id));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw DubanException.validation("id", "not a delivery id: " + id);
        }
    }
}
