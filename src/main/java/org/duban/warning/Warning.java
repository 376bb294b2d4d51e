package org.duban.warning;

/** A level and why; the basis is null for GREEN. */
public record Warning(WarningLevel level, WarningBasis basis) {

    static final Warning GREEN = new Warning(WarningLevel.GREEN, null);
}
