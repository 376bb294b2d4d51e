package org.duban.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.duban.common.TrackedEntity;

@Entity
@Table(name = "unit_set")
public class UnitSetEntity extends TrackedEntity {

    @Column(name = "region_id")
    public Long regionId;

    public String name;

    @Enumerated(EnumType.STRING)
    public UnitSetKind kind;

    @Column(name = "leading_group_id")
    public Long leadingGroupId;
}
