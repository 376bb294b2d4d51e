package org.duban.common.graphql;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.duban.common.ErrorCode;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import graphql.language.Document;
import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
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
 * <li>A document that does not parse, or asks for more than {@link GraphQLLimits} allow (aliases, operations,
 * batch size), gets a VALIDATION error here, before any resolver runs. SmallRye reports syntax errors before
 * graphql-java runs, with a bare message, so {@link ErrorCodeInstrumentation} never sees them. Documents
 * accepted once are remembered, so a client's usual operations are parsed here only the first time.</li>
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

    private final Set<String> acceptedBefore = ConcurrentHashMap.newKeySet();
    private final String path;
    private final long bodyLimit;
    private final GraphQLLimits limits;
    private final ParserOptions parserOptions;

    GraphQLRequestGuard(@ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql") String rootPath,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") io.quarkus.runtime.configuration.MemorySize bodyLimit,
            @ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-tokens") Optional<Integer> maxTokens,
            @ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-whitespace-tokens") Optional<Integer> maxWhitespaceTokens,
            GraphQLLimits limits) {
        this.path = "/" + rootPath.replaceFirst("^/", "");
        this.bodyLimit = bodyLimit.asLongValue();
        this.limits = limits;
        ParserOptions defaults = ParserOptions.getDefaultParserOptions();
        this.parserOptions = defaults.transform(options -> options
                .maxTokens(maxTokens.orElse(defaults.getMaxTokens()))
                .maxWhitespaceTokens(maxWhitespaceTokens.orElse(defaults.getMaxWhitespaceTokens())));
    }

    void register(@Observes Router router) {
        router.route(path).order(ROUTE_ORDER).handler(BodyHandler.create().setBodyLimit(bodyLimit)).handler(this::check);
        if (!limits.schemaEndpoint()) {
            router.route(path + "/schema.graphql").order(ROUTE_ORDER).handler(context -> context.response().setStatusCode(404).end());
        }
    }

    private void check(RoutingContext context) {
        context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, LEAVE_TO_GRAPHQL);
        if (batchSize(context) > limits.maxOperations()) {
            reject(context, "A batch may hold at most " + limits.maxOperations() + " operations", null);
            return;
        }
        String query = query(context);
        if (query == null || query.isBlank() || acceptedBefore.contains(query)) {
            context.next();
            return;
        }
        Document document;
        try {
            document = Parser.parse(ParserEnvironment.newParserEnvironment().document(query).parserOptions(parserOptions).build());
        } catch (InvalidSyntaxException e) {
            reject(context, "Invalid GraphQL syntax: " + e.getMessage(), e.getLocation());
            return;
        }
        String tooMuch = DocumentLimits.exceeded(document, limits);
        if (tooMuch != null) {
            reject(context, tooMuch, null);
            return;
        }
        if (acceptedBefore.size() >= REMEMBERED) {
            acceptedBefore.clear();
        }
        acceptedBefore.add(query);
        context.next();
    }

    private static int batchSize(RoutingContext context) {
        if (context.request().method() != HttpMethod.POST || context.body().length() == 0
                || context.body().buffer().getByte(firstNonBlank(context)) != '[') {
            return 1;
        }
        try {
            return context.body().asJsonArray().size();
        } catch (RuntimeException notJson) {
            return 1; // SmallRye answers malformed requests itself
        }
    }

    private static int firstNonBlank(RoutingContext context) {
        var buffer = context.body().buffer();
        int i = 0;
        while (i < buffer.length() - 1 && Character.isWhitespace(buffer.getByte(i))) {
            i++;
        }
        return i;
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

    private static void reject(RoutingContext context, String message, SourceLocation location) {
        JsonArray locations = new JsonArray();
        if (location != null) {
            locations.add(new JsonObject().put("line", location.getLine()).put("column", location.getColumn()));
        }
        JsonObject error = new JsonObject()
                .put("message", message)
                .put("locations", locations)
                .put("extensions", new JsonObject(Map.of("code", ErrorCode.VALIDATION.name())));
        context.response()
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }
}
