package org.duban.group;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "leading_group_member")
public class LeadingGroupMemberEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "group_id")
    public Long groupId;

    public int ordinal;

    @Column(name = "person_name")
    public String personName;

    public String title;

    @Column(name = "unit_id")
    public Long unitId;

    @Column(name = "unit_set_id")
    public Long unitSetId;

    @Enumerated(EnumType.STRING)
    public MemberRole role;

    @Column(name = "account_id")
    public Long accountId;
}
