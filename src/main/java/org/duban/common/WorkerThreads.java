package org.duban.common;

import java.util.concurrent.Callable;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Work too heavy for an event loop (bcrypt, parsing a large document) runs on a worker thread and comes back on
 * the caller's Vert.x context, so that a Hibernate Reactive session can carry on after it.
 */
public final class WorkerThreads {

    private WorkerThreads() {
    }

    public static <T> Uni<T> run(Callable<T> work) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().item(() -> {
                try {
                    return work.call();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        return Uni.createFrom().completionStage(() -> context.executeBlocking(work, false).toCompletionStage());
    }
}
