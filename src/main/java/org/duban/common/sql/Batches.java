package org.duban.common.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Shapes the rows of one batched query into what SmallRye's {@code @Source List<...>} fields must return:
 * one entry per parent, in the parents' order.
 */
public final class Batches {

    private Batches() {
    }

    /** The distinct keys of the parents, as an array the reactive client binds to {@code = any($1)}. */
    public static <P> Long[] keys(List<P> parents, Function<P, Long> key) {
        LinkedHashSet<Long> keys = new LinkedHashSet<>();
        for (P parent : parents) {
            Long value = key.apply(parent);
            if (value != null) {
                keys.add(value);
            }
        }
        return keys.toArray(new Long[0]);
    }

    /** Many children per parent; parents without children get an empty list. */
    public static <P, R> List<List<R>> grouped(List<P> parents, Function<P, Long> parentKey, Iterable<R> rows,
            Function<R, Long> rowKey) {
        Map<Long, List<R>> byKey = new HashMap<>();
        for (R row : rows) {
            byKey.computeIfAbsent(rowKey.apply(row), k -> new ArrayList<>()).add(row);
        }
        List<List<R>> result = new ArrayList<>(parents.size());
        for (P parent : parents) {
            result.add(byKey.getOrDefault(parentKey.apply(parent), List.of()));
        }
        return result;
    }

    /** At most one child per parent; null where there is none. */
    public static <P, R> List<R> single(List<P> parents, Function<P, Long> parentKey, Iterable<R> rows,
            Function<R, Long> rowKey) {
        Map<Long, R> byKey = new HashMap<>();
        for (R row : rows) {
            byKey.put(rowKey.apply(row), row);
        }
        List<R> result = new ArrayList<>(parents.size());
        for (P parent : parents) {
            Long key = parentKey.apply(parent);
            result.add(key == null ? null : byKey.get(key));
        }
        return result;
    }
}
