package org.duban.account;

import java.util.UUID;

import org.duban.common.WorkerThreads;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;

/** bcrypt costs tens of milliseconds by design: it runs on a worker thread ({@link WorkerThreads}), never on the event loop. */
public final class Passwords {

    private static final int COST = 10;

    /**
     * Checked against when the user does not exist, so that timing does not tell which usernames do. Made at the first
     * such check, on its worker thread, not when the class is first used (the demo loader at start-up).
     */
    private static final class NoSuchUser {
        static final String HASH = hash(UUID.randomUUID().toString());
    }

    private Passwords() {
    }

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password, COST);
    }

    public static Uni<String> hashing(String password) {
        return WorkerThreads.run(() -> hash(password));
    }

    public static Uni<Boolean> matches(String password, String hash) {
        return WorkerThreads.run(() -> BcryptUtil.matches(password, hash == null ? NoSuchUser.HASH : hash));
    }
}
