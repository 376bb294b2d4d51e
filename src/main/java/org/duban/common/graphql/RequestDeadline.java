package org.duban.common.graphql;

import java.lang.ref.WeakReference;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.duban.common.ErrorCode;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a GraphQL request over HTTP that has not been answered within {@code duban.graphql.request-timeout} with
 * an UNAVAILABLE error. The reactive PostgreSQL client has no statement timeout, and a database that stops answering
 * without closing its connections leaves every statement waiting; this gives the client its answer (and frees it)
 * whatever is stuck. WebSocket subscriptions are not requests and are left alone.
 */
@ApplicationScoped
class RequestDeadline {

    private static final Logger LOG = Logger.getLogger(RequestDeadline.class);
    /** Before the request guard reads the body, so that a request stuck anywhere after it is covered. */
    private static final int ROUTE_ORDER = -60;

    private final String path;
    private final long timeoutMillis;

    RequestDeadline(@ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql") String rootPath,
            GraphQLLimits limits) {
        this.path = "/" + rootPath.replaceFirst("^/", "");
        this.timeoutMillis = limits.requestTimeout().toMillis();
    }

    void register(@Observes Router router) {
        router.route(path).order(ROUTE_ORDER).handler(this::limit);
    }

    private void limit(RoutingContext context) {
        if ("websocket".equalsIgnoreCase(context.request().getHeader("Upgrade"))) {
            context.next();
            return;
        }
        // The timer holds the response weakly: a response still under way stays reachable from its connection, so the
        // deadline still answers it, and one that ended is not kept for the timer's sake.
        WeakReference<HttpServerResponse> pending = new WeakReference<>(context.response());
        long timer = context.vertx().setTimer(timeoutMillis, fired -> {
            HttpServerResponse response = pending.get();
            if (response != null && !response.ended() && !response.headWritten()) {
                LOG.warnf("A GraphQL request got no answer within %d ms: answered UNAVAILABLE", timeoutMillis);
                JsonObject error = new JsonObject()
                        .put("message", "The service did not get an answer from its database in time; try again later")
                        .put("extensions", new JsonObject(Map.of("code", ErrorCode.UNAVAILABLE.name())));
                response.putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("errors", new JsonArray().add(error)).put("data", null).encode());
            }
        });
        // On the body's end, not the response's: SmallRye's GraphQL handler sets the response's end handler itself, which
        // drops the one the routing context keeps for addEndHandler. Uncancelled, each request's timer (and with it the
        // request's context and its request-scoped beans) lived its 15 s: 2 MB a second at 2,500 requests a second
        // reached the old generation, a full collection of 100-170 ms every half-minute of load.
        context.addBodyEndHandler(done -> context.vertx().cancelTimer(timer));
        context.next();
    }
}
