package org.duban.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.duban.access.Callers;
import org.duban.common.ChinaTime;
import org.duban.common.DubanException;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.sql.Batches;
import org.duban.plan.Task;
import org.duban.plan.TaskQueries;
import org.duban.plan.TaskVisibility;
import org.duban.unit.Unit;
import org.duban.unit.UnitQueries;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

@GraphQLApi
@Authenticated
public class ReminderApi {

    private static final Duration LONGEST_WINDOW = Duration.ofDays(366);
    /** More than a screen can show, and few enough to answer in well under a second. */
    static final int MOST_REMINDERS = 2000;

    private final ReminderPlanner planner;
    private final Pool pool;
    private final TaskQueries tasks;
    private final UnitQueries units;
    private final RecipientNames names;
    private final Callers callers;

    ReminderApi(ReminderPlanner planner, Pool pool, TaskQueries tasks, UnitQueries units, RecipientNames names,
            Callers callers) {
        this.planner = planner;
        this.pool = pool;
        this.tasks = tasks;
        this.units = units;
        this.names = names;
        this.callers = callers;
    }

    @Query
    @Deprecated
    @Description("Deprecated: use reminderPreview, the same with a name that says what it gives (past windows too). "
            + "Removed in the release after next.")
    public Uni<@NonNull List<@NonNull PlannedReminder>> upcomingReminders(@NonNull Instant from, @NonNull Instant to,
            @Id String unitId, @Id String planId, @Id String taskId) {
        return reminderPreview(from, to, unitId, planId, taskId);
    }

    @Query
    @Description("The reminders the policy gives from `from` to `to` (at most a year), past windows included: what "
            + "fired or would have, on today's task states. Computed by the code the scheduler runs. With unitId, that "
            + "unit's reminders only; an account of a unit (role UNIT only) sees its own unit's. planId and taskId narrow "
            + "it further. More than " + MOST_REMINDERS + " reminders is VALIDATION: narrow the window or filter.")
    public Uni<@NonNull List<@NonNull PlannedReminder>> reminderPreview(@NonNull Instant from, @NonNull Instant to,
            @Id String unitId, @Id String planId, @Id String taskId) {
        if (to.isBefore(from)) {
            throw DubanException.validation("to", "is before from");
        }
        if (Duration.between(from, to).compareTo(LONGEST_WINDOW) > 0) {
            throw DubanException.validation("to", "the window is longer than 366 days");
        }
        Long wantedUnit = Ids.parseOptional(unitId, IdKind.UNIT);
        return callers.current().chain(caller -> {
            boolean oversees = caller.overseesAny();
            Long unit = oversees ? wantedUnit : caller.unitId();
            ReminderPlanner.Scope scope = new ReminderPlanner.Scope(Ids.parseOptional(planId, IdKind.PLAN), Ids.parseOptional(taskId, IdKind.TASK),
                    oversees ? TaskVisibility.regions(caller) : null);
            if (!oversees && (unit == null || (wantedUnit != null && !wantedUnit.equals(unit)))) {
                return Uni.createFrom().item(List.<PlannedReminder>of());
            }
            LocalDate first = from.atZone(ChinaTime.ZONE).toLocalDate();
            LocalDate last = to.atZone(ChinaTime.ZONE).toLocalDate();
            return planner.remindersBetween(pool, first, last, scope).map(all -> {
                List<PlannedReminder> found = all.stream()
                        .filter(r -> !r.remindAt().isBefore(from) && !r.remindAt().isAfter(to))
                        .filter(r -> unit == null || unit.equals(r.recipient().unitId()))
                        .map(PlannedReminder::of)
                        .sorted(Comparator.comparing(PlannedReminder::remindAt).thenComparing(PlannedReminder::taskId)
                                .thenComparing(PlannedReminder::recipientKey))
                        .toList();
                if (found.size() > MOST_REMINDERS) {
                    throw DubanException.validation("to", found.size() + " reminders in the window, more than "
                            + MOST_REMINDERS + ": narrow the window or filter by plan, task or unit");
                }
                return found;
            });
        });
    }

    @NonNull
    public Uni<List<Task>> task(@Source List<PlannedReminder> reminders) {
        return tasks.byIds(Batches.keys(reminders, PlannedReminder::taskId))
                .map(found -> Batches.single(reminders, PlannedReminder::taskId, found, Task::id));
    }

    @Description("The responsible unit reminded; null for an escalation to a person, an empty unit set or a task "
            + "without units")
    public Uni<List<Unit>> unit(@Source List<PlannedReminder> reminders) {
        return units.unitsByIds(Batches.keys(reminders, PlannedReminder::unitId))
                .map(found -> Batches.single(reminders, PlannedReminder::unitId, found, Unit::id));
    }

    @NonNull
    @Description("Who is reminded: a unit, an escalation recipient, or why nobody is")
    public Uni<List<@NonNull String>> recipient(@Source List<PlannedReminder> reminders) {
        return names.of(reminders.stream().map(PlannedReminder::recipient).toList());
    }
}
