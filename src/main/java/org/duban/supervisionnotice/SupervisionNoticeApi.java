package org.duban.supervisionnotice;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.Callers;
import org.duban.access.Roles;
import org.duban.common.sql.Batches;
import org.duban.plan.Task;
import org.duban.plan.TaskQueries;
import org.duban.unit.Unit;
import org.duban.unit.UnitQueries;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Supervision notices (督办单): the office issues, the unit replies; a task lists its notices. */
@GraphQLApi
@Authenticated
public class SupervisionNoticeApi {

    private final SupervisionNotices notices;
    private final SupervisionNoticeQueries queries;
    private final TaskQueries tasks;
    private final UnitQueries units;
    private final Callers callers;

    SupervisionNoticeApi(SupervisionNotices notices, SupervisionNoticeQueries queries, TaskQueries tasks, UnitQueries units,
            Callers callers) {
        this.notices = notices;
        this.queries = queries;
        this.tasks = tasks;
        this.units = units;
        this.callers = callers;
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("The office issues a numbered supervision notice (督办单) to a unit lagging on open work: at the ladder's level"
            + " unless it says one, with the day's facts, its requirement and the day to reply by; the unit hears of it as of an"
            + " urging, and may download it as a PDF. For the office (ADMIN).")
    public Uni<@NonNull SupervisionNotice> issueSupervisionNotice(@NonNull SupervisionNoticeInputs.Issue input) {
        return callers.current().chain(caller -> notices.issue(input, caller).chain(id -> queries.visible(id, caller)));
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN, Roles.UNIT })
    @Description("The unit a supervision notice presses replies (办理情况, with evidence of the task), once; ADMIN may record its"
            + " reply. The reply closes the notice, and the office hears of it.")
    public Uni<@NonNull SupervisionNotice> replySupervisionNotice(@NonNull @Id String noticeId,
            @NonNull SupervisionNoticeInputs.Reply input) {
        return callers.current().chain(caller -> notices.reply(noticeId, input, caller).chain(id -> queries.visible(id, caller)));
    }

    @NonNull
    @Description("The supervision notices issued about the task, oldest first")
    public Uni<List<List<@NonNull SupervisionNotice>>> supervisionNotices(@Source List<Task> sources) {
        return queries.ofTasks(Batches.keys(sources, Task::id))
                .map(found -> Batches.grouped(sources, Task::id, found, SupervisionNotice::taskId));
    }

    @NonNull
    @Description("The unit pressed, as it is now")
    public Uni<List<Unit>> unit(@Source List<SupervisionNotice> sources) {
        return units.unitsByIds(Batches.keys(sources, SupervisionNotice::unitId))
                .map(found -> Batches.single(sources, SupervisionNotice::unitId, found, Unit::id));
    }

    @Description("The task the notice is about; null if the caller may not see it")
    public Uni<List<Task>> task(@Source List<SupervisionNotice> sources) {
        return callers.current().chain(caller -> tasks.byIds(Batches.keys(sources, SupervisionNotice::taskId), caller))
                .map(found -> Batches.single(sources, SupervisionNotice::taskId, found, Task::id));
    }
}
