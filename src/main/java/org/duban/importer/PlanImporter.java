package org.duban.importer;

import static org.duban.common.Text.stripped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;
import org.duban.common.Mistakes;
import org.duban.common.Unis;
import org.duban.group.GroupRows;
import org.duban.group.LeadingGroupMemberRow;
import org.duban.group.LeadingGroupRow;
import org.duban.inspection.InspectionService;
import org.duban.land.LandImporter;
import org.duban.measure.MeasureKind;
import org.duban.measure.MeasureRows;
import org.duban.measure.MeasureService;
import org.duban.measure.TaskMeasureRow;
import org.duban.milestone.Milestones;
import org.duban.problem.ProblemRows;
import org.duban.problem.ProblemService;
import org.duban.plan.AssignmentRole;
import org.duban.plan.BasisDocumentRow;
import org.duban.plan.Checklists;
import org.duban.plan.PlanQueries;
import org.duban.plan.PlanRow;
import org.duban.plan.PlanRows;
import org.duban.plan.TaskAssignmentRow;
import org.duban.plan.TaskRow;
import org.duban.plan.TaskRows;
import org.duban.unit.RegionRow;
import org.duban.unit.UnitNames;
import org.duban.unit.UnitRow;
import org.duban.unit.UnitRows;
import org.duban.unit.UnitSetKind;
import org.duban.unit.UnitSetRow;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Writes a parsed plan file in one transaction: all of it or, on the first error, nothing. Each table is written by
 * its feature's writer (UnitRows, GroupRows, PlanRows, TaskRows, Checklists, MeasureRows, the land's, InspectionService),
 * many tasks per statement.
 *
 * <p>Units, unit sets and leading groups are matched by name within the region; existing ones are used as
 * they are and only missing ones are created. A plan whose document number exists is a CONFLICT unless
 * {@code replace} is set; then the plan is brought in line with the file and its tasks are matched by code,
 * so tasks keep their id, status and history, tasks the file lacks are deleted softly, and ticked checklist
 * items stay ticked.
 */
@ApplicationScoped
public class PlanImporter {

    private final AuditTrail audit;
    private final UnitRows units;
    private final GroupRows groups;
    private final PlanRows plans;
    private final TaskRows tasks;
    private final Checklists checklists;
    private final LandImporter land;
    private final MeasureRows measures;
    private final Milestones milestones;
    private final ProblemRows problems;
    private final InspectionService inspections;
    private final Clock clock;
    private final PlanQueries planQueries;

    PlanImporter(UnitRows units, GroupRows groups, PlanRows plans, TaskRows tasks, Checklists checklists, LandImporter land,
            MeasureRows measures, Milestones milestones, ProblemRows problems, InspectionService inspections, Clock clock,
            AuditTrail audit, PlanQueries planQueries) {
        this.audit = audit;
        this.planQueries = planQueries;
        this.units = units;
        this.groups = groups;
        this.plans = plans;
        this.tasks = tasks;
        this.checklists = checklists;
        this.land = land;
        this.measures = measures;
        this.milestones = milestones;
        this.problems = problems;
        this.inspections = inspections;
        this.clock = clock;
    }

    /**
     * The outcome, with the plan's id for reading it back after the commit (on a dry run, the id the plan had or would
     * have had), the names of the units and the codes of the tasks created, changed and removed, and the warnings.
     */
    public record Outcome(long planId, boolean created, boolean dryRun, List<String> unitsCreated, List<String> tasksCreated,
            List<String> tasksUpdated, List<String> tasksRemoved, List<String> warnings) {
    }

    /** Carries a dry run's outcome out of its transaction, which it rolls back. */
    private static final class DryRun extends RuntimeException {
        final transient Outcome outcome;

