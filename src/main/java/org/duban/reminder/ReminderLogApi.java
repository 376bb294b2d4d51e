package org.duban.reminder;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.Callers;
import org.duban.access.Roles;
import org.duban.common.InputChecks;
import org.duban.common.graphql.Selections;
import org.duban.common.page.PageRequest;
import org.duban.common.sql.Batches;
import org.duban.plan.Task;
import org.duban.plan.TaskQueries;
import org.duban.unit.Unit;
import org.duban.unit.UnitQueries;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

/** The reminders written so far, for the office: above all the ones that reached nobody. */
@GraphQLApi
@RolesAllowed({ Roles.ADMIN, Roles.LEADER })
public class ReminderLogApi {

    private final ReminderQueries reminders;
    private final TaskQueries tasks;
    private final UnitQueries units;
    private final RecipientNames names;

    private final Context context;
    private final Callers callers;

    ReminderLogApi(ReminderQueries reminders, TaskQueries tasks, UnitQueries units, RecipientNames names, Context context,
            Callers callers) {
        this.callers = callers;
        this.context = context;
        this.reminders = reminders;
        this.tasks = tasks;
        this.units = units;
        this.names = names;
    }

    @Query
    @Description("Reminders written by the scheduler for the tasks of the regions the caller oversees, newest first (ADMIN, LEADER).")
    public Uni<@NonNull ReminderConnection> reminders(ReminderFilter filter, Integer first, String after) {
        PageRequest page = PageRequest.of(first, after).counting(Selections.asks(context, "totalCount"));
        InputChecks.check("filter", filter);
        return callers.current().chain(caller -> reminders.page(filter, page, caller.overseenRegions().toArray(Long[]::new)));
    }

    @NonNull
    public Uni<List<Task>> task(@Source List<WrittenReminder> reminders) {
        return tasks.byIds(Batches.keys(reminders, WrittenReminder::taskId))
                .map(found -> Batches.single(reminders, WrittenReminder::taskId, found, Task::id));
    }

    public Uni<List<Unit>> unit(@Source List<WrittenReminder> reminders) {
        return units.unitsByIds(Batches.keys(reminders, WrittenReminder::unitId))
                .map(found -> Batches.single(reminders, WrittenReminder::unitId, found, Unit::id));
    }

    @NonNull
    public Uni<List<@NonNull String>> recipient(@Source List<WrittenReminder> reminders) {
        return names.of(reminders.stream().map(WrittenReminder::recipient).toList());
    }
}
