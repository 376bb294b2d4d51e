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
import graphql.language.OperationDefinition;
import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
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
    private final int maxDepth;
    private final int maxComplexity;
    private final ParserOptions parserOptions;

    GraphQLRequestGuard(@ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql") String rootPath,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") io.quarkus.runtime.configuration.MemorySize bodyLimit,
            @ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-tokens") Optional<Integer> maxTokens,
            @ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-whitespace-tokens") Optional<Integer> maxWhitespaceTokens,
            @ConfigProperty(name = "quarkus.smallrye-graphql.instrumentation-query-depth") Optional<Integer> maxDepth,
            @ConfigProperty(name = "quarkus.smallrye-graphql.instrumentation-query-complexity") Optional<Integer> maxComplexity,
            GraphQLLimits limits) {
        this.maxDepth = maxDepth.orElse(Integer.MAX_VALUE);
        this.maxComplexity = maxComplexity.orElse(Integer.MAX_VALUE);
        this.path = "/" + rootPath.replaceFirst("^/", "");
        this.bodyLimit = bodyLimit.asLongValue();
        this.limits = limits;
        ParserOptions defaults = ParserOptions.getDefaultParserOptions();
        this.parserOptions = defaults.transform(options -> options
                .maxTokens(maxTokens.orElse(defaults.getMaxTokens()))
                .maxWhitespaceTokens(maxWhitespaceTokens.orElse(defaults.getMaxWhitespaceTokens())));
    }

    void register(@Observes Router router) {
        // No file uploads: GraphQL takes none (evidence has a route of its own), and a body handler that took them
        // would keep every anonymous multipart request's files on disk.
        router.route(path).order(ROUTE_ORDER - 1).handler(GraphQLRequestGuard::requireGraphQLContent);
        router.route(path).order(ROUTE_ORDER).handler(BodyHandler.create(false).setBodyLimit(bodyLimit)).handler(this::check);
        if (!limits.schemaEndpoint()) {
            router.route(path + "/schema.graphql").order(ROUTE_ORDER).handler(context -> context.response().setStatusCode(404).end());
        }
    }

    /** A POST carries JSON (or a bare document as application/graphql), before its body is read at all. */
    private static void requireGraphQLContent(RoutingContext context) {
        String contentType = context.request().getHeader("Content-Type");
        if (context.request().method() == HttpMethod.POST && contentType != null
                && !contentType.startsWith("application/json") && !contentType.startsWith("application/graphql")) {
            context.response().setStatusCode(415);
            reject(context, "POST " + context.request().path() + " takes application/json ({\"query\": …, \"variables\": {…}})"
                    + " or application/graphql", null);
            return;
        }
        context.next();
    }

    private void check(RoutingContext context) {
        context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, LEAVE_TO_GRAPHQL);
        String malformed = malformed(context);
        if (malformed != null) {
            reject(context, malformed, null);
            return;
        }
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
        boolean subscribes = document.getDefinitionsOfType(OperationDefinition.class).stream()
                .anyMatch(operation -> operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION);
        if (subscribes) {
            reject(context, "Subscriptions run over a WebSocket on " + path + " (graphql-transport-ws), not over HTTP", null);
            return;
        }
        String tooMuch = DocumentLimits.exceeded(document, limits, maxDepth, maxComplexity);
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

    /** What is wrong with a JSON POST body that is not a GraphQL request (or a batch of them), or null. */
    private static String malformed(RoutingContext context) {
        String contentType = context.request().getHeader("Content-Type");
        if (context.request().method() != HttpMethod.POST || contentType != null && contentType.startsWith("application/graphql")) {
            return null;
        }
        if (context.body().length() <= 0 || context.body().asString().isBlank()) {
            return "The request has no body: send {\"query\": \"…\"}";
        }
        Object body;
        try {
            body = Json.decodeValue(context.body().buffer());
        } catch (RuntimeException notJson) {
            return "The body is not JSON";
        }
        if (body instanceof JsonArray batch) {
            for (Object request : batch) {
                String problem = malformedRequest(request);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        return malformedRequest(body);
    }

    private static String malformedRequest(Object request) {
        if (!(request instanceof JsonObject object)) {
            return "A request is a JSON object: {\"query\": \"…\", \"variables\": {…}}";
        }
        Object variables = object.getValue("variables");
        if (variables != null && !(variables instanceof JsonObject)) {
            return "variables is a JSON object of the operation's variables, not " + (variables instanceof String ? "a string"
                    : "a " + variables.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
        }
        if (object.getValue("query") != null && !(object.getValue("query") instanceof String)) {
            return "query is the GraphQL document as a string";
        }
        return null;
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