        DryRun(Outcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    /** {@code dryRun}: everything is done and checked as it would be, the outcome is returned, and nothing is kept. */
    public Uni<Outcome> importPlan(PlanDocument document, boolean replace, boolean dryRun) {
        Run run = new Run(document, clock.instant());
        return audit.withTransaction(sql -> region(sql, run)
                .chain(() -> units.unitsInRegion(sql, run.region.id))
                .invoke(existing -> run.names = new UnitNames(existing))
                .chain(() -> existingPlan(sql, run, replace))
                .chain(() -> Unis.sequentially(document.units(), unit -> createUnitIfMissing(sql, run, unit)))
                .invoke(() -> document.units().forEach(unit -> run.mistakes.check(() -> setParent(run, unit))))
                .invoke(() -> noParentLoops(run))
                .chain(() -> run.write(() -> Unis.sequentially(run.createdUnits.stream().filter(u -> u.parentId != null).toList(),
                        unit -> units.update(sql, unit))))
                .chain(() -> units.setsInRegion(sql, run.region.id))
                .invoke(existing -> existing.forEach(run::addSet))
                .chain(() -> groups.inRegion(sql, run.region.id))
                .invoke(existing -> existing.forEach(group -> run.groups.put(group.name, group)))
                .chain(() -> Unis.sequentially(listedSets(document), set -> createSetIfMissing(sql, run, set)))
                .chain(() -> Unis.sequentially(document.leadingGroups(), group -> createGroupIfMissing(sql, run, group)))
                .chain(() -> Unis.sequentially(groupSets(document), set -> createSetIfMissing(sql, run, set)))
                .chain(() -> savePlan(sql, run))
                .chain(() -> syncTasks(sql, run))
                // The land section reads the region's parcels and units by id: it is checked once the rest is right.
                .chain(() -> run.write(() -> land.write(sql, document.land(), run.region.id, run.names, run.now)))
                .chain(() -> answers(sql, run))
                .chain(() -> measures(sql, run))
                .chain(() -> milestones(sql, run))
                .chain(() -> problems(sql, run))
                .chain(() -> run.write(() -> Unis.sequentially(document.inspections(), wanted -> inspections.addIfMissing(sql,
                        run.plan.id, wanted.inspectingBody(), wanted.startsOn(), wanted.endsOn(), run.now))))
                .invoke(run.mistakes::throwIfAny)
                .chain(() -> planQueries.warnings(sql, run.plan.id))
                .map(warnings -> new Outcome(run.plan.id, run.planCreated, dryRun,
                        run.createdUnits.stream().map(unit -> unit.name).toList(),
                        run.document.tasks().stream().map(PlanDocument.Task::code).filter(run.createdCodes::contains).toList(),
                        List.copyOf(run.updatedCodes), List.copyOf(run.removedCodes), warnings))
                .invoke(outcome -> {
                    if (dryRun) {
                        throw new DryRun(outcome);
                    }
                }))
                .onFailure(DryRun.class).recoverWithItem(done -> ((DryRun) done).outcome);
    }

    /** What one import has found and made so far. */
    private static final class Run {
        final PlanDocument document;
        final Instant now;
        RegionRow region;
        UnitNames names;
        final Map<String, UnitSetRow> sets = new HashMap<>();
        final Map<String, List<UnitSetRow>> setsByAlias = new HashMap<>();
        final Map<String, LeadingGroupRow> groups = new HashMap<>();
        final Map<String, TaskRow> tasksByCode = new HashMap<>();
        final Map<String, String> parentCodes = new HashMap<>();
        final Set<String> createdCodes = new HashSet<>();
        final List<String> updatedCodes = new ArrayList<>();
        final List<String> removedCodes = new ArrayList<>();
        final List<UnitRow> createdUnits = new ArrayList<>();
        /**
         * Mistakes are collected to the end of the file, so that its writer learns all at once; after the first one
         * nothing more is written (what would be has no ids to refer to), and the transaction is rolled back.
         */
        final Mistakes mistakes = new Mistakes();
        private final Map<String, Long> standIns = new HashMap<>();
        PlanRow plan;
        boolean planCreated;
        Run(PlanDocument document, Instant now) {
            this.document = document;
            this.now = now;
        }

        Uni<Void> write(Supplier<Uni<Void>> write) {
            return mistakes.any() ? Uni.createFrom().voidItem() : write.get();
        }

        /** The unit's id (null until written), or null and the mistake noted when the file names no such unit. */
        Long unitId(String name, String field) {
            UnitRow unit = mistakes.check(() -> names.resolve(name, field));
            return unit == null ? null : unit.id;
        }

        Long setId(String name, String field) {
            UnitSetRow set = mistakes.check(() -> set(name, field));
            return set == null ? null : set.id;
        }

        /**
         * The task's id; in a file with mistakes, where nothing is written, a stand-in (below zero, never written) that
         * the checks may key by. Null for a code the file lacks.
         */
        Long taskKey(String code) {
            TaskRow task = tasksByCode.get(code);
            if (task == null) {
                return null;
            }
            return task.id != null ? task.id : standIns.computeIfAbsent(code, c -> -1L - standIns.size());
        }

        Long groupId(String name, String field) {
            LeadingGroupRow group = mistakes.check(() -> group(name, field));
            return group == null ? null : group.id;
        }

        void addSet(UnitSetRow set) {
            sets.put(set.name, set);
            for (String alias : set.aliases) {
                setsByAlias.computeIfAbsent(alias, a -> new ArrayList<>()).add(set);
            }
        }

        /** A set by its name, else by an alias only one set of the region goes by. */
        UnitSetRow set(String name, String field) {
            UnitSetRow set = sets.get(name);
            if (set != null) {
                return set;
            }
            List<UnitSetRow> aliased = setsByAlias.getOrDefault(name, List.of());
            if (aliased.size() > 1) {
                throw DubanException.validation(field, name + " is an alias of several unit sets: "
                        + aliased.stream().map(s -> s.name).toList() + "; write the set's name");
            }
            if (aliased.isEmpty()) {
                throw DubanException.validation(field, "no unit set named " + name + " in the file or the region");
            }
            return aliased.get(0);
        }

        LeadingGroupRow group(String name, String field) {
            LeadingGroupRow group = groups.get(name);
            if (group == null) {
                throw DubanException.validation(field, "no leading group named " + name + " in the file or the region");
            }
            return group;
        }
    }

    /**
     * The plan the file is of, if it exists: the one with its document number, or for a plan without one (an attachment
     * to a notice) the one of the region with its title, issuing unit and date.
     */
    private Uni<Void> existingPlan(SqlClient sql, Run run, boolean replace) {
        PlanDocument.Plan wanted = run.document.plan();
        String number = wanted.documentNumber();
        Optional<UnitRow> issuer = run.names.find(wanted.issuingUnit());
        Uni<PlanRow> found = number != null ? plans.byDocumentNumber(sql, number)
                : issuer.isEmpty() ? Uni.createFrom().nullItem()
                : plans.byIdentity(sql, run.region.id, wanted.title(), issuer.get().id, wanted.issuedOn());
        return found.invoke(existing -> {
            if (existing != null && !replace) {
                throw DubanException.conflict((number != null ? "A plan with document number " + number
                        : "A plan without a document number titled " + wanted.title() + ", of the same issuer and date,")
                        + " exists already; import with replace: true to bring it in line with the file");
            }
            if (existing != null && !existing.regionId.equals(run.region.id)) {
                throw DubanException.validation("region.code", "the existing plan belongs to another region");
            }
            run.plan = existing;
        }).replaceWithVoid();
    }

    private Uni<Void> region(SqlClient sql, Run run) {
        PlanDocument.Region wanted = run.document.region();
        return units.regionByCode(sql, wanted.code()).chain(existing -> {
            if (existing == null) {
                throw DubanException.validation("region.code", "no region " + wanted.code()
                        + ": the platform's operator creates regions (createRegion) and gives them their ADMIN");
            }
            run.region = existing;
            return sql.preparedQuery("select region_writable($1)").execute(Tuple.of(existing.id))
                    .replaceWithVoid();
        });
    }

    private Uni<Void> createUnitIfMissing(SqlClient sql, Run run, PlanDocument.Unit wanted) {
        if (run.names.find(wanted.name()).isPresent()) {
            return Uni.createFrom().voidItem();
        }
        UnitRow unit = new UnitRow();
        unit.regionId = run.region.id;
        unit.name = wanted.name();
        unit.shortName = wanted.shortName();
        unit.aliases = stripped(wanted.aliases());
        unit.kind = wanted.kind();
        unit.touch(run.now);
        try {
            run.names.requireFree(unit);
        } catch (DubanException e) {
            run.mistakes.note(DubanException.validation(wanted.path() + ".name", e.getMessage()));
            return Uni.createFrom().voidItem();
        }
        run.names.add(unit);
        run.createdUnits.add(unit);
        return run.write(() -> units.insert(sql, unit));
    }

    /** Parents are set after all units exist, so a file may list a unit before its parent. */
    private static void setParent(Run run, PlanDocument.Unit wanted) {
        if (wanted.parent() == null) {
            return;
        }
        UnitRow unit = run.names.resolve(wanted.name(), wanted.path() + ".name");
        if (run.createdUnits.contains(unit)) {
            unit.parentId = run.names.resolve(wanted.parent(), wanted.path() + ".parent").id;
        }
    }

    /** Only a file whose units all resolved has the ids to walk up its parents by. */
    private static void noParentLoops(Run run) {
        if (!run.mistakes.any()) {
            run.document.units().forEach(unit -> run.mistakes.check(() -> run.names.requireNoParentLoop(
                    run.names.resolve(unit.name(), unit.path() + ".name"), unit.path() + ".parent")));
        }
    }

    /** Sets that groups' members may refer to, so made before the groups. */
    private static List<PlanDocument.UnitSet> listedSets(PlanDocument document) {
        return document.unitSets().stream().filter(s -> s.kind().canBeGroupMember()).toList();
    }

    private static List<PlanDocument.UnitSet> groupSets(PlanDocument document) {
        return document.unitSets().stream().filter(s -> s.kind() == UnitSetKind.GROUP_MEMBERS).toList();
    }

    private Uni<Void> createSetIfMissing(SqlClient sql, Run run, PlanDocument.UnitSet wanted) {
        if (run.sets.containsKey(wanted.name())) {
            return Uni.createFrom().voidItem();
        }
        UnitSetRow set = new UnitSetRow();
        set.regionId = run.region.id;
        set.name = wanted.name();
        set.kind = wanted.kind();
        set.leadingGroupId = wanted.group() == null ? null : run.groupId(wanted.group(), wanted.path() + ".group");
        set.unitKind = wanted.unitKind();
        set.parentUnitId = wanted.parent() == null ? null : run.unitId(wanted.parent(), wanted.path() + ".parent");
        set.touch(run.now);
        List<Long> unitIds = new ArrayList<>();
        for (int i = 0; i < wanted.units().size(); i++) {
            unitIds.add(run.unitId(wanted.units().get(i), wanted.path() + ".units[" + i + "]"));
        }
        set.aliases = stripped(wanted.aliases());
        run.addSet(set);
        return run.write(() -> units.insert(sql, set).chain(() -> units.replaceMembers(sql, set.id, unitIds)));
    }

    private Uni<Void> createGroupIfMissing(SqlClient sql, Run run, PlanDocument.Group wanted) {
        if (run.groups.containsKey(wanted.name())) {
            return Uni.createFrom().voidItem();
        }
        LeadingGroupRow group = new LeadingGroupRow();
        group.regionId = run.region.id;
        group.name = wanted.name();
        group.shortName = wanted.shortName();
        group.officeUnitId = wanted.officeUnit() == null ? null : run.unitId(wanted.officeUnit(), wanted.path() + ".officeUnit");
        group.officeDirectorName = wanted.officeDirector();
        group.touch(run.now);
        List<LeadingGroupMemberRow> newMembers = new ArrayList<>();
        for (PlanDocument.Member m : wanted.members()) {
            LeadingGroupMemberRow member = new LeadingGroupMemberRow();
            member.personName = m.name();
            member.title = m.title();
            member.role = m.role();
            member.unitId = m.unit() == null ? null : run.unitId(m.unit(), m.path() + ".unit");
            UnitSetRow set = m.unitSet() == null ? null : run.mistakes.check(() -> run.set(m.unitSet(), m.path() + ".unitSet"));
            if (set != null && !set.kind.canBeGroupMember()) {
                run.mistakes.note(DubanException.validation(m.path() + ".unitSet", "members cannot refer to another group's member units"));
            } else if (set != null) {
                member.unitSetId = set.id;
            }
            newMembers.add(member);
        }
        run.groups.put(group.name, group);
        return run.write(() -> groups.insert(sql, group).chain(() -> groups.replaceMembers(sql, group.id, newMembers)));
    }

    private Uni<Void> savePlan(SqlClient sql, Run run) {
        PlanDocument.Plan wanted = run.document.plan();
        PlanRow plan = run.plan != null ? run.plan : new PlanRow();
        run.planCreated = run.plan == null;
        List<Object> before = run.planCreated ? null : plan.content();
        run.plan = plan;
        plan.regionId = run.region.id;
        plan.documentNumber = wanted.documentNumber();
        plan.title = wanted.title();
        plan.issuingUnitId = run.unitId(wanted.issuingUnit(), "plan.issuingUnit");
        plan.issuedOn = wanted.issuedOn();
        plan.summary = wanted.summary();
        plan.copiedTo = wanted.copiedTo().toArray(new String[0]);
        List<Long> groupIds = new ArrayList<>();
        for (int i = 0; i < wanted.leadingGroups().size(); i++) {
            Long id = run.groupId(wanted.leadingGroups().get(i), "plan.leadingGroups[" + i + "]");
            if (!groupIds.contains(id)) {
                groupIds.add(id);
            }
        }
        List<BasisDocumentRow> basis = new ArrayList<>();
        for (PlanDocument.BasisDocument b : wanted.basisDocuments()) {
            BasisDocumentRow row = new BasisDocumentRow();
            row.number = b.number();
            row.title = b.title();
            row.issuer = b.issuer();
            basis.add(row);
        }
        // 主送 names units and unit sets alike, as the notice does: a unit by that name, else a set.
        List<Long> addresseeUnits = new ArrayList<>();
        List<Long> addresseeSets = new ArrayList<>();
        for (int i = 0; i < wanted.addressees().size(); i++) {
            String name = wanted.addressees().get(i);
            Optional<UnitRow> unit = run.names.find(name);
            addresseeUnits.add(unit.map(u -> u.id).orElse(null));
            addresseeSets.add(unit.isPresent() ? null : run.setId(name, "plan.addressees[" + i + "]"));
        }
        Uni<Void> saved;
        if (run.planCreated || !plan.content().equals(before)) {
            plan.touch(run.now);
            saved = run.planCreated ? plans.insert(sql, plan) : plans.update(sql, plan);
        } else {
            saved = Uni.createFrom().voidItem();
        }
        return run.write(() -> saved
                .chain(() -> plans.replaceBasisDocuments(sql, plan.id, basis))
                .chain(() -> plans.replaceLeadingGroups(sql, plan.id, groupIds))
                .chain(() -> plans.replaceAddressees(sql, plan.id, addresseeUnits, addresseeSets)));
    }

    /**
     * Brings the plan's tasks in line with the file, in a few statements whatever its size: new tasks level by level
     * (a parent's id before its children's), then the kept ones, then those the file lacks deleted softly; then all
     * their assignments and checklists at once.
     */
    private Uni<Void> syncTasks(SqlClient sql, Run run) {
        Uni<List<TaskRow>> existing = run.planCreated ? Uni.createFrom().item(List.of())
                : tasks.liveTasksOfPlan(sql, run.plan.id);
        return existing.chain(current -> {
            Map<String, TaskRow> byCode = new LinkedHashMap<>();
            current.forEach(task -> byCode.put(task.code, task));
            Map<String, PlanDocument.Task> seen = new HashMap<>();
            Map<String, Integer[]> pathByCode = new HashMap<>();
            Map<String, Integer> childrenSoFar = new HashMap<>();
            Map<Integer, List<TaskRow>> newByDepth = new TreeMap<>();
            List<TaskRow> kept = new ArrayList<>();
            Map<TaskRow, List<Object>> keptBefore = new HashMap<>();
            Map<TaskRow, List<TaskAssignmentRow>> assignments = new LinkedHashMap<>();
            for (PlanDocument.Task wanted : run.document.tasks()) {
                PlanDocument.Task earlier = seen.putIfAbsent(wanted.code(), wanted);
                if (earlier != null) {
                    run.mistakes.note(DubanException.validation(wanted.path() + ".code",
                            "duplicate code " + wanted.code() + " (also " + earlier.path() + ")"));
                    continue;
                }
                Integer[] parentPath = new Integer[0];
                if (wanted.parent() != null) {
                    parentPath = pathByCode.get(wanted.parent());
                    if (parentPath == null) {
                        run.mistakes.note(DubanException.validation(wanted.path() + ".parent",
                                "no earlier task with code " + wanted.parent() + " (list parents before their children)"));
                        parentPath = new Integer[0];
                    }
                }
                int position = childrenSoFar.merge(wanted.parent() == null ? "" : wanted.parent(), 1, Integer::sum);
                Integer[] path = Arrays.copyOf(parentPath, parentPath.length + 1);
                path[parentPath.length] = position;
                pathByCode.put(wanted.code(), path);
                TaskRow task = byCode.remove(wanted.code());
                if (task == null) {
                    task = new TaskRow();
                    run.createdCodes.add(wanted.code());
                    newByDepth.computeIfAbsent(path.length, depth -> new ArrayList<>()).add(task);
                } else {
                    kept.add(task);
                    keptBefore.put(task, task.content());
                }
                fill(task, wanted, path);
                run.tasksByCode.put(wanted.code(), task);
                run.parentCodes.put(wanted.code(), pathByCode.containsKey(wanted.parent()) ? wanted.parent() : null);
                assignments.put(task, assignments(run, wanted));
            }
            byCode.keySet().forEach(run.removedCodes::add);
            List<Long> removed = byCode.values().stream().map(task -> task.id).toList();
            List<TaskRow> changed = new ArrayList<>();
            return run.write(() -> Unis.sequentially(new ArrayList<>(newByDepth.values()), level -> {
                level.forEach(task -> task.parentId = parentId(run, task));
                return tasks.insert(sql, run.plan.id, level, run.now);
            })
                    .invoke(() -> kept.forEach(task -> {
                        task.parentId = parentId(run, task);
                        // a task the file leaves as it is keeps its version: a client editing it gets no false CONFLICT
                        if (!task.content().equals(keptBefore.get(task))) {
                            changed.add(task);
                            run.updatedCodes.add(task.code);
                        }
                    }))
                    .chain(() -> tasks.update(sql, changed, run.now))
                    .chain(() -> tasks.softDelete(sql, removed, run.now))
                    .chain(() -> tasks.setAssignments(sql, byId(assignments, run, true), false))
                    .chain(() -> tasks.setAssignments(sql, byId(assignments, run, false), true))
                    .chain(() -> checklists.add(sql, checklists(run, true)))
                    .chain(() -> checklists.replaceTitles(sql, checklists(run, false))));
        });
    }

    private static void fill(TaskRow task, PlanDocument.Task wanted, Integer[] sortPath) {
        task.code = wanted.code();
        task.sortPath = sortPath;
        task.title = wanted.title();
        task.description = wanted.description();
        task.startDate = wanted.startDate();
        task.deadline = wanted.deadline();
        task.deadlineNote = wanted.deadlineNote();
        task.deadlinePhrase = wanted.deadlinePhrase();
        task.recurrence = wanted.recurrence();
    }

    /** The id of the task's parent in the file, once that has one. */
    private static Long parentId(Run run, TaskRow task) {
        String parent = run.parentCodes.get(task.code);
        return parent == null ? null : run.tasksByCode.get(parent).id;
    }

    private static Map<Long, List<TaskAssignmentRow>> byId(Map<TaskRow, List<TaskAssignmentRow>> assignments, Run run,
            boolean created) {
        Map<Long, List<TaskAssignmentRow>> result = new LinkedHashMap<>();
        assignments.forEach((task, ofTask) -> {
            if (run.createdCodes.contains(task.code) == created) {
                result.put(task.id, ofTask);
            }
        });
        return result;
    }

    private static Map<Long, List<String>> checklists(Run run, boolean created) {
        Map<Long, List<String>> result = new LinkedHashMap<>();
        for (PlanDocument.Task wanted : run.document.tasks()) {
            if (run.createdCodes.contains(wanted.code()) == created) {
                result.put(run.tasksByCode.get(wanted.code()).id, wanted.deliverables());
            }
        }
        return result;
    }

    private static List<TaskAssignmentRow> assignments(Run run, PlanDocument.Task wanted) {
        List<TaskAssignmentRow> result = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < wanted.units().size(); i++) {
            PlanDocument.Assignment a = wanted.units().get(i);
            TaskAssignmentRow assignment = new TaskAssignmentRow();
            String key;
            if (a.unit() != null) {
                UnitRow unit = run.mistakes.check(() -> run.names.resolve(a.unit(), a.path() + ".unit"));
                assignment.unitId = unit == null ? null : unit.id;
                key = unit == null ? null : "u" + unit.name;
            } else {
                UnitSetRow set = run.mistakes.check(() -> run.set(a.unitSet(), a.path() + ".unitSet"));
                assignment.unitSetId = set == null ? null : set.id;
                key = set == null ? null : "s" + set.name;
            }
            if (key != null && seen.contains(key)) {
                run.mistakes.note(DubanException.validation(a.path(), "named twice in this task"));
            }
            seen.add(key);
            assignment.role = a.role();
            result.add(assignment);
        }
        AssignmentRole unwritten = AssignmentRole.unwritten(result.stream().map(a -> a.role).toList());
        result.stream().filter(a -> a.role == null).forEach(a -> a.role = unwritten);
        return result;
    }

