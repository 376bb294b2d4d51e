package org.duban.land;

public enum LandUse {
    INDUSTRIAL,
    COMMERCIAL,
    RESIDENTIAL,
    PUBLIC,
    OTHER
}
