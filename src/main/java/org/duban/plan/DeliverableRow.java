package org.duban.plan;

import java.time.Instant;

import org.duban.common.sql.Rows;

import io.vertx.mutiny.sqlclient.Row;

/** A checklist item of a task. Written through {@link Checklists} only. */
public class DeliverableRow {

    public Long id;

    public Long taskId;

    public int ordinal;

    public String title;

    public boolean done;

    public Instant doneAt;

    /** The evidence a tick was made with: a ticked item always has some (tickDeliverable). */
    public Long[] evidenceIds = new Long[0];

    /** The account that ticked it. */
    public Long doneBy;

    static DeliverableRow from(Row row) {
        DeliverableRow item = new DeliverableRow();
        item.id = row.getLong("id");
        item.taskId = row.getLong("task_id");
        item.ordinal = row.getInteger("ordinal");
        item.title = row.getString("title");
        item.done = row.getBoolean("done");
        item.doneAt = Rows.instant(row, "done_at");
        item.evidenceIds = row.getArrayOfLongs("evidence_ids");
        item.doneBy = row.getLong("done_by");
        return item;
    }

    /** The same item, to be changed without changing what was read. */
    DeliverableRow copy() {
        DeliverableRow item = new DeliverableRow();
        item.id = id;
        item.taskId = taskId;
        item.ordinal = ordinal;
        item.title = title;
        item.done = done;
        item.doneAt = doneAt;
        item.evidenceIds = evidenceIds;
        item.doneBy = doneBy;
        return item;
    }

    boolean sameAs(DeliverableRow other) {
        return ordinal == other.ordinal && title.equals(other.title) && done == other.done;
    }

    /** Unticked: no time, evidence or account left on it. */
    public void untick() {
        done = false;
        doneAt = null;
        evidenceIds = new Long[0];
        doneBy = null;
    }
}
