package org.duban.support;

import org.duban.common.Ids;

/** A test reaching under the API, into SQL or an account's unit, needs the row key a global id seals. */
public final class TestIds {

    private TestIds() {
    }

    public static long key(String id) {
        return Ids.open(id).orElseThrow(() -> new AssertionError("not an id of ours: " + id)).rowKey();
    }
}