    /** The plan's feedback problems are the file's; their tasks are the file's, by code. */
    private Uni<Void> problems(SqlClient sql, Run run) {
        List<ProblemRows.Wanted> wanted = run.mistakes.check(() -> ProblemService.check(run.document.problems().stream()
                .map(PlanDocument.Problem::input).toList(), "problems", run::taskKey));
        return run.write(() -> problems.replace(sql, run.plan.id, wanted, run.now));
    }

    /** Every task of the file gets the milestones the file gives it (none removes them); ticked ones stay ticked. */
    private Uni<Void> milestones(SqlClient sql, Run run) {
        Map<Long, List<Milestones.Wanted>> byTask = new LinkedHashMap<>();
        for (PlanDocument.Task wanted : run.document.tasks()) {
            if (wanted.milestones().isEmpty() && run.createdCodes.contains(wanted.code())) {
                continue;
            }
            Set<String> measured = new HashSet<>();
            wanted.measures().forEach(m -> measured.add(m.kind().name()));
            byTask.put(run.taskKey(wanted.code()), run.mistakes.check(() -> Milestones.check(wanted.milestones(),
                    wanted.path() + ".milestones", wanted.recurrence() != null, measured)));
        }
        return run.write(() -> milestones.replace(sql, byTask, run.now));
    }

