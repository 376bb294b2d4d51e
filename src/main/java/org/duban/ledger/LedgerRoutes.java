package org.duban.ledger;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.duban.access.Callers.Caller;
import org.duban.access.RouteCallers;
import org.duban.common.ChinaTime;
import org.duban.common.IdKind;
import org.duban.common.InputChecks;
import org.duban.common.Ids;
import org.duban.common.http.RouteAnswers;
import org.duban.land.LandUse;
import org.duban.land.LandUseState;
import org.duban.land.ParcelCategory;
import org.duban.land.ParcelFilter;
import org.duban.land.StandardLandStage;
import org.duban.plan.TaskFilter;
import org.duban.plan.TaskStatus;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The ledgers as spreadsheets, with the GraphQL token: GET /exports/tasks.xlsx with the task list's filters,
 * /exports/parcels.xlsx with the parcel list's, /exports/quotas/{quotaId}/parcels.xlsx the parcels a quota counts.
 * Each holds what the caller may see through GraphQL, no more.
 */
@ApplicationScoped
class LedgerRoutes {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String TASKS = "/exports/tasks.xlsx";
    static final String PARCELS = "/exports/parcels.xlsx";
    static final String QUOTA_PARCELS = "/exports/quotas/:quotaId/parcels.xlsx";

    private static final Set<String> TASK_FILTERS = Set.of("planId", "unitId", "status", "dueFrom", "dueTo", "overdue", "text");
    private static final Set<String> PARCEL_FILTERS = Set.of("regionId", "townshipId", "zoneId", "category", "useState", "stage",
            "landUse", "standardLand", "suppliedFrom", "suppliedTo", "text");

    private final TaskLedger tasks;
    private final ParcelLedger parcels;
    private final Clock clock;

    LedgerRoutes(TaskLedger tasks, ParcelLedger parcels, Clock clock) {
        this.tasks = tasks;
        this.parcels = parcels;
        this.clock = clock;
    }

    void register(@Observes Router router) {
        router.get(TASKS).handler(context -> export(context, "任务台账", caller -> tasks.export(taskFilter(context), caller)));
        router.get(PARCELS).handler(context -> export(context, "土地台账",
                caller -> parcels.export(parcelFilter(context), caller)));
        router.get(QUOTA_PARCELS).handler(context -> export(context, "计入指标的地块",
                caller -> parcels.exportQuota(Ids.parse(context.pathParam("quotaId"), IdKind.QUOTA), caller)));
        for (String path : new String[] {TASKS, PARCELS, QUOTA_PARCELS}) {
            router.route(path).handler(context -> RouteAnswers.methodNotAllowed(context, "GET"));
        }
    }

    private void export(RoutingContext context, String name, Function<Caller, Uni<Path>> export) {
        RouteCallers.of(context)
                .chain(caller -> Uni.createFrom().deferred(() -> export.apply(caller)))
                .subscribe().with(file -> RouteAnswers.temporaryAttachment(context, file, XLSX,
                        name + "-" + ChinaTime.today(clock) + ".xlsx"), failure -> RouteAnswers.fail(context, failure));
    }

    private static TaskFilter taskFilter(RoutingContext context) {
        QueryParameters query = new QueryParameters(context.queryParams(), TASK_FILTERS);
        TaskFilter filter = new TaskFilter(query.text("planId"), query.text("unitId"), query.enums("status", TaskStatus.class),
                query.date("dueFrom"), query.date("dueTo"), query.bool("overdue"), query.text("text"));
        InputChecks.check("filter", filter);
        return filter;
    }

    private static ParcelFilter parcelFilter(RoutingContext context) {
        QueryParameters query = new QueryParameters(context.queryParams(), PARCEL_FILTERS);
        ParcelFilter filter = new ParcelFilter(query.text("regionId"), query.text("townshipId"), query.text("zoneId"),
                query.one("category", ParcelCategory.class), query.one("useState", LandUseState.class),
                query.one("stage", StandardLandStage.class), query.one("landUse", LandUse.class), query.bool("standardLand"),
                query.date("suppliedFrom"), query.date("suppliedTo"), query.text("text"));
        InputChecks.check("filter", filter);
        return filter;
    }
}
