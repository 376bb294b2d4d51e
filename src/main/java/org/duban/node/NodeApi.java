package org.duban.node;

import java.util.List;

import org.duban.access.Callers;
import org.duban.access.Callers.Caller;
import org.duban.common.DubanException;
import org.duban.common.Found;
import org.duban.common.Ids;
import org.duban.common.Node;
import org.duban.evidence.EvidenceService;
import org.duban.land.ParcelQueries;
import org.duban.notify.NotificationQueries;
import org.duban.plan.PlanQueries;
import org.duban.plan.TaskQueries;
import org.duban.unit.UnitQueries;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** node(id:): the global id says what it names, and that kind's own read decides whether the caller sees it. */
@GraphQLApi
@Authenticated
public class NodeApi {

    private final Callers callers;
    private final PlanQueries plans;
    private final TaskQueries tasks;
    private final UnitQueries units;
    private final ParcelQueries parcels;
    private final NotificationQueries notifications;
    private final EvidenceService evidence;

    NodeApi(Callers callers, PlanQueries plans, TaskQueries tasks, UnitQueries units, ParcelQueries parcels,
            NotificationQueries notifications, EvidenceService evidence) {
        this.callers = callers;
        this.plans = plans;
        this.tasks = tasks;
        this.units = units;
        this.parcels = parcels;
        this.notifications = notifications;
        this.evidence = evidence;
    }

    @Query
    @Description("The plan, task, unit, parcel, notification or evidence with this global id, if the caller sees it; "
            + "NOT_FOUND otherwise, as for any other id (a deprecated numeric id names no kind, so none here).")
    public Uni<@NonNull Node> node(@NonNull @Id String id) {
        Ids.Named named = Ids.open(id).filter(found -> found.kind() != null).orElseThrow(() -> DubanException.notFound("Node", id));
        Long[] key = { named.rowKey() };
        return callers.current().chain(caller -> find(named, key, caller)).map(found -> Found.one(found, "Node", id));
    }

    private Uni<? extends List<? extends Node>> find(Ids.Named named, Long[] key, Caller caller) {
        return switch (named.kind()) {
            case PLAN -> plans.byIds(key, caller);
            case TASK -> tasks.byIds(key, caller);
            case UNIT -> units.visible(named.rowKey(), caller);
            case PARCEL -> parcels.byIds(key, caller);
            case NOTIFICATION -> caller.accountId() == null ? Uni.createFrom().item(List.of())
                    : notifications.byIds(caller.accountId(), key);
            case EVIDENCE -> evidence.evidence(named.rowKey(), caller);
            default -> Uni.createFrom().item(List.of());
        };
    }
}
