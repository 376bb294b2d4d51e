package org.duban.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A unit or a unit set named responsible for a task, in the order the document names them. */
@Entity
@Table(name = "task_assignment")
public class TaskAssignmentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "task_id")
    public Long taskId;

    public int ordinal;

    @Column(name = "unit_id")
    public Long unitId;

    @Column(name = "unit_set_id")
    public Long unitSetId;

    @Enumerated(EnumType.STRING)
    public AssignmentRole role;
}
