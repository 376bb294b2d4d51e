package org.duban.plan;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.duban.common.TrackedEntity;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "plan")
public class PlanEntity extends TrackedEntity {

    @Column(name = "region_id")
    public Long regionId;

    @Column(name = "document_number")
    public String documentNumber;

    public String title;

    @Column(name = "issuing_unit_id")
    public Long issuingUnitId;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    public String summary;

    @Column(name = "copied_to")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] copiedTo = new String[0];
}
