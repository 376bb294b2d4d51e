package org.duban.plan;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.DubanException;
import org.duban.common.Ids;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one writer of {@code deliverable}, a task's checklist. An item is ticked only with its evidence, by
 * {@link #tick}; editing the list and re-importing a plan keep each ticked item's tick, evidence and the account
 * that ticked it. Writing a plan by hand or from a file runs in a Hibernate Reactive transaction, the workflow on
 * the SQL client, so both kinds of method are here until the plan's writes move to the SQL client.
 */
@ApplicationScoped
public class Checklists {

    private final Repositories.Deliverables deliverables;

    Checklists(Repositories.Deliverables deliverables) {
        this.deliverables = deliverables;
    }

    /** The items of a new task, none ticked. */
    public Uni<Void> add(long taskId, List<String> titles) {
        if (titles.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<DeliverableEntity> items = new ArrayList<>();
        for (String title : titles) {
            items.add(newItem(taskId, items.size() + 1, title));
        }
        return deliverables.persist(items);
    }

    /**
     * The checklist a plan file gives: items are matched by title and keep their id and tick (with its time,
     * evidence and account); items the file no longer has are removed, new ones added.
     */
    public Uni<Void> replaceTitles(long taskId, List<String> titles) {
        return deliverables.ofTask(taskId).chain(existing -> {
            Map<String, DeliverableEntity> byTitle = new HashMap<>();
            existing.forEach(item -> byTitle.putIfAbsent(item.title, item));
            List<DeliverableEntity> ordered = new ArrayList<>();
            for (String title : titles) {
                DeliverableEntity item = byTitle.remove(title);
                ordered.add(item == null ? newItem(taskId, 0, title) : item);
            }
            return save(existing, ordered);
        });
    }

    /**
     * Makes the checklist the given list: items with an id are kept and changed, new ones added, the rest removed.
     * An item may stay ticked or be unticked here; ticking takes evidence, so it is {@link #tick}'s.
     */
    public Uni<Void> set(long taskId, List<PlanInputs.DeliverableInput> items) {
        return deliverables.ofTask(taskId).chain(existing -> {
            Map<Long, DeliverableEntity> byId = new HashMap<>();
            existing.forEach(item -> byId.put(item.id, item));
            Set<Long> seen = new HashSet<>();
            List<DeliverableEntity> ordered = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                PlanInputs.DeliverableInput input = items.get(i);
                boolean done = Boolean.TRUE.equals(input.done());
                DeliverableEntity item;
                if (input.id() == null) {
                    item = newItem(taskId, 0, input.title().strip());
                } else {
                    Long id = Ids.parse(input.id(), "Deliverable");
                    item = byId.get(id);
                    if (item == null || !seen.add(id)) {
                        throw DubanException.validation("deliverables[" + i + "].id", "not an item of this task: " + input.id());
                    }
                }
                if (done && !item.done) {
                    throw DubanException.validation("deliverables[" + i + "].done",
                            "an item is ticked with its evidence: use tickDeliverable");
                }
                if (!done) {
                    item.untick();
                }
                item.title = input.title().strip();
                ordered.add(item);
            }
            return save(existing, ordered);
        });
    }

    /** Ticks (with evidence, already checked to be the task's) or unticks an item, in the caller's transaction. */
    public Uni<Void> tick(SqlConnection connection, long deliverableId, boolean done, List<Long> evidenceIds, Long accountId,
            Instant now) {
        return connection.preparedQuery("update deliverable set done = $2, done_at = case when $2 then coalesce(done_at, $3) end,"
                + " evidence_ids = $4, done_by = case when $2 then $5::bigint end where id = $1")
                .execute(Tuple.from(new Object[] { deliverableId, done, now.atOffset(ZoneOffset.UTC),
                        (done ? evidenceIds : List.<Long>of()).toArray(new Long[0]), accountId }))
                .replaceWithVoid();
    }

    /**
     * Makes the task's items {@code ordered}, in that order: existing ones keep their row (so their id and tick),
     * new ones are added, and those of {@code existing} left out are removed.
     */
    private Uni<Void> save(List<DeliverableEntity> existing, List<DeliverableEntity> ordered) {
        List<DeliverableEntity> added = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            DeliverableEntity item = ordered.get(i);
            item.ordinal = i + 1;
            if (item.id == null) {
                added.add(item);
            }
        }
        List<Long> removed = existing.stream().filter(item -> !ordered.contains(item)).map(item -> item.id).toList();
        Uni<Long> delete = removed.isEmpty() ? Uni.createFrom().item(0L) : deliverables.delete("id in ?1", removed);
        return delete.chain(() -> added.isEmpty() ? Uni.createFrom().voidItem() : deliverables.persist(added));
    }

    private static DeliverableEntity newItem(long taskId, int ordinal, String title) {
        DeliverableEntity item = new DeliverableEntity();
        item.taskId = taskId;
        item.ordinal = ordinal;
        item.title = title;
        return item;
    }
}
