package org.duban.importer;

import static org.duban.common.Text.stripped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;
import org.duban.common.Unis;
import org.duban.group.LeadingGroupEntity;
import org.duban.group.LeadingGroupMemberEntity;
import org.duban.group.LeadingGroupMemberRepository;
import org.duban.group.LeadingGroupRepository;
import org.duban.land.LandImporter;
import org.duban.measure.MeasureKind;
import org.duban.measure.MeasureService;
import org.duban.measure.TaskMeasureEntity;
import org.duban.plan.AssignmentRole;
import org.duban.plan.BasisDocumentEntity;
import org.duban.plan.Checklists;
import org.duban.plan.PlanEntity;
import org.duban.plan.PlanStore;
import org.duban.plan.Repositories;
import org.duban.plan.TaskAssignmentEntity;
import org.duban.plan.TaskEntity;
import org.duban.unit.RegionEntity;
import org.duban.unit.RegionRepository;
import org.duban.unit.UnitEntity;
import org.duban.unit.UnitNames;
import org.duban.unit.UnitRepository;
import org.duban.unit.UnitSetEntity;
import org.duban.unit.UnitSetKind;
import org.duban.unit.UnitSetRepository;
import org.hibernate.FlushMode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Writes a parsed plan file in one transaction: all of it or, on the first error, nothing.
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
    private final RegionRepository regions;
    private final UnitRepository units;
    private final UnitSetRepository unitSets;
    private final LeadingGroupRepository groups;
    private final LeadingGroupMemberRepository members;
    private final Repositories.Plans plans;
    private final Repositories.Tasks tasks;
    private final Checklists checklists;
    private final PlanStore store;
    private final LandImporter land;
    private final MeasureService.Measures measures;
    private final Clock clock;

    PlanImporter(RegionRepository regions, UnitRepository units, UnitSetRepository unitSets, LeadingGroupRepository groups,
            LeadingGroupMemberRepository members, Repositories.Plans plans, Repositories.Tasks tasks,
            Checklists checklists, PlanStore store, LandImporter land, MeasureService.Measures measures,
            Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.regions = regions;
        this.units = units;
        this.unitSets = unitSets;
        this.groups = groups;
        this.members = members;
        this.plans = plans;
        this.tasks = tasks;
        this.checklists = checklists;
        this.store = store;
        this.land = land;
        this.measures = measures;
        this.clock = clock;
    }

    /** The outcome, with the plan's id for reading it back after the commit. */
    public record Outcome(long planId, boolean created, int unitsCreated, int tasksCreated, int tasksUpdated,
            int tasksRemoved) {
    }

    @WithTransaction
    public Uni<Outcome> importPlan(PlanDocument document, boolean replace) {
        Run run = new Run(document, clock.instant());
        // Each query would otherwise first flush the session, checking every entity the import holds (thousands):
        // the import reads only what it has not changed yet, and rows are inserted as they are persisted.
        return Panache.getSession().invoke(session -> session.setFlushMode(FlushMode.COMMIT))
                .chain(() -> audit.stamp()).chain(() -> plans.byDocumentNumber(document.plan().documentNumber())
                .invoke(existing -> {
                    if (existing != null && !replace) {
                        throw DubanException.conflict("A plan with document number " + document.plan().documentNumber()
                                + " exists already; import with replace: true to bring it in line with the file");
                    }
                    run.plan = existing;
                })
                .chain(() -> region(run))
                .chain(() -> units.inRegion(run.region.id))
                .invoke(existing -> run.names = new UnitNames(existing))
                .chain(() -> Unis.sequentially(document.units(), unit -> createUnitIfMissing(run, unit)))
                .invoke(() -> document.units().forEach(unit -> setParent(run, unit)))
                .invoke(() -> document.units().forEach(unit -> run.names.requireNoParentLoop(
                        run.names.resolve(unit.name(), unit.path() + ".name"), unit.path() + ".parent")))
                .chain(() -> unitSets.inRegion(run.region.id))
                .invoke(existing -> existing.forEach(set -> run.sets.put(set.name, set)))
                .chain(() -> groups.inRegion(run.region.id))
                .invoke(existing -> existing.forEach(group -> run.groups.put(group.name, group)))
                .chain(() -> Unis.sequentially(listedSets(document), set -> createSetIfMissing(run, set)))
                .chain(() -> Unis.sequentially(document.leadingGroups(), group -> createGroupIfMissing(run, group)))
                .chain(() -> Unis.sequentially(groupSets(document), set -> createSetIfMissing(run, set)))
                .chain(() -> savePlan(run))
                .chain(() -> syncTasks(run))
                .chain(() -> land.write(document.land(), run.region.id, run.names, run.now))
                .chain(() -> measures(run))
                .chain(() -> inspections(run))
                .map(done -> new Outcome(run.plan.id, run.planCreated, run.unitsCreated, run.tasksCreated, run.tasksUpdated,
                        run.tasksRemoved)));
    }

    /** Adds the document's inspections the plan does not carry yet (same body, same first day); never removes one. */
    private Uni<Void> inspections(Run run) {
        return Unis.sequentially(run.document.inspections(), wanted -> Panache.getSession().chain(session -> session
                .createNativeQuery("insert into inspection (plan_id, inspecting_body, starts_on, ends_on, created_at, updated_at)"
                        + " select ?1, ?2, ?3, ?4, ?5, ?5 where not exists (select 1 from inspection"
                        + " where plan_id = ?1 and inspecting_body = ?2 and starts_on = ?3)")
                .setParameter(1, run.plan.id).setParameter(2, wanted.inspectingBody()).setParameter(3, wanted.startsOn())
                .setParameter(4, wanted.endsOn()).setParameter(5, run.now.atOffset(java.time.ZoneOffset.UTC))
                .executeUpdate()));
    }

    /** What one import has found and made so far. */
    private static final class Run {
        final PlanDocument document;
        final Instant now;
        RegionEntity region;
        UnitNames names;
        final Map<String, UnitSetEntity> sets = new HashMap<>();
        final Map<String, LeadingGroupEntity> groups = new HashMap<>();
        final Map<String, TaskEntity> tasksByCode = new HashMap<>();
        final Set<String> createdCodes = new HashSet<>();
        final List<UnitEntity> createdUnits = new ArrayList<>();
        PlanEntity plan;
        boolean planCreated;
        int unitsCreated;
        int tasksCreated;
        int tasksUpdated;
        int tasksRemoved;
        Run(PlanDocument document, Instant now) {
            this.document = document;
            this.now = now;
        }

        UnitSetEntity set(String name, String field) {
            UnitSetEntity set = sets.get(name);
            if (set == null) {
                throw DubanException.validation(field, "no unit set named " + name + " in the file or the region");
            }
            return set;
        }

        LeadingGroupEntity group(String name, String field) {
            LeadingGroupEntity group = groups.get(name);
            if (group == null) {
                throw DubanException.validation(field, "no leading group named " + name + " in the file or the region");
            }
            return group;
        }
    }

    private Uni<Void> region(Run run) {
        PlanDocument.Region wanted = run.document.region();
        return regions.byCode(wanted.code()).chain(existing -> {
            if (existing != null) {
                run.region = existing;
                return Uni.createFrom().voidItem();
            }
            RegionEntity region = new RegionEntity();
            region.code = wanted.code();
            region.name = wanted.name();
            return regions.persist(region).invoke(saved -> run.region = saved).replaceWithVoid();
        }).invoke(() -> {
            if (run.plan != null && !run.plan.regionId.equals(run.region.id)) {
                throw DubanException.validation("region.code", "the existing plan belongs to another region");
            }
        });
    }

    private Uni<Void> createUnitIfMissing(Run run, PlanDocument.Unit wanted) {
        if (run.names.find(wanted.name()).isPresent()) {
            return Uni.createFrom().voidItem();
        }
        UnitEntity unit = new UnitEntity();
        unit.regionId = run.region.id;
        unit.name = wanted.name();
        unit.shortName = wanted.shortName();
        unit.aliases = stripped(wanted.aliases());
        unit.kind = wanted.kind();
        unit.touch(run.now);
        try {
            run.names.requireFree(unit);
        } catch (DubanException e) {
            throw DubanException.validation(wanted.path() + ".name", e.getMessage());
        }
        run.names.add(unit);
        run.createdUnits.add(unit);
        run.unitsCreated++;
        return units.persist(unit).replaceWithVoid();
    }

    /** Parents are set after all units exist, so a file may list a unit before its parent. */
    private static void setParent(Run run, PlanDocument.Unit wanted) {
        if (wanted.parent() == null) {
            return;
        }
        UnitEntity unit = run.names.resolve(wanted.name(), wanted.path() + ".name");
        if (run.createdUnits.contains(unit)) {
            unit.parentId = run.names.resolve(wanted.parent(), wanted.path() + ".parent").id;
        }
    }

    /** Sets that groups' members may refer to, so made before the groups. */
    private static List<PlanDocument.UnitSet> listedSets(PlanDocument document) {
        return document.unitSets().stream().filter(s -> s.kind().canBeGroupMember()).toList();
    }

    private static List<PlanDocument.UnitSet> groupSets(PlanDocument document) {
        return document.unitSets().stream().filter(s -> s.kind() == UnitSetKind.GROUP_MEMBERS).toList();
    }

    private Uni<Void> createSetIfMissing(Run run, PlanDocument.UnitSet wanted) {
        if (run.sets.containsKey(wanted.name())) {
            return Uni.createFrom().voidItem();
        }
        UnitSetEntity set = new UnitSetEntity();
        set.regionId = run.region.id;
        set.name = wanted.name();
        set.kind = wanted.kind();
        set.leadingGroupId = wanted.group() == null ? null : run.group(wanted.group(), wanted.path() + ".group").id;
        set.touch(run.now);
        List<Long> unitIds = new ArrayList<>();
        for (int i = 0; i < wanted.units().size(); i++) {
            unitIds.add(run.names.resolve(wanted.units().get(i), wanted.path() + ".units[" + i + "]").id);
        }
        run.sets.put(set.name, set);
        return unitSets.persist(set)
                .call(() -> unitSets.flush())
                .chain(saved -> unitSets.replaceMembers(saved.id, unitIds));
    }

    private Uni<Void> createGroupIfMissing(Run run, PlanDocument.Group wanted) {
        if (run.groups.containsKey(wanted.name())) {
            return Uni.createFrom().voidItem();
        }
        LeadingGroupEntity group = new LeadingGroupEntity();
        group.regionId = run.region.id;
        group.name = wanted.name();
        group.shortName = wanted.shortName();
        group.officeUnitId = wanted.officeUnit() == null ? null
                : run.names.resolve(wanted.officeUnit(), wanted.path() + ".officeUnit").id;
        group.officeDirectorName = wanted.officeDirector();
        group.touch(run.now);
        List<LeadingGroupMemberEntity> newMembers = new ArrayList<>();
        for (PlanDocument.Member m : wanted.members()) {
            LeadingGroupMemberEntity member = new LeadingGroupMemberEntity();
            member.ordinal = newMembers.size() + 1;
            member.personName = m.name();
            member.title = m.title();
            member.role = m.role();
            member.unitId = m.unit() == null ? null : run.names.resolve(m.unit(), m.path() + ".unit").id;
            if (m.unitSet() != null) {
                UnitSetEntity set = run.set(m.unitSet(), m.path() + ".unitSet");
                if (!set.kind.canBeGroupMember()) {
                    throw DubanException.validation(m.path() + ".unitSet", "members cannot refer to another group's member units");
                }
                member.unitSetId = set.id;
            }
            newMembers.add(member);
        }
        run.groups.put(group.name, group);
        return groups.persist(group).chain(saved -> {
            newMembers.forEach(m -> m.groupId = saved.id);
            return newMembers.isEmpty() ? Uni.createFrom().voidItem() : members.persist(newMembers);
        });
    }

    private Uni<Void> savePlan(Run run) {
        PlanDocument.Plan wanted = run.document.plan();
        PlanEntity plan = run.plan != null ? run.plan : new PlanEntity();
        run.planCreated = run.plan == null;
        plan.regionId = run.region.id;
        plan.documentNumber = wanted.documentNumber();
        plan.title = wanted.title();
        plan.issuingUnitId = run.names.resolve(wanted.issuingUnit(), "plan.issuingUnit").id;
        plan.issuedOn = wanted.issuedOn();
        plan.summary = wanted.summary();
        plan.copiedTo = wanted.copiedTo().toArray(new String[0]);
        plan.touch(run.now);
        List<Long> groupIds = new ArrayList<>();
        for (int i = 0; i < wanted.leadingGroups().size(); i++) {
            Long id = run.group(wanted.leadingGroups().get(i), "plan.leadingGroups[" + i + "]").id;
            if (!groupIds.contains(id)) {
                groupIds.add(id);
            }
        }
        List<BasisDocumentEntity> basis = new ArrayList<>();
        for (PlanDocument.BasisDocument b : wanted.basisDocuments()) {
            BasisDocumentEntity entity = new BasisDocumentEntity();
            entity.number = b.number();
            entity.title = b.title();
            entity.issuer = b.issuer();
            basis.add(entity);
        }
        Uni<PlanEntity> saved;
        if (run.planCreated) {
            saved = plans.persist(plan);
        } else {
            saved = Uni.createFrom().item(plan);
        }
        return saved.invoke(p -> run.plan = p)
                .chain(p -> store.replaceBasisDocuments(p.id, basis))
                .chain(() -> store.replaceLeadingGroups(run.plan.id, groupIds));
    }

    private Uni<Void> syncTasks(Run run) {
        Uni<List<TaskEntity>> existing = run.planCreated ? Uni.createFrom().item(List.of()) : tasks.ofPlan(run.plan.id);
        return existing.chain(current -> {
            Map<String, TaskEntity> byCode = new LinkedHashMap<>();
            current.forEach(task -> byCode.put(task.code, task));
            Map<String, PlanDocument.Task> seen = new HashMap<>();
            Map<String, Integer[]> pathByCode = new HashMap<>();
            Map<String, Integer> childrenSoFar = new HashMap<>();
            List<Placed> placed = new ArrayList<>();
            for (PlanDocument.Task wanted : run.document.tasks()) {
                PlanDocument.Task earlier = seen.putIfAbsent(wanted.code(), wanted);
                if (earlier != null) {
                    throw DubanException.validation(wanted.path() + ".code",
                            "duplicate code " + wanted.code() + " (also " + earlier.path() + ")");
                }
                Integer[] parentPath = new Integer[0];
                if (wanted.parent() != null) {
                    parentPath = pathByCode.get(wanted.parent());
                    if (parentPath == null) {
                        throw DubanException.validation(wanted.path() + ".parent",
                                "no earlier task with code " + wanted.parent() + " (list parents before their children)");
                    }
                }
                int position = childrenSoFar.merge(wanted.parent() == null ? "" : wanted.parent(), 1, Integer::sum);
                Integer[] path = java.util.Arrays.copyOf(parentPath, parentPath.length + 1);
                path[parentPath.length] = position;
                pathByCode.put(wanted.code(), path);
                placed.add(new Placed(wanted, path, assignments(run, wanted), byCode.remove(wanted.code())));
            }
            Map<String, TaskEntity> savedByCode = run.tasksByCode;
            return Unis.sequentially(placed, p -> saveTask(run, p, savedByCode))
                    .chain(() -> Unis.sequentially(new ArrayList<>(byCode.values()), gone -> {
                        run.tasksRemoved++;
                        gone.deletedAt = run.now;
                        gone.touch(run.now);
                        return Uni.createFrom().voidItem();
                    }));
        });
    }

    private record Placed(PlanDocument.Task wanted, Integer[] sortPath, List<TaskAssignmentEntity> assignments,
            TaskEntity existing) {
    }

    private Uni<Void> saveTask(Run run, Placed placed, Map<String, TaskEntity> savedByCode) {
        PlanDocument.Task wanted = placed.wanted();
        TaskEntity task = placed.existing() != null ? placed.existing() : new TaskEntity();
        boolean created = placed.existing() == null;
        task.planId = run.plan.id;
        task.parentId = wanted.parent() == null ? null : savedByCode.get(wanted.parent()).id;
        task.code = wanted.code();
        task.sortPath = placed.sortPath();
        task.title = wanted.title();
        task.description = wanted.description();
        task.startDate = wanted.startDate();
        task.deadline = wanted.deadline();
        task.deadlineNote = wanted.deadlineNote();
        task.recurrence = wanted.recurrence();
        task.touch(run.now);
        Uni<TaskEntity> saved;
        if (created) {
            run.tasksCreated++;
            run.createdCodes.add(wanted.code());
            saved = tasks.persist(task);
        } else {
            run.tasksUpdated++;
            saved = Uni.createFrom().item(task);
        }
        // A new task has nothing to replace: no delete to send for each of thousands of tasks.
        return saved.invoke(t -> savedByCode.put(t.code, t))
                .call(t -> created ? store.addAssignments(t.id, placed.assignments())
                        : store.replaceAssignments(t.id, placed.assignments()))
                .call(t -> created ? checklists.add(t.id, wanted.deliverables())
                        : checklists.replaceTitles(t.id, wanted.deliverables()))
                .replaceWithVoid();
    }

    private static List<TaskAssignmentEntity> assignments(Run run, PlanDocument.Task wanted) {
        List<TaskAssignmentEntity> result = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < wanted.units().size(); i++) {
            PlanDocument.Assignment a = wanted.units().get(i);
            TaskAssignmentEntity assignment = new TaskAssignmentEntity();
            String key;
            if (a.unit() != null) {
                assignment.unitId = run.names.resolve(a.unit(), a.path() + ".unit").id;
                key = "u" + assignment.unitId;
            } else {
                assignment.unitSetId = run.set(a.unitSet(), a.path() + ".unitSet").id;
                key = "s" + assignment.unitSetId;
            }
            if (seen.contains(key)) {
                throw DubanException.validation(a.path(), "named twice in this task");
            }
            seen.add(key);
            assignment.role = a.role() != null ? a.role() : i == 0 ? AssignmentRole.LEAD : AssignmentRole.ASSIST;
            result.add(assignment);
        }
        return result;
    }

    /** Every task of the file gets the measures the file gives it (none removes them). */
    private Uni<Void> measures(Run run) {
        return regions.listAll().chain(all -> {
            Map<String, Long> regionIds = new HashMap<>();
            all.forEach(region -> regionIds.put(region.code, region.id));
            return Unis.sequentially(run.document.tasks(), wanted -> {
                if (wanted.measures().isEmpty() && run.createdCodes.contains(wanted.code())) {
                    // nothing to give and nothing to take away
                    return Uni.createFrom().voidItem();
                }
                List<TaskMeasureEntity> entities = new ArrayList<>();
                for (PlanDocument.Measure m : wanted.measures()) {
                    Long regionId = m.region() == null ? run.region.id : regionIds.get(m.region());
                    if (regionId == null) {
                        throw DubanException.validation(m.path() + ".region", "no region with code " + m.region());
                    }
                    Long zoneId = m.zone() == null ? null : run.names.resolve(m.zone(), m.path() + ".zone").id;
                    entities.add(MeasureService.entity(m.kind(), m.year(), m.kind() == MeasureKind.QUOTA ? regionId : null,
                            zoneId, m.round(), m.path()));
                }
                return measures.replace(run.tasksByCode.get(wanted.code()).id, entities);
            });
        });
    }
}
