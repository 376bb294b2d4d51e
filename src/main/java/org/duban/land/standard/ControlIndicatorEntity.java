package org.duban.land.standard;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "control_indicator")
public class ControlIndicatorEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "parcel_id")
    public Long parcelId;

    public int ordinal;

    @Enumerated(EnumType.STRING)
    public IndicatorKind kind;

    public String name;

    public String unit;

    @Enumerated(EnumType.STRING)
    public Comparator comparator;

    @Column(precision = 18, scale = 4)
    public BigDecimal target;

    @Column(name = "target_max", precision = 18, scale = 4)
    public BigDecimal targetMax;

    @Column(precision = 18, scale = 4)
    public BigDecimal actual;

    @Column(name = "actual_passed")
    public Boolean actualPassed;
}
