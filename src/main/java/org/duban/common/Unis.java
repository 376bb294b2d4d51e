package org.duban.common;

import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

public final class Unis {

    private Unis() {
    }

    /**
     * Runs the step for each item, one after the other: a transaction's connection runs one statement at a time,
     * and each step may depend on the one before. A stream, not a chain of {@code chain} calls: a chain of 2,000 steps (a large plan file's tasks)
     * overflowed the stack when subscribed, and the failure was lost with the transaction left open.
     */
    public static <T> Uni<Void> sequentially(List<T> items, Function<T, Uni<?>> step) {
        return Multi.createFrom().iterable(items)
                .onItem().transformToUniAndConcatenate(step::apply)
                .collect().last()
                .replaceWithVoid();
    }
}
