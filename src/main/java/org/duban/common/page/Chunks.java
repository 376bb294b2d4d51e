package org.duban.common.page;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Walks a keyset list a chunk at a time, each chunk read and handled before the next is read. A repetition rather
 * than a chain of chunks, each chained to the one before: such a chain keeps every chunk it handled reachable from
 * the next one's subscription until the last completes, so that a walk of 100,000 rows would hold them all.
 */
public final class Chunks {

    /** What a step answers when the list has no further chunk. */
    public static final String END = "";

    private Chunks() {
    }

    /**
     * Runs {@code step} with the cursor after which to read (null for the first chunk) until it answers {@link #END};
     * otherwise it answers the cursor its chunk ended at.
     */
    public static Uni<Void> walk(Function<String, Uni<String>> step) {
        AtomicReference<String> after = new AtomicReference<>();
        return Multi.createBy().repeating()
                .uni(() -> step.apply(after.get()).invoke(after::set))
                .whilst(next -> !END.equals(next))
                .onItem().ignoreAsUni();
    }
}
