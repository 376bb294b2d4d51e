package org.duban.group;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "leading_group")
public class LeadingGroupEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "region_id")
    public Long regionId;

    public String name;

    @Column(name = "short_name")
    public String shortName;

    @Column(name = "office_unit_id")
    public Long officeUnitId;

    @Column(name = "office_director_name")
    public String officeDirectorName;

    @Column(name = "office_director_account_id")
    public Long officeDirectorAccountId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;
}