    /**
     * The plan answers the higher plan the file names (plan.answers, a plan of a region above), and its tasks the tasks
     * of it the file names (answers, by code); what the file leaves out answers nothing.
     */
    private Uni<Void> answers(SqlClient sql, Run run) {
        String number = run.document.plan().answers();
        Map<Long, String> codes = new LinkedHashMap<>();
        Map<Long, String> paths = new HashMap<>();
        for (PlanDocument.Task wanted : run.document.tasks()) {
            if (wanted.answers() != null) {
                Long taskId = run.taskKey(wanted.code());
                codes.put(taskId, wanted.answers());
                paths.put(taskId, wanted.path() + ".answers");
            }
        }
        if (number == null && !codes.isEmpty()) {
            run.mistakes.note(DubanException.validation(paths.values().iterator().next(),
                    "the plan answers no higher plan (plan.answers)"));
        }
        Uni<Long> higher = number == null ? Uni.createFrom().nullItem() : plans.higherPlan(sql, run.region.id, number).invoke(id -> {
            if (id == null) {
                run.mistakes.note(DubanException.validation("plan.answers", "no plan " + number + " of a region above the plan's"));
            }
        });
        // Whether the higher plan has the tasks named is known by linking them: a file with other mistakes learns it later.
        return higher.chain(id -> run.write(() -> plans.setAnswers(sql, run.plan.id, id)
                .chain(() -> tasks.setAnswersByCode(sql, run.plan.id, id, codes))
                .invoke(missing -> missing.forEach(task -> run.mistakes.note(DubanException.validation(paths.get(task),
                        "no task " + codes.get(task) + " in " + number))))
                .replaceWithVoid()));
    }

