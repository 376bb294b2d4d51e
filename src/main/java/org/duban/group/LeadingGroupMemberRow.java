package org.duban.group;

/** A member of a leading group, written with the group's other members (GroupRows.replaceMembers). */
public class LeadingGroupMemberRow {

    public String personName;

    public String title;

    public Long unitId;

    public Long unitSetId;

    public MemberRole role;

    public Long accountId;
}
