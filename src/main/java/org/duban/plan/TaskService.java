package org.duban.plan;

import static org.duban.common.Text.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.audit.AuditTrail;
import org.duban.common.DateBounds;
import org.duban.common.DubanException;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.InputValidator;
import org.duban.common.Versions;
import org.duban.group.GroupRows;
import org.duban.plan.occurrence.RecurrenceRule;
import org.duban.unit.UnitRows;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/** Writes of tasks by hand; each public method is one transaction returning the task id. */
@ApplicationScoped
public class TaskService {

    private final PlanRows plans;
    private final TaskRows tasks;
    private final Checklists checklists;
    private final UnitRows units;
    private final GroupRows groups;
    private final InputValidator validator;
    private final AuditTrail audit;
    private final Clock clock;

    TaskService(PlanRows plans, TaskRows tasks, Checklists checklists, UnitRows units, GroupRows groups,
            InputValidator validator, AuditTrail audit, Clock clock) {
        this.plans = plans;
        this.tasks = tasks;
        this.checklists = checklists;
        this.units = units;
        this.groups = groups;
        this.validator = validator;
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<Long> createTask(PlanInputs.CreateTask input) {
        validator.check("input", input);
        long planId = Ids.parse(input.planId(), IdKind.PLAN);
        Long parentId = Ids.parseOptional(input.parentId(), IdKind.TASK);
        String code = input.code().strip();
        requireDates(input.startDate(), input.deadline());
        String recurrence = recurrence(input.recurrence(), input.deadline());
        List<String> deliverableTitles = titles(input.deliverables());
        return audit.withTransaction(sql -> plans.plan(sql, planId)
                .onItem().ifNull().failWith(() -> DubanException.notFound("Plan", input.planId()))
                .chain(plan -> references(sql, plan.regionId))
                .map(refs -> assignments(input.assignments(), refs, "input.assignments"))
                .chain(newAssignments -> parent(sql, parentId, planId)
                        .call(parent -> requireFreeCode(sql, planId, code, null))
                        .chain(parent -> tasks.placeNewTask(sql, planId, parent, input.position()))
                        .chain(sortPath -> {
                            Instant now = clock.instant();
                            TaskRow task = new TaskRow();
                            task.parentId = parentId;
                            task.code = code;
                            task.sortPath = sortPath;
                            task.title = input.title().strip();
                            task.description = blankToNull(input.description());
                            task.startDate = input.startDate();
                            task.deadline = input.deadline();
                            task.deadlineNote = blankToNull(input.deadlineNote());
                            task.recurrence = recurrence;
                            return tasks.insert(sql, planId, List.of(task), now)
                                    .chain(() -> tasks.setAssignments(sql, Map.of(task.id, newAssignments), false))
                                    .chain(() -> checklists.add(sql, Map.of(task.id, deliverableTitles)))
                                    .map(done -> task.id);
                        })));
    }

    public Uni<Long> updateTask(String id, PlanInputs.UpdateTask input) {
        validator.check("input", input);
        return audit.withTransaction(sql -> liveTask(sql, id).chain(task -> {
            Versions.require(input.expectedVersion(), task.version, "Task");
            LocalDate deadline = Boolean.TRUE.equals(input.removeDeadline()) ? null
                    : input.deadline() != null ? input.deadline() : task.deadline;
            LocalDate startDate = input.startDate() != null ? input.startDate() : task.startDate;
            requireDates(startDate, deadline);
            task.recurrence = recurrence(input.recurrence() != null ? input.recurrence() : task.recurrence, deadline);
            Uni<Void> code = Uni.createFrom().voidItem();
            if (input.code() != null && !input.code().strip().equals(task.code)) {
                String newCode = input.code().strip();
                code = requireFreeCode(sql, task.planId, newCode, task.id).invoke(() -> task.code = newCode);
            }
            if (input.title() != null) {
                task.title = input.title().strip();
            }
            if (input.description() != null) {
                task.description = blankToNull(input.description());
            }
            if (input.deadlineNote() != null) {
                task.deadlineNote = blankToNull(input.deadlineNote());
            }
            task.startDate = startDate;
            task.deadline = deadline;
            Uni<Void> answers = input.answersTaskCode() == null ? Uni.createFrom().voidItem() : answers(sql, task, input.answersTaskCode());
            return code.chain(() -> answers).chain(() -> tasks.update(sql, List.of(task), clock.instant())).replaceWith(task.id);
        }));
    }

    /** Deletes the task and its subtree softly; returns the id. */
    public Uni<Long> deleteTask(String id) {
        return audit.withTransaction(sql -> liveTask(sql, id)
                .chain(task -> tasks.softDeleteSubtree(sql, task.id, clock.instant()).replaceWith(task.id)));
    }

    public Uni<Long> assignUnits(String taskId, List<PlanInputs.AssignmentInput> inputs) {
        return audit.withTransaction(sql -> liveTask(sql, taskId).chain(task -> plans.plan(sql, task.planId)
                .chain(plan -> references(sql, plan.regionId))
                .chain(refs -> tasks.setAssignments(sql, Map.of(task.id, assignments(inputs, refs, "assignments")), true))
                .chain(() -> tasks.touch(sql, task.id, clock.instant()))
                .replaceWith(task.id)));
    }

    /** Makes the checklist the given list (see {@link Checklists#set}). */
    public Uni<Long> setDeliverables(String taskId, List<PlanInputs.DeliverableInput> inputs) {
        List<PlanInputs.DeliverableInput> items = inputs == null ? List.of() : inputs;
        for (int i = 0; i < items.size(); i++) {
            validator.check("deliverables[" + i + "]", items.get(i));
        }
        return audit.withTransaction(sql -> liveTask(sql, taskId).chain(task -> checklists.set(sql, task.id, items)
                .chain(() -> tasks.touch(sql, task.id, clock.instant()))
                .replaceWith(task.id)));
    }

    /** Links the task to the task of the higher plan, found by its code, that it carries out. */
    private Uni<Void> answers(SqlClient sql, TaskRow task, String code) {
        String wanted = blankToNull(code);
        Uni<Long> higher = wanted == null ? Uni.createFrom().nullItem() : tasks.higherTask(sql, task.planId, wanted.strip())
                .invoke(id -> {
                    if (id == null) {
                        throw DubanException.validation("input.answersTaskCode", "no task " + wanted
                                + " in the plan this task's plan answers (set the plan's answersPlan first)");
                    }
                });
        return higher.chain(id -> tasks.setAnswers(sql, task.id, id));
    }

    private Uni<RegionReferences> references(SqlClient sql, long regionId) {
        return RegionReferences.load(sql, units, groups, regionId);
    }

    private Uni<TaskRow> liveTask(SqlClient sql, String id) {
        long taskId = Ids.parse(id, IdKind.TASK);
        return tasks.liveTask(sql, taskId).onItem().ifNull().failWith(() -> DubanException.notFound("Task", id));
    }

    private Uni<TaskRow> parent(SqlClient sql, Long parentId, long planId) {
        if (parentId == null) {
            return Uni.createFrom().nullItem();
        }
        return tasks.liveTask(sql, parentId).map(parent -> {
            if (parent == null || parent.planId != planId) {
                throw DubanException.validation("input.parentId", "no such task in this plan");
            }
            return parent;
        });
    }

    private Uni<Void> requireFreeCode(SqlClient sql, long planId, String code, Long except) {
        return tasks.codeTaken(sql, planId, code, except)
                .invoke(taken -> {
                    if (taken) {
                        throw DubanException.conflict("The plan has a task with code " + code + " already");
                    }
                })
                .replaceWithVoid();
    }

    /** A valid rule in its normal form, or null; a task recurs or has a deadline, not both. */
    private static String recurrence(String rule, LocalDate deadline) {
        String text = blankToNull(rule);
        if (text == null) {
            return null;
        }
        RecurrenceRule.parse(text, "input.recurrence");
        if (deadline != null) {
            throw DubanException.validation("input.deadline", "a recurring task is due on its occurrences, not on a deadline");
        }
        return text.strip();
    }

    private static void requireDates(LocalDate startDate, LocalDate deadline) {
        DateBounds.check("input.startDate", startDate);
        DateBounds.check("input.deadline", deadline);
        if (startDate != null && deadline != null && deadline.isBefore(startDate)) {
            throw DubanException.validation("input.deadline", "the deadline " + deadline + " is before the start " + startDate);
        }
    }

    static List<TaskAssignmentRow> assignments(List<PlanInputs.AssignmentInput> inputs, RegionReferences refs,
            String field) {
        List<TaskAssignmentRow> result = new ArrayList<>();
        if (inputs == null) {
            return result;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            PlanInputs.AssignmentInput input = inputs.get(i);
            String at = field + "[" + i + "]";
            if (input == null || (blankToNull(input.unitId()) == null) == (blankToNull(input.unitSetId()) == null)) {
                throw DubanException.validation(at, "name exactly one of unitId and unitSetId");
            }
            TaskAssignmentRow assignment = new TaskAssignmentRow();
            assignment.unitId = refs.unitId(input.unitId(), at + ".unitId");
            assignment.unitSetId = refs.setId(input.unitSetId(), at + ".unitSetId");
            if (!seen.add(assignment.unitId != null ? "u" + assignment.unitId : "s" + assignment.unitSetId)) {
                throw DubanException.validation(at, "named twice");
            }
            assignment.role = input.role();
            result.add(assignment);
        }
        AssignmentRole unwritten = AssignmentRole.unwritten(result.stream().map(a -> a.role).toList());
        result.stream().filter(a -> a.role == null).forEach(a -> a.role = unwritten);
        return result;
    }

    private static List<String> titles(List<String> titles) {
        List<String> result = new ArrayList<>();
        if (titles != null) {
            for (int i = 0; i < titles.size(); i++) {
                String title = blankToNull(titles.get(i));
                if (title == null) {
                    throw DubanException.validation("input.deliverables[" + i + "]", "must not be blank");
                }
                result.add(title);
            }
        }
        return result;
    }
}
