package org.duban.supervision;

import static org.duban.common.sql.Rows.map;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.Callers;
import org.duban.access.Roles;
import org.duban.common.graphql.Selections;
import org.duban.common.page.PageRequest;
import org.duban.common.sql.Batches;
import org.duban.plan.Task;
import org.duban.plan.TaskQueries;
import org.duban.unit.Unit;
import org.duban.unit.UnitQueries;
import org.duban.warning.WarningBasis;
import org.duban.warning.WarningLevel;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

/** What supervision adds to a task: progress, colour, reports, moves, instructions, extensions. All batched. */
@GraphQLApi
@Authenticated
public class TaskSupervisionApi {

    private final SupervisionQueries queries;
    private final InstructionQueries instructions;
    private final ProgressFacts facts;
    private final TaskQueries tasks;
    private final UnitQueries units;
    private final Callers callers;
    private final Context context;

    TaskSupervisionApi(SupervisionQueries queries, InstructionQueries instructions, ProgressFacts facts, TaskQueries tasks,
            UnitQueries units, Callers callers, Context context) {
        this.queries = queries;
        this.instructions = instructions;
        this.context = context;
        this.facts = facts;
        this.tasks = tasks;
        this.units = units;
        this.callers = callers;
    }

    @NonNull
    @Description("0 to 100 for the occurrence worked on now, in whole points (never 100 before it is all done): "
            + "progress.percent rounded. It follows the task's measures where it has them, else its checklist, else the "
            + "lowest latest report of its lead units (one that has not reported counts 0)")
    public Uni<List<Integer>> percentComplete(@Source List<Task> sources) {
        return byTask(sources).map(found -> found.stream().map(f -> f == null ? 0 : f.percentComplete()).toList());
    }

    @Description("How far the occurrence worked on now is, exactly, and what the figure follows; null for a deleted task")
    public Uni<List<TaskProgress>> progress(@Source List<Task> sources) {
        return byTask(sources).map(found -> found.stream().map(f -> f == null ? null : f.progress()).toList());
    }

    @Description("三色预警 of the occurrence worked on now: RED overdue; YELLOW due within the configured working days and "
            + "not submitted, or behind pace; GREEN otherwise; null once signed off, while suspended, and for an undated task")
    public Uni<List<WarningLevel>> warningLevel(@Source List<Task> sources) {
        return byTask(sources).map(found -> found.stream().map(f -> f == null || f.warning() == null ? null : f.warning().level()).toList());
    }

    @Description("Why the warning is not GREEN: TIME (the deadline) or PACE (progress behind the time passed); null for GREEN")
    public Uni<List<WarningBasis>> warningBasis(@Source List<Task> sources) {
        return byTask(sources).map(found -> found.stream().map(f -> f == null ? null : f.warning())
                .map(w -> w == null ? null : w.basis()).toList());
    }

    @Description("The first deadline, when an approved extension moved it")
    public Uni<List<LocalDate>> originalDeadline(@Source List<Task> sources) {
        return byTask(sources).map(found -> found.stream().map(f -> f == null ? null : f.originalDeadline()).toList());
    }

    @NonNull
    @Description("Progress reports, newest first")
    public Uni<List<List<@NonNull ProgressReport>>> progressReports(@Source List<Task> sources, @DefaultValue("20") int last) {
        return queries.reportsOfTasks(Batches.keys(sources, Task::id), PageRequest.requireLast(last))
                .map(found -> Batches.grouped(sources, Task::id, found, ProgressReport::taskId));
    }

    @NonNull
    @Description("Each responsible unit's latest report, on any occurrence; units that never reported are absent")
    public Uni<List<List<@NonNull ProgressReport>>> latestReports(@Source List<Task> sources) {
        return queries.latestPerUnitOfTasks(Batches.keys(sources, Task::id))
                .map(found -> Batches.grouped(sources, Task::id, found, ProgressReport::taskId));
    }

    @NonNull
    @Description("Submissions, sign-offs, rejections (with the reason), suspensions and reopenings, newest first")
    public Uni<List<List<@NonNull StatusChange>>> statusChanges(@Source List<Task> sources, @DefaultValue("20") int last) {
        return queries.statusChangesOfTasks(Batches.keys(sources, Task::id), PageRequest.requireLast(last))
                .map(found -> Batches.grouped(sources, Task::id, found, StatusChange::taskId));
    }

    @NonNull
    @Description("Leader instructions, oldest first")
    public Uni<List<List<@NonNull Instruction>>> instructions(@Source List<Task> sources) {
        return instructions.ofTasks(Batches.keys(sources, Task::id))
                .map(found -> Batches.grouped(sources, Task::id, found, Instruction::taskId));
    }

    @NonNull
    @Description("The responsible units' answers (落实情况), oldest first")
    public Uni<List<List<@NonNull InstructionAnswer>>> answers(@Source List<Instruction> sources) {
        return instructions.answersTo(Batches.keys(sources, Instruction::id))
                .map(found -> Batches.grouped(sources, Instruction::id, found, InstructionAnswer::instructionId));
    }

    @NonNull
    @Name("unit")
    public Uni<List<Unit>> answeringUnit(@Source List<InstructionAnswer> answers) {
        return units.unitsByIds(Batches.keys(answers, InstructionAnswer::unitId))
                .map(found -> Batches.single(answers, InstructionAnswer::unitId, found, Unit::id));
    }

    @Description("The task the instruction is on; null if the caller may not see it")
    @Name("task")
    public Uni<List<Task>> instructedTask(@Source List<Instruction> given) {
        return callers.current().chain(caller -> tasks.byIds(Batches.keys(given, Instruction::taskId), caller))
                .map(found -> Batches.single(given, Instruction::taskId, found, Task::id));
    }

    @Query
    @RolesAllowed({ Roles.ADMIN, Roles.LEADER })
    @Description("The instructions the signed-in leader gave, newest first, in one state or all: which are answered, which overdue.")
    public Uni<@NonNull InstructionConnection> myInstructions(InstructionState state, Integer first, String after) {
        PageRequest page = PageRequest.of(first, after).counting(Selections.asks(context, "totalCount"));
        return callers.current().chain(caller -> instructions.givenBy(caller.accountId() == null ? -1 : caller.accountId(), state, page));
    }

    @NonNull
    @Description("Deadline extension requests and decisions, oldest first")
    public Uni<List<List<@NonNull DeadlineExtension>>> extensions(@Source List<Task> sources) {
        return queries.extensionsOfTasks(Batches.keys(sources, Task::id))
                .map(found -> Batches.grouped(sources, Task::id, found, DeadlineExtension::taskId));
    }

    @NonNull
    public Uni<List<Unit>> unit(@Source List<ProgressReport> reports) {
        return units.unitsByIds(Batches.keys(reports, ProgressReport::unitId))
                .map(found -> Batches.single(reports, ProgressReport::unitId, found, Unit::id));
    }

    @Description("The task reported on; null if the caller may not see it")
    public Uni<List<Task>> task(@Source List<ProgressReport> reports) {
        return callers.current().chain(caller -> tasks.byIds(Batches.keys(reports, ProgressReport::taskId), caller))
                .map(found -> Batches.single(reports, ProgressReport::taskId, found, Task::id));
    }

    private Uni<List<TaskFacts>> byTask(List<Task> sources) {
        return facts.ofTasks(sources).map(found -> sources.stream().map(t -> found.get(t.id())).toList());
    }
}
