package org.duban.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.duban.common.TrackedEntity;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "unit")
public class UnitEntity extends TrackedEntity {

    @Column(name = "region_id")
    public Long regionId;

    public String name;

    @Column(name = "short_name")
    public String shortName;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] aliases = new String[0];

    @Enumerated(EnumType.STRING)
    public UnitKind kind;

    @Column(name = "parent_id")
    public Long parentId;
}