    /** Every task of the file gets the measures the file gives it (none removes them). */
    private Uni<Void> measures(SqlClient sql, Run run) {
        return units.regions(sql).chain(all -> {
            Map<String, Long> regionIds = new HashMap<>();
            all.forEach(region -> regionIds.put(region.code, region.id));
            Map<Long, List<TaskMeasureRow>> byTask = new LinkedHashMap<>();
            for (PlanDocument.Task wanted : run.document.tasks()) {
                if (wanted.measures().isEmpty() && run.createdCodes.contains(wanted.code())) {
                    // nothing to give and nothing to take away
                    continue;
                }
                List<TaskMeasureRow> rows = new ArrayList<>();
                for (PlanDocument.Measure m : wanted.measures()) {
                    Long regionId = m.region() == null ? run.region.id : regionIds.get(m.region());
                    if (regionId == null) {
                        run.mistakes.note(DubanException.validation(m.path() + ".region", "no region with code " + m.region()));
                    }
                    Long zoneId = m.zone() == null ? null : run.unitId(m.zone(), m.path() + ".zone");
                    rows.add(run.mistakes.check(() -> MeasureService.measure(m.kind(), m.year(),
                            m.kind() == MeasureKind.QUOTA ? regionId : null, zoneId, m.round(), m.number(), m.path())));
                }
                byTask.put(run.taskKey(wanted.code()), rows);
            }
            return run.write(() -> measures.replace(sql, byTask));
        });
    }
}
