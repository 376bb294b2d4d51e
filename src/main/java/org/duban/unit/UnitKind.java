package org.duban.unit;

public enum UnitKind {
    COUNTY_GOVERNMENT,
    DEPARTMENT,
    TOWNSHIP,
    MANAGEMENT_COMMITTEE,
    OTHER
}
