package org.duban.plan;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "task_status_change")
public class TaskStatusChangeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "task_id")
    public Long taskId;

    @Column(name = "from_status")
    @Enumerated(EnumType.STRING)
    public TaskStatus fromStatus;

    @Column(name = "to_status")
    @Enumerated(EnumType.STRING)
    public TaskStatus toStatus;

    public String reason;

    @Column(name = "account_id")
    public Long accountId;

    @Column(name = "changed_at")
    public Instant changedAt;
}
