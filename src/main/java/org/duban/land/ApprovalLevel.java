package org.duban.land;

public enum ApprovalLevel {
    PROVINCE,
    CITY,
    OTHER
}
