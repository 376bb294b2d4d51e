package org.duban.plan.occurrence;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.duban.common.ChinaTime;
import org.duban.common.DateBounds;
import org.duban.common.DubanException;
import org.duban.common.sql.Batches;
import org.duban.plan.Task;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@Authenticated
public class OccurrenceApi {

    private final OccurrenceQueries queries;
    private final Clock clock;

    OccurrenceApi(OccurrenceQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Description("The task's deadlines from `from` to `to` (both optional): one for a task with a deadline, one per "
            + "recurrence for a recurring task (an unending rule lists up to a year from today unless `to` says), "
            + "none for a task without either. At most " + Schedule.MAX_OCCURRENCES + ".")
    @NonNull
    public Uni<List<List<@NonNull TaskOccurrence>>> occurrences(@Source List<Task> tasks, LocalDate from, LocalDate to) {
        DateBounds.check("from", from);
        DateBounds.check("to", to);
        if (from != null && to != null && to.isBefore(from)) {
            throw DubanException.validation("to", "is before from");
        }
        LocalDate today = ChinaTime.today(clock);
        return queries.schedules(Batches.keys(tasks, Task::id))
                .map(schedules -> Batches.single(tasks, Task::id, schedules, Schedule::taskId).stream()
                        .map(schedule -> schedule == null ? List.<TaskOccurrence>of() : schedule.between(from, to, today))
                        .toList());
    }
}
