package org.duban.common;

import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

public final class Unis {

    private Unis() {
    }

    /**
     * Runs the step for each item, one after the other: a Hibernate Reactive session allows one operation
     * at a time.
     */
    public static <T> Uni<Void> sequentially(List<T> items, Function<T, Uni<?>> step) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.chain(() -> step.apply(item)).replaceWithVoid();
        }
        return chain;
    }
}
