package org.duban.account;

import java.util.UUID;
import java.util.concurrent.Callable;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * bcrypt costs tens of milliseconds by design: it runs on a worker thread, never on the event loop, and
 * comes back on the caller's Vert.x context so that a Hibernate Reactive session can carry on.
 */
public final class Passwords {

    private static final int COST = 10;
    /** Checked against when the user does not exist, so that timing does not tell which usernames do. */
    private static final String NO_SUCH_USER_HASH = hash(UUID.randomUUID().toString());

    private Passwords() {
    }

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password, COST);
    }

    public static Uni<String> hashing(String password) {
        return blocking(() -> hash(password));
    }

    public static Uni<Boolean> matches(String password, String hash) {
        return blocking(() -> BcryptUtil.matches(password, hash == null ? NO_SUCH_USER_HASH : hash));
    }

    private static <T> Uni<T> blocking(Callable<T> work) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().item(() -> {
                try {
                    return work.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        return Uni.createFrom().completionStage(() -> context.executeBlocking(work, false).toCompletionStage());
    }
}
