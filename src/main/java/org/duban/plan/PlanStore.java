package org.duban.plan;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.group.LeadingGroupRepository;
import org.duban.unit.UnitRepository;
import org.duban.unit.UnitSetRepository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The persistence steps that editing by hand and importing a plan file share. Every method runs in the
 * caller's transaction.
 */
@ApplicationScoped
public class PlanStore {

    private final Repositories.Tasks tasks;
    private final Repositories.BasisDocuments basisDocuments;
    private final Repositories.Assignments assignments;
    private final Repositories.Deliverables deliverables;
    private final UnitRepository units;
    private final UnitSetRepository unitSets;
    private final LeadingGroupRepository groups;

    PlanStore(Repositories.Tasks tasks, Repositories.BasisDocuments basisDocuments, Repositories.Assignments assignments,
            Repositories.Deliverables deliverables, UnitRepository units, UnitSetRepository unitSets,
            LeadingGroupRepository groups) {
        this.tasks = tasks;
        this.basisDocuments = basisDocuments;
        this.assignments = assignments;
        this.deliverables = deliverables;
        this.units = units;
        this.unitSets = unitSets;
        this.groups = groups;
    }

    public Uni<RegionReferences> references(long regionId) {
        return units.inRegion(regionId)
                .chain(u -> unitSets.inRegion(regionId)
                        .chain(s -> groups.inRegion(regionId).map(g -> new RegionReferences(regionId, u, s, g))));
    }

    public Uni<Void> replaceBasisDocuments(long planId, List<BasisDocumentEntity> documents) {
        for (int i = 0; i < documents.size(); i++) {
            documents.get(i).planId = planId;
            documents.get(i).ordinal = i + 1;
        }
        return basisDocuments.delete("planId", planId)
                .chain(() -> documents.isEmpty() ? Uni.createFrom().voidItem() : basisDocuments.persist(documents));
    }

    public Uni<Void> replaceLeadingGroups(long planId, List<Long> groupIds) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("delete from plan_leading_group where plan_id = ?1")
                .setParameter(1, planId)
                .executeUpdate()
                .chain(() -> groupIds.isEmpty() ? Uni.createFrom().item(0) : session
                        .createNativeQuery("insert into plan_leading_group (plan_id, group_id)"
                                + " select ?1, g from unnest(cast(?2 as bigint[])) g")
                        .setParameter(1, planId)
                        .setParameter(2, groupIds.toArray(new Long[0]))
                        .executeUpdate()))
                .replaceWithVoid();
    }

    public Uni<Void> replaceAssignments(long taskId, List<TaskAssignmentEntity> newAssignments) {
        for (int i = 0; i < newAssignments.size(); i++) {
            newAssignments.get(i).taskId = taskId;
            newAssignments.get(i).ordinal = i + 1;
        }
        return assignments.delete("taskId", taskId)
                .chain(() -> newAssignments.isEmpty() ? Uni.createFrom().voidItem() : assignments.persist(newAssignments));
    }

    public Uni<Void> addDeliverables(long taskId, List<String> titles, Instant now) {
        if (titles.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<DeliverableEntity> items = new java.util.ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            DeliverableEntity item = new DeliverableEntity();
            item.taskId = taskId;
            item.ordinal = i + 1;
            item.title = titles.get(i);
            items.add(item);
        }
        return deliverables.persist(items);
    }

    /**
     * The sort path for a new task at {@code position} (from 1) among the children of {@code parentPath}
     * (null: top level); appended when {@code position} is null. Siblings from that position on move one
     * place down, their subtrees with them.
     */
    public Uni<Integer[]> placeNewTask(long planId, Integer[] parentPath, Integer position) {
        int depth = parentPath == null ? 1 : parentPath.length + 1;
        Integer[] prefix = parentPath == null ? new Integer[0] : parentPath;
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select coalesce(max(sort_path[?3]), 0) from task where plan_id = ?1"
                        + " and deleted_at is null and cardinality(sort_path) = ?3"
                        + " and sort_path[1:?3 - 1] = cast(?2 as int[])", Integer.class)
                .setParameter(1, planId)
                .setParameter(2, prefix)
                .setParameter(3, depth)
                .getSingleResult()
                .chain(last -> {
                    if (position == null || position > last) {
                        return Uni.createFrom().item(last + 1);
                    }
                    return session.createNativeQuery("update task set sort_path[?3] = sort_path[?3] + 1"
                            + " where plan_id = ?1 and deleted_at is null and cardinality(sort_path) >= ?3"
                            + " and sort_path[1:?3 - 1] = cast(?2 as int[]) and sort_path[?3] >= ?4")
                            .setParameter(1, planId)
                            .setParameter(2, prefix)
                            .setParameter(3, depth)
                            .setParameter(4, position)
                            .executeUpdate()
                            .replaceWith(position);
                }))
                .map(place -> {
                    Integer[] path = Arrays.copyOf(prefix, depth);
                    path[depth - 1] = place;
                    return path;
                });
    }

    /** Deletes softly: the task and its subtree stay on record but leave every list. */
    public Uni<Integer> softDeleteSubtree(TaskEntity task, Instant now) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("update task set deleted_at = ?3, updated_at = ?3, version = version + 1"
                        + " where plan_id = ?1 and deleted_at is null"
                        + " and sort_path[1:cardinality(cast(?2 as int[]))] = cast(?2 as int[])")
                .setParameter(1, task.planId)
                .setParameter(2, task.sortPath)
                .setParameter(3, now)
                .executeUpdate());
    }

    public Repositories.Tasks tasks() {
        return tasks;
    }
}
