package org.duban.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.DubanException;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.sql.Rows;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one writer of {@code deliverable}, a task's checklist. An item is ticked only with its evidence, by
 * {@link #tick}; editing the list and re-importing a plan keep each ticked item's tick, evidence and the account
 * that ticked it. Every method runs in the caller's transaction, and takes many tasks in a few statements.
 */
@ApplicationScoped
public class Checklists {

    /** The items of new tasks, none ticked. */
    public Uni<Void> add(SqlClient sql, Map<Long, List<String>> titlesByTask) {
        List<DeliverableRow> added = new ArrayList<>();
        titlesByTask.forEach((taskId, titles) -> {
            for (int i = 0; i < titles.size(); i++) {
                added.add(newItem(taskId, i + 1, titles.get(i)));
            }
        });
        return save(sql, List.of(), added);
    }

    /**
     * The checklists a plan file gives: items are matched by title and keep their id and tick (with its time,
     * evidence and account); items the file no longer has are removed, new ones added.
     */
    public Uni<Void> replaceTitles(SqlClient sql, Map<Long, List<String>> titlesByTask) {
        if (titlesByTask.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return itemsOf(sql, titlesByTask.keySet()).chain(existing -> {
            Map<Long, Map<String, DeliverableRow>> byTaskAndTitle = new HashMap<>();
            existing.forEach(item -> byTaskAndTitle.computeIfAbsent(item.taskId, id -> new HashMap<>())
                    .putIfAbsent(item.title, item));
            List<DeliverableRow> wanted = new ArrayList<>();
            titlesByTask.forEach((taskId, titles) -> {
                Map<String, DeliverableRow> byTitle = byTaskAndTitle.getOrDefault(taskId, new HashMap<>());
                for (int i = 0; i < titles.size(); i++) {
                    DeliverableRow item = byTitle.remove(titles.get(i));
                    DeliverableRow kept = item == null ? newItem(taskId, 0, titles.get(i)) : item.copy();
                    kept.ordinal = i + 1;
                    wanted.add(kept);
                }
            });
            return save(sql, existing, wanted);
        });
    }

    /**
     * Makes the checklist the given list: items with an id are kept and changed, new ones added, the rest removed.
     * An item may stay ticked or be unticked here; ticking takes evidence, so it is {@link #tick}'s.
     */
    public Uni<Void> set(SqlClient sql, long taskId, List<PlanInputs.DeliverableInput> items) {
        return itemsOf(sql, Set.of(taskId)).chain(existing -> {
            Map<Long, DeliverableRow> byId = new HashMap<>();
            existing.forEach(item -> byId.put(item.id, item));
            Set<Long> seen = new HashSet<>();
            List<DeliverableRow> wanted = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                PlanInputs.DeliverableInput input = items.get(i);
                boolean done = Boolean.TRUE.equals(input.done());
                DeliverableRow item;
                if (input.id() == null) {
                    item = newItem(taskId, 0, input.title().strip());
                } else {
                    Long id = Ids.parse(input.id(), IdKind.DELIVERABLE);
                    DeliverableRow found = byId.get(id);
                    if (found == null || !seen.add(id)) {
                        throw DubanException.validation("deliverables[" + i + "].id", "not an item of this task: " + input.id());
                    }
                    item = found.copy();
                }
                if (done && !item.done) {
                    throw DubanException.validation("deliverables[" + i + "].done",
                            "an item is ticked with its evidence: use tickDeliverable");
                }
                if (!done) {
                    item.untick();
                }
                item.title = input.title().strip();
                item.ordinal = i + 1;
                wanted.add(item);
            }
            return save(sql, existing, wanted);
        });
    }

    /** Ticks (with evidence, already checked to be the task's) or unticks an item. */
    public Uni<Void> tick(SqlClient sql, long deliverableId, boolean done, List<Long> evidenceIds, Long accountId,
            Instant now) {
        return sql.preparedQuery("update deliverable set done = $2, done_at = case when $2 then coalesce(done_at, $3) end,"
                + " evidence_ids = $4, done_by = case when $2 then $5::bigint end where id = $1")
                .execute(Tuple.from(new Object[] { deliverableId, done, Rows.utc(now),
                        (done ? evidenceIds : List.<Long>of()).toArray(new Long[0]), accountId }))
                .replaceWithVoid();
    }

    private static Uni<List<DeliverableRow>> itemsOf(SqlClient sql, Set<Long> taskIds) {
        return sql.preparedQuery("select id, task_id, ordinal, title, done, done_at, evidence_ids, done_by from deliverable"
                + " where task_id = any($1) order by task_id, ordinal")
                .execute(Tuple.of(taskIds.toArray(new Long[0])))
                .map(rows -> Rows.map(rows, DeliverableRow::from));
    }

    /**
     * Makes the items {@code wanted}: those with an id keep their row (so their id and tick) and are written where
     * they changed, new ones are added, and those of {@code existing} left out are removed.
     */
    private static Uni<Void> save(SqlClient sql, List<DeliverableRow> existing, List<DeliverableRow> wanted) {
        Map<Long, DeliverableRow> before = new HashMap<>();
        existing.forEach(item -> before.put(item.id, item));
        List<DeliverableRow> added = new ArrayList<>();
        List<DeliverableRow> changed = new ArrayList<>();
        Set<Long> kept = new HashSet<>();
        for (DeliverableRow item : wanted) {
            if (item.id == null) {
                added.add(item);
            } else {
                kept.add(item.id);
                if (!item.sameAs(before.get(item.id))) {
                    changed.add(item);
                }
            }
        }
        Long[] removed = existing.stream().map(item -> item.id).filter(id -> !kept.contains(id)).toArray(Long[]::new);
        Uni<Void> delete = removed.length == 0 ? Uni.createFrom().voidItem() : sql
                .preparedQuery("delete from deliverable where id = any($1)").execute(Tuple.of(removed)).replaceWithVoid();
        // Unticking clears the tick's time, evidence and account with it (DeliverableRow.untick).
        Uni<Void> update = changed.isEmpty() ? Uni.createFrom().voidItem() : sql
                .preparedQuery("update deliverable d set ordinal = v.ordinal, title = v.title, done = v.done,"
                        + " done_at = case when v.done then d.done_at end, evidence_ids = case when v.done then d.evidence_ids"
                        + " else '{}' end, done_by = case when v.done then d.done_by end"
                        + " from unnest($1::bigint[], $2::int[], $3::text[], $4::boolean[]) as v(id, ordinal, title, done)"
                        + " where d.id = v.id")
                .execute(Tuple.of(changed.stream().map(i -> i.id).toArray(Long[]::new),
                        changed.stream().map(i -> i.ordinal).toArray(Integer[]::new),
                        changed.stream().map(i -> i.title).toArray(String[]::new),
                        changed.stream().map(i -> i.done).toArray(Boolean[]::new)))
                .replaceWithVoid();
        Uni<Void> insert = added.isEmpty() ? Uni.createFrom().voidItem() : sql
                .preparedQuery("insert into deliverable (task_id, ordinal, title) select * from unnest($1::bigint[], $2::int[],"
                        + " $3::text[])")
                .execute(Tuple.of(added.stream().map(i -> i.taskId).toArray(Long[]::new),
                        added.stream().map(i -> i.ordinal).toArray(Integer[]::new),
                        added.stream().map(i -> i.title).toArray(String[]::new)))
                .replaceWithVoid();
        return delete.chain(() -> update).chain(() -> insert);
    }

    private static DeliverableRow newItem(long taskId, int ordinal, String title) {
        DeliverableRow item = new DeliverableRow();
        item.taskId = taskId;
        item.ordinal = ordinal;
        item.title = title;
        return item;
    }
}
