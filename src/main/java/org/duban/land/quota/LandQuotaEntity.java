package org.duban.land.quota;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.duban.common.TrackedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "land_quota")
public class LandQuotaEntity extends TrackedEntity {

    @Column(name = "region_id")
    public Long regionId;

    public int year;

    @Column(name = "issued_by")
    public String issuedBy;

    @Column(name = "target_mu", precision = 14, scale = 4)
    public BigDecimal targetMu;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public LocalDate[] deadlines = new LocalDate[0];

    @Column(name = "counts_approval_changes")
    public boolean countsApprovalChanges;

    @Column(name = "stated_supplied_mu", precision = 14, scale = 4)
    public BigDecimal statedSuppliedMu;

    @Column(name = "stated_completion_rate", precision = 7, scale = 2)
    public BigDecimal statedCompletionRate;

    @Column(name = "stated_as_of")
    public LocalDate statedAsOf;
}
