package org.duban.common;

/** Optimistic locking as clients see it: an update may name the version it was based on. */
public final class Versions {

    private Versions() {
    }

    public static void require(Integer expected, int actual, String what) {
        if (expected != null && expected != actual) {
            throw DubanException.conflict(what + " was changed meanwhile (now version " + actual + ", the change was based on "
                    + expected + "); reload and try again");
        }
    }
}
