package org.duban.supervision;

public enum ExtensionStatus {
    PENDING,
    APPROVED,
    REFUSED
}
