package org.duban.plan;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.duban.common.TrackedEntity;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "task")
public class TaskEntity extends TrackedEntity {

    @Column(name = "plan_id")
    public Long planId;

    @Column(name = "parent_id")
    public Long parentId;

    public String code;

    /** Positions among siblings from the root down; ORDER BY it is document order. */
    @Column(name = "sort_path")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public Integer[] sortPath;

    public String title;

    public String description;

    @Column(name = "start_date")
    public LocalDate startDate;

    public LocalDate deadline;

    @Column(name = "deadline_note")
    public String deadlineNote;

    /** An RFC 5545 RRULE; the task is then due on each occurrence from its start date. */
    public String recurrence;

    @Enumerated(EnumType.STRING)
    public TaskStatus status = TaskStatus.NOT_STARTED;

    @Column(name = "deleted_at")
    public Instant deletedAt;
}
