package org.duban.land;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.duban.common.TrackedEntity;

@Entity
@Table(name = "approval_adjustment")
public class ApprovalAdjustmentEntity extends TrackedEntity {

    @Column(name = "parcel_id")
    public Long parcelId;

    @Enumerated(EnumType.STRING)
    public AdjustmentStatus status;

    @Column(name = "requested_on")
    public LocalDate requestedOn;

    public String reason;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "completed_on")
    public LocalDate completedOn;

    @Column(name = "new_document_number")
    public String newDocumentNumber;

    public String note;
}
