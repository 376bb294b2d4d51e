package org.duban.plan;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.group.LeadingGroupRepository;
import org.duban.unit.UnitRepository;
import org.duban.unit.UnitSetRepository;
import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The persistence steps that editing by hand and importing a plan file share. Every method runs in the
 * caller's transaction.
 */
@ApplicationScoped
public class PlanStore {

    private final Repositories.BasisDocuments basisDocuments;
    private final Repositories.Assignments assignments;
    private final UnitRepository units;
    private final UnitSetRepository unitSets;
    private final LeadingGroupRepository groups;

    PlanStore(Repositories.BasisDocuments basisDocuments, Repositories.Assignments assignments,
            UnitRepository units, UnitSetRepository unitSets,
            LeadingGroupRepository groups) {
        this.basisDocuments = basisDocuments;
        this.assignments = assignments;
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
        return assignments.delete("taskId", taskId).chain(() -> addAssignments(taskId, newAssignments));
    }

    /** The assignments of a task that has none yet. */
    public Uni<Void> addAssignments(long taskId, List<TaskAssignmentEntity> newAssignments) {
        for (int i = 0; i < newAssignments.size(); i++) {
            newAssignments.get(i).taskId = taskId;
            newAssignments.get(i).ordinal = i + 1;
        }
        return newAssignments.isEmpty() ? Uni.createFrom().voidItem() : assignments.persist(newAssignments);
    }

    /**
     * The sort path for a new task at {@code position} (from 1) among the children of {@code parent}
     * (null: top level); appended when {@code position} is null. Siblings from that position on move one
     * place down, their subtrees with them.
     */
    public Uni<Integer[]> placeNewTask(long planId, TaskEntity parent, Integer position) {
        Integer[] prefix = parent == null ? new Integer[0] : parent.sortPath;
        int depth = prefix.length + 1;
        String siblings = parent == null ? "plan_id = :plan and parent_id is null" : "plan_id = :plan and parent_id = :parent";
        return Panache.getSession().chain(session -> bindSiblings(session
                .createNativeQuery("select coalesce(max(sort_path[:depth]), 0) from task where " + siblings
                        + " and deleted_at is null", Integer.class), planId, parent, depth)
                .getSingleResult()
                .chain(last -> {
                    if (position == null || position > last) {
                        return Uni.createFrom().item(last + 1);
                    }
                    Mutiny.MutationQuery shift = session.createNativeQuery("with recursive moved as ("
                            + "select id from task where " + siblings + " and deleted_at is null and sort_path[:depth] >= :position"
                            + " union all select t.id from task t join moved m on t.parent_id = m.id)"
                            + " update task set sort_path[:depth] = sort_path[:depth] + 1 where id in (select id from moved)");
                    bindSiblings(shift, planId, parent, depth).setParameter("position", position);
                    return shift.executeUpdate().replaceWith(position);
                }))
                .map(place -> {
                    Integer[] path = Arrays.copyOf(prefix, depth);
                    path[depth - 1] = place;
                    return path;
                });
    }

    private static <Q extends Mutiny.AbstractQuery> Q bindSiblings(Q query, long planId, TaskEntity parent, int depth) {
        query.setParameter("plan", planId);
        query.setParameter("depth", depth);
        if (parent != null) {
            query.setParameter("parent", parent.id);
        }
        return query;
    }

    /** Deletes softly: the task and its subtree stay on record but leave every list. */
    public Uni<Integer> softDeleteSubtree(TaskEntity task, Instant now) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("with recursive subtree as (select id from task where id = ?1"
                        + " union all select t.id from task t join subtree s on t.parent_id = s.id)"
                        + " update task set deleted_at = ?2, updated_at = ?2, version = version + 1"
                        + " where id in (select id from subtree) and deleted_at is null")
                .setParameter(1, task.id)
                .setParameter(2, now)
                .executeUpdate());
    }
}
