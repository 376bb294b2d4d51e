package org.duban.land.standard;

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

import org.duban.land.StandardLandStage;

@Entity
@Table(name = "parcel_stage_change")
public class ParcelStageChangeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "parcel_id")
    public Long parcelId;

    @Column(name = "from_stage")
    @Enumerated(EnumType.STRING)
    public StandardLandStage fromStage;

    @Column(name = "to_stage")
    @Enumerated(EnumType.STRING)
    public StandardLandStage toStage;

    @Column(name = "changed_on")
    public LocalDate changedOn;

    public String note;

    public String reason;

    @Column(name = "account_id")
    public Long accountId;

    @Column(name = "created_at")
    public Instant createdAt;
}
