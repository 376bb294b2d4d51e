package org.duban.measure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "task_measure")
public class TaskMeasureEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "task_id")
    public Long taskId;

    public int ordinal;

    @Enumerated(EnumType.STRING)
    public MeasureKind kind;

    public Integer year;

    @Column(name = "region_id")
    public Long regionId;

    @Column(name = "zone_id")
    public Long zoneId;

    public Integer round;
}
