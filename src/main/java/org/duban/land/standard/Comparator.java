package org.duban.land.standard;

public enum Comparator {
    AT_LEAST,
    AT_MOST,
    BETWEEN,
    PASS
}
