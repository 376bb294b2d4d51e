package org.duban.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** bcrypt costs tens of milliseconds by design: it runs on a worker thread, never on the event loop. */
public final class Passwords {

    private static final int COST = 10;
    /** Checked against when the user does not exist, so that timing does not tell which usernames do. */
    private static final String NO_SUCH_USER_HASH = hash(java.util.UUID.randomUUID().toString());

    private Passwords() {
    }

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password, COST);
    }

    public static Uni<Boolean> matches(String password, String hash) {
        return Uni.createFrom().item(() -> BcryptUtil.matches(password, hash == null ? NO_SUCH_USER_HASH : hash))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
