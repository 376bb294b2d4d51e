package org.duban.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.Callers;
import org.duban.access.Roles;
import org.duban.common.ChinaTime;
import org.duban.plan.Task;
import org.duban.plan.TaskQueries;
import org.duban.plan.TaskStatus;
import org.duban.plan.occurrence.OccurrenceId;
import org.duban.plan.occurrence.OccurrenceQueries;
import org.duban.plan.occurrence.TaskOccurrence;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Nullable;
import io.smallrye.mutiny.Uni;

/**
 * The supervision workflow's mutations. Each answers with the task as it is afterwards. {@code occurrenceId} names
 * the occurrence of a recurring task and may be left out for any other.
 */
@GraphQLApi
@Authenticated
public class WorkflowApi {

    private static final String OFFICE = " For the supervising office (ADMIN).";

    private final WorkflowService workflow;
    private final MilestoneTicks milestoneTicks;
    private final ExtensionService extensions;
    private final InstructionService instructions;
    private final TaskQueries tasks;
    private final OccurrenceQueries occurrences;
    private final Callers callers;
    private final Clock clock;

    WorkflowApi(WorkflowService workflow, MilestoneTicks milestoneTicks, ExtensionService extensions,
            InstructionService instructions, TaskQueries tasks, OccurrenceQueries occurrences, Callers callers, Clock clock) {
        this.workflow = workflow;
        this.milestoneTicks = milestoneTicks;
        this.extensions = extensions;
        this.instructions = instructions;
        this.tasks = tasks;
        this.occurrences = occurrences;
        this.callers = callers;
        this.clock = clock;
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN, Roles.UNIT })
    @Description("A responsible unit reports on its part (ADMIN may enter a report for a unit). The first report moves "
            + "NOT_STARTED work to IN_PROGRESS; reports are taken while work is NOT_STARTED or IN_PROGRESS.")
    public Uni<@NonNull Task> reportProgress(@NonNull @Id String taskId, @NonNull WorkflowInputs.Report input) {
        return callers.current().chain(caller -> workflow.reportProgress(taskId, input, caller)).chain(this::task);
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN, Roles.UNIT })
    @Description("The lead unit submits IN_PROGRESS work for sign-off with a closing statement and evidence.")
    public Uni<@NonNull Task> submitTask(@NonNull @Id String taskId, @NonNull WorkflowInputs.Submit input) {
        return callers.current().chain(caller -> workflow.submit(taskId, input, caller)).chain(this::task);
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Signs a SUBMITTED task or occurrence off (销号). Refused (CONFLICT) while a checklist item is open or a "
            + "responsible unit never reported on it, unless overrideReason says why it is signed off all the same. An undated "
            + "task may be signed off at issue from NOT_STARTED or IN_PROGRESS, with a note saying how." + OFFICE)
    public Uni<@NonNull Task> signOffTask(@NonNull @Id String taskId, String note, @Id String occurrenceId, String overrideReason) {
        return callers.current().chain(caller -> workflow.signOff(taskId, occurrenceId, note, overrideReason, caller)).chain(this::task);
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Sends a SUBMITTED task or occurrence back to IN_PROGRESS (驳回); the units read the reason in statusChanges." + OFFICE)
    public Uni<@NonNull Task> rejectTask(@NonNull @Id String taskId, @NonNull String reason, @Id String occurrenceId) {
        return callers.current().chain(caller -> workflow.reject(taskId, occurrenceId, reason, caller)).chain(this::task);
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Suspends (中止) work that is NOT_STARTED, IN_PROGRESS or SUBMITTED, with a reason." + OFFICE)
    public Uni<@NonNull Task> suspendTask(@NonNull @Id String taskId, @NonNull String reason, @Id String occurrenceId) {
        return callers.current().chain(caller -> workflow.suspend(taskId, occurrenceId, reason, caller)).chain(this::task);
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Takes SUSPENDED or SIGNED_OFF work up again (IN_PROGRESS), with a reason." + OFFICE)
    public Uni<@NonNull Task> reopenTask(@NonNull @Id String taskId, @NonNull String reason, @Id String occurrenceId) {
        return callers.current().chain(caller -> workflow.reopen(taskId, occurrenceId, reason, caller)).chain(this::task);
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN, Roles.UNIT })
    @Description("Ticks a checklist item with its evidence (at least one), or unticks it (done: false). For the task's "
            + "responsible units and the office, while the task is NOT_STARTED or IN_PROGRESS.")
    public Uni<@NonNull Task> tickDeliverable(@NonNull @Id String deliverableId, @DefaultValue("true") boolean done,
            @Nullable @Description("Evidence ids of this task") List<@NonNull String> evidenceIds) {
        return callers.current().chain(caller -> workflow.tickDeliverable(deliverableId, done, evidenceIds, caller)).chain(this::task);
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN, Roles.UNIT })
    @Description("Ticks a milestone without a measure with its evidence (at least one), or unticks it (done: false); a "
            + "measured milestone is met by its figures (INVALID_TRANSITION). As tickDeliverable, for the same callers.")
    public Uni<@NonNull Task> tickMilestone(@NonNull @Id String milestoneId, @DefaultValue("true") boolean done,
            @Nullable @Description("Evidence ids of this task") List<@NonNull String> evidenceIds) {
        return callers.current().chain(caller -> milestoneTicks.tick(milestoneId, done, evidenceIds, caller)).chain(this::task);
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN, Roles.UNIT })
    @Description("A responsible unit asks for a later deadline, with a reason; one request per task awaits a decision at a time.")
    public Uni<@NonNull Task> requestExtension(@NonNull @Id String taskId, @NonNull WorkflowInputs.ExtensionRequest input) {
        return callers.current().chain(caller -> extensions.request(taskId, input, caller)).chain(this::task);
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Approves or refuses an extension. Approval moves the deadline (reminders and warnings follow); the "
            + "scoreboard keeps counting against the original deadline unless countAgainstNewDeadline." + OFFICE)
    public Uni<@NonNull Task> decideExtension(@NonNull @Id String extensionId, @NonNull WorkflowInputs.ExtensionDecision input) {
        return callers.current().chain(caller -> extensions.decide(extensionId, input, caller)).chain(this::task);
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN, Roles.LEADER })
    @Description("A leader's instruction (批示) on a task; every account of the responsible units gets an INSTRUCTION notification. "
            + "With answerBy (today or later) the units answer by that day (answerInstruction), and are reminded until they do.")
    public Uni<@NonNull Task> addInstruction(@NonNull @Id String taskId, @NonNull String text, LocalDate answerBy) {
        return callers.current().chain(caller -> instructions.add(taskId, text, answerBy, caller)).chain(this::task);
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN, Roles.UNIT })
    @Description("A responsible unit answers a leader's instruction (落实情况) with text and evidence of the task; ADMIN may enter "
            + "an answer for a unit (input.unitId). The leader who gave it is told. Answers with the task.")
    public Uni<@NonNull Task> answerInstruction(@NonNull @Id String instructionId, @NonNull WorkflowInputs.InstructionAnswerInput input) {
        return callers.current().chain(caller -> instructions.answer(instructionId, input, caller)).chain(this::task);
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN, Roles.UNIT })
    @Description("Moves a task to another status by the bare transition rules: NOT_STARTED→IN_PROGRESS|SUSPENDED, "
            + "IN_PROGRESS→SUBMITTED|SUSPENDED, SUBMITTED→SIGNED_OFF|IN_PROGRESS|SUSPENDED, SUSPENDED→IN_PROGRESS, "
            + "SIGNED_OFF→IN_PROGRESS; anything else is INVALID_TRANSITION. Suspending, rejecting and reopening need a reason. "
            + "A responsible unit may only start its task and, as lead unit, submit it. A sign-off is refused while anything "
            + "blocks it. Prefer reportProgress, submitTask, signOffTask, rejectTask, suspendTask and reopenTask.")
    public Uni<@NonNull Task> changeTaskStatus(@NonNull @Id String id, @NonNull TaskStatus status, String reason) {
        return callers.current().chain(caller -> workflow.changeStatus(id, null, status, reason, caller)).chain(this::task);
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN, Roles.UNIT })
    @Description("Moves one occurrence, with the rules of changeTaskStatus; for a non-recurring task this is the task's own "
            + "status. Each report of a recurring obligation is signed off on its own.")
    public Uni<@NonNull TaskOccurrence> changeOccurrenceStatus(@NonNull @Id String occurrenceId, @NonNull TaskStatus status,
            String reason) {
        OccurrenceId id = OccurrenceId.parse(occurrenceId, "occurrenceId");
        return callers.current()
                .chain(caller -> workflow.changeStatus(String.valueOf(id.taskId()), occurrenceId, status, reason, caller))
                .chain(taskId -> occurrences.schedules(new Long[] { taskId })
                        .map(schedules -> schedules.get(0).between(id.dueOn(), id.dueOn(), ChinaTime.today(clock)).get(0)));
    }

    private Uni<Task> task(long id) {
        return callers.current().chain(caller -> tasks.visible(id, caller));
    }
}
