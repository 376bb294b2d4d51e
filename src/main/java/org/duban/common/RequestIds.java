package org.duban.common;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every HTTP request an id: the caller's X-Request-Id when it is a sane token (a proxy's, say), a new
 * one otherwise. It goes back in the response header and into the logging MDC as {@code requestId}, which
 * Quarkus keeps on the request's Vert.x context, so every log line of the request carries it (in JSON logs
 * as mdc.requestId, in plain logs through the console format).
 */
@ApplicationScoped
class RequestIds {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    /** Before authentication (-200), so that even its failures are logged with the id. */
    private static final int ROUTE_ORDER = -1000;
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    void register(@Observes Router router) {
        router.route().order(ROUTE_ORDER).handler(this::tag);
    }

    private void tag(RoutingContext context) {
        String given = context.request().getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        MDC.put(MDC_KEY, id);
        context.response().putHeader(HEADER, id);
        context.next();
    }
}
