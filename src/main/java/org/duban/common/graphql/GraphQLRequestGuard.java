package org.duban.common.graphql;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.duban.common.ErrorCode;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Keeps two kinds of failure inside the GraphQL answer, where they get their {@code extensions.code}:
 * <ul>
 * <li>A document that does not parse gets a VALIDATION error here. SmallRye reports those before
 * graphql-java runs, with a bare message, so {@link ErrorCodeInstrumentation} never sees them. Documents
 * that parsed once are remembered, so a client's usual operations are parsed here only the first time.</li>
 * <li>A bad or expired token would make Quarkus end the response with a bare HTTP 401 (lazy authentication
 * lets the failure handler be replaced downstream). Here it is left to the resolver, whose security check
 * then fails: UNAUTHENTICATED, like a request without a token.</li>
 * </ul>
 * Runs after authentication (-200) and authorization (-100) set up the request.
 */
@ApplicationScoped
class GraphQLRequestGuard {

    private static final int ROUTE_ORDER = -50;
    private static final BiConsumer<RoutingContext, Throwable> LEAVE_TO_GRAPHQL = (context, failure) -> {
    };

    private static final int REMEMBERED = 2_000;

    private final Set<String> parsedBefore = ConcurrentHashMap.newKeySet();
    private final String path;
    private final long bodyLimit;

    GraphQLRequestGuard(@ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql") String rootPath,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") io.quarkus.runtime.configuration.MemorySize bodyLimit) {
        this.path = "/" + rootPath.replaceFirst("^/", "");
        this.bodyLimit = bodyLimit.asLongValue();
    }

    void register(@Observes Router router) {
        router.route(path).order(ROUTE_ORDER).handler(BodyHandler.create().setBodyLimit(bodyLimit)).handler(this::check);
    }

    private void check(RoutingContext context) {
        context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, LEAVE_TO_GRAPHQL);
        String query = query(context);
        if (query == null || query.isBlank() || parsedBefore.contains(query)) {
            context.next();
            return;
        }
        try {
            Parser.parse(query);
            if (parsedBefore.size() >= REMEMBERED) {
                parsedBefore.clear();
            }
            parsedBefore.add(query);
            context.next();
        } catch (InvalidSyntaxException e) {
            reject(context, e);
        }
    }

    private static String query(RoutingContext context) {
        if (context.request().method() == HttpMethod.GET) {
            return context.request().getParam("query");
        }
        String contentType = context.request().getHeader("Content-Type");
        if (contentType != null && contentType.startsWith("application/graphql")) {
            return context.body().asString();
        }
        try {
            JsonObject body = context.body().asJsonObject();
            return body == null ? null : body.getString("query");
        } catch (RuntimeException notJsonOrNoQueryText) {
            return null; // SmallRye answers malformed requests itself
        }
    }

    private static void reject(RoutingContext context, InvalidSyntaxException e) {
        JsonArray locations = new JsonArray();
        SourceLocation location = e.getLocation();
        if (location != null) {
            locations.add(new JsonObject().put("line", location.getLine()).put("column", location.getColumn()));
        }
        JsonObject error = new JsonObject()
                .put("message", "Invalid GraphQL syntax: " + e.getMessage())
                .put("locations", locations)
                .put("extensions", new JsonObject(Map.of("code", ErrorCode.VALIDATION.name(), "classification", "InvalidSyntax")));
        context.response()
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }
}
