package org.duban.mywork;

import java.util.List;

import org.duban.access.Callers;
import org.duban.common.DubanException;
import org.duban.common.ErrorCode;
import org.duban.common.graphql.Selections;
import org.duban.common.page.PageInfo;
import org.duban.common.page.PageRequest;
import org.duban.common.sql.Batches;
import org.duban.plan.TaskStatus;
import org.duban.supervision.ProgressReport;
import org.duban.supervision.SupervisionQueries;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.api.Nullable;
import io.smallrye.mutiny.Uni;

/** What a unit's staff check on the phone: their unit's assignments, and a calendar feed of the deadlines. */
@GraphQLApi
@Authenticated
public class AssignmentApi {

    private final AssignmentQueries queries;
    private final SupervisionQueries reports;
    private final CalendarFeeds feeds;
    private final Callers callers;
    private final Context context;

    AssignmentApi(AssignmentQueries queries, SupervisionQueries reports, CalendarFeeds feeds, Callers callers, Context context) {
        this.context = context;
        this.queries = queries;
        this.reports = reports;
        this.feeds = feeds;
        this.callers = callers;
    }

    @Query
    @Description("The tasks the caller's unit is responsible for, directly or through a unit set: overdue first, then "
            + "by deadline (none last). Optionally only those in the given statuses. Empty for an account without a unit.")
    public Uni<@NonNull AssignmentConnection> myAssignments(@Nullable List<@NonNull TaskStatus> status, Integer first,
            String after) {
        PageRequest page = PageRequest.of(first, after).counting(Selections.asks(context, "totalCount"));
        return callers.current().chain(caller -> caller.unitId() == null
                ? Uni.createFrom().item(new AssignmentConnection(0, List.of(), new PageInfo(false, page.after() != null, null, null)))
                : queries.page(caller.unitId(), status, page));
    }

    @Description("The latest progress report on the task, by any of its units; null before the first. Status moves "
            + "with their reasons are in task.statusChanges.")
    public Uni<List<ProgressReport>> latestProgress(@Source List<Assignment> assignments) {
        return reports.latestOfTasks(Batches.keys(assignments, a -> a.task().id()))
                .map(found -> Batches.single(assignments, a -> a.task().id(), found, ProgressReport::taskId));
    }

    @Mutation
    @Description("Makes a new calendar feed URL (iCalendar, for phone and desktop calendar apps) of the caller's unit's "
            + "open deadlines, and returns its path, e.g. /calendar/<secret>.ics. The secret is shown only now; a new one "
            + "kills the old URL. Only for an account of a unit.")
    public Uni<@NonNull String> rotateCalendarFeed() {
        return callers.current().chain(caller -> {
            if (caller.unitId() == null) {
                throw new DubanException(ErrorCode.VALIDATION, "Only an account of a unit has a calendar feed", null);
            }
            return feeds.rotate(caller.accountId());
        });
    }
}
