package org.duban.unit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "unit")
public class UnitEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

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

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;
}
