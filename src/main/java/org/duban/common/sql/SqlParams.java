package org.duban.common.sql;

import java.util.ArrayList;
import java.util.List;

import io.vertx.mutiny.sqlclient.Tuple;

/** Collects the arguments of a statement built piece by piece, handing out their $n placeholders. */
public final class SqlParams {

    private final List<Object> values = new ArrayList<>();

    public String bind(Object value) {
        values.add(value);
        return "$" + values.size();
    }

    public Tuple tuple() {
        return Tuple.from(values);
    }
}
