package org.duban.group;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.duban.common.TrackedEntity;

@Entity
@Table(name = "leading_group")
public class LeadingGroupEntity extends TrackedEntity {

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
}
