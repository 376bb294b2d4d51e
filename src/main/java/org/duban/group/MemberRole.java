package org.duban.group;

public enum MemberRole {
    LEADER,
    DEPUTY_LEADER,
    MEMBER
}
