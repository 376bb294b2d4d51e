package org.duban.land;

public enum SupplyMethod {
    SALE,
    ALLOCATION,
    LEASE
}
