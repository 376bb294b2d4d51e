package org.duban.access;

import java.util.function.BiConsumer;

import org.duban.access.Callers.Caller;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/** The signed-in caller of a plain HTTP route, with the same bearer token as GraphQL. */
public final class RouteCallers {

    private static final BiConsumer<RoutingContext, Throwable> LEAVE_TO_ROUTE = (context, failure) -> {
    };

    private RouteCallers() {
    }

    /** The caller; fails with AuthenticationFailedException without a valid token. */
    public static Uni<Caller> of(RoutingContext context) {
        // A failure to establish who asks (the database out of reach, say) is answered by the route with its status,
        // not by Quarkus' default handler with a bare 500.
        context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, LEAVE_TO_ROUTE);
        Uni<SecurityIdentity> identity = context.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        if (identity == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return identity.map(Callers::of).invoke(caller -> {
            if (caller.accountId() == null) {
                throw new AuthenticationFailedException();
            }
        });
    }
}
