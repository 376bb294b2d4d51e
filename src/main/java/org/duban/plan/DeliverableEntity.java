package org.duban.plan;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A checklist item of a task. Written through {@link Checklists} only. */
@Entity
@Table(name = "deliverable")
public class DeliverableEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "task_id")
    public Long taskId;

    public int ordinal;

    public String title;

    public boolean done;

    @Column(name = "done_at")
    public Instant doneAt;

    /** The evidence a tick was made with: a ticked item always has some (tickDeliverable). */
    @Column(name = "evidence_ids")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public Long[] evidenceIds = new Long[0];

    /** The account that ticked it. */
    @Column(name = "done_by")
    public Long doneBy;

    /** Unticked: no time, evidence or account left on it. */
    public void untick() {
        done = false;
        doneAt = null;
        evidenceIds = new Long[0];
        doneBy = null;
    }
}
