package org.duban.land.standard;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.duban.common.TrackedEntity;

@Entity
@Table(name = "regional_evaluation")
public class RegionalEvaluationEntity extends TrackedEntity {

    @Column(name = "zone_id")
    public Long zoneId;

    public int round;

    @Enumerated(EnumType.STRING)
    public EvaluationKind kind;

    public String name;

    @Enumerated(EnumType.STRING)
    public EvaluationStatus status;

    @Column(name = "completed_on")
    public LocalDate completedOn;

    public String note;
}
