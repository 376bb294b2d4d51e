package org.duban.plan;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "task")
public class TaskEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

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

    @Enumerated(EnumType.STRING)
    public TaskStatus status = TaskStatus.NOT_STARTED;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Version
    public int version;
}
