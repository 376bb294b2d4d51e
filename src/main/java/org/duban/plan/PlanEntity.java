package org.duban.plan;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "plan")
public class PlanEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

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

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;
}
