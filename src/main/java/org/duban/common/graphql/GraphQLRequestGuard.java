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
 * <li>A body that is not one GraphQL request (no query, variables that are not an object, a batch), a document that
 * does not parse, or one that asks for more than {@link GraphQLLimits} allow (aliases, operations, depth, complexity),
 * gets a VALIDATION error here, before any resolver runs. SmallRye reports syntax errors before
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
        router.route(path).order(ROUTE_ORDER).handler(BodyHandler.create(false).setBodyLimit(bodyLimit)).handler(this::check)
                .failureHandler(GraphQLRequestGuard::bodyRefused);
        if (!limits.schemaEndpoint()) {
            router.route(path + "/schema.graphql").order(ROUTE_ORDER).handler(context -> context.response().setStatusCode(404).end());
        }
    }

    /**
     * A request is a POST of JSON (or a bare document as application/graphql), told before its body is read at all;
     * a WebSocket for subscriptions opens with a GET.
     */
    private static void requireGraphQLContent(RoutingContext context) {
        HttpMethod method = context.request().method();
        boolean opensWebSocket = method == HttpMethod.GET && "websocket".equalsIgnoreCase(context.request().getHeader("Upgrade"));
        if (method == HttpMethod.OPTIONS || opensWebSocket) {
            context.next();
            return;
        }
        if (method != HttpMethod.POST) {
            context.response().setStatusCode(405).putHeader("Allow", "POST");
            reject(context, method.name() + " " + context.request().path() + " is not taken: POST the request as application/json",
                    null);
            return;
        }
        String contentType = context.request().getHeader("Content-Type");
        if (contentType == null || !contentType.startsWith("application/json") && !contentType.startsWith("application/graphql")) {
            context.response().setStatusCode(415);
            reject(context, "POST " + context.request().path() + " takes application/json ({\"query\": …, \"variables\": {…}})"
                    + " or application/graphql", null);
            return;
        }
        context.next();
    }

    /** The body handler's own refusals (too large) answer like every other: JSON, with a code. */
    private static void bodyRefused(RoutingContext context) {
        if (context.statusCode() != 413 || context.response().ended()) {
            context.next();
            return;
        }
        context.response().setStatusCode(413);
        reject(context, "The request is larger than the service takes", null);
    }

    private void check(RoutingContext context) {
        context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, LEAVE_TO_GRAPHQL);
        if (context.request().method() != HttpMethod.POST) {
            context.next();
            return;
        }
        Request request = read(context);
        if (request.problem() != null) {
            reject(context, request.problem(), null);
            return;
        }
        String query = request.query();
        if (acceptedBefore.contains(query)) {
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

    /** The document a POST carries, or what is wrong with a body that is not one GraphQL request. */
    private record Request(String query, String problem) {

        static Request refused(String problem) {
            return new Request(null, problem);
        }
    }

    /** Reads the body once; SmallRye reads it again for itself. */
    private static Request read(RoutingContext context) {
        String contentType = context.request().getHeader("Content-Type");
        boolean empty = context.body().length() <= 0 || context.body().asString().isBlank();
        if (contentType != null && contentType.startsWith("application/graphql")) {
            return empty ? Request.refused("The request has no GraphQL document") : new Request(context.body().asString(), null);
        }
        if (empty) {
            return Request.refused("The request has no body: send {\"query\": \"…\"}");
        }
        Object body;
        try {
            body = Json.decodeValue(context.body().buffer());
        } catch (RuntimeException notJson) {
            return Request.refused("The body is not JSON");
        }
        if (body instanceof JsonArray) {
            return Request.refused("One operation per request: send {\"query\": \"…\"}, not a list of them");
        }
        if (!(body instanceof JsonObject request)) {
            return Request.refused("A request is a JSON object: {\"query\": \"…\", \"variables\": {…}}");
        }
        Object variables = request.getValue("variables");
        if (variables != null && !(variables instanceof JsonObject)) {
            String given = variables instanceof String ? "a string" : variables instanceof JsonArray ? "a list"
                    : variables instanceof Boolean ? "a boolean" : "a number";
            return Request.refused("variables is a JSON object of the operation's variables, not " + given);
        }
        Object operationName = request.getValue("operationName");
        if (operationName != null && !(operationName instanceof String)) {
            return Request.refused("operationName is the name of one operation of the document, as a string");
        }
        Object query = request.getValue("query");
        if (!(query instanceof String text) || text.isBlank()) {
            return Request.refused(query == null || query instanceof String ? "The request has no query: send {\"query\": \"…\"}"
                    : "query is the GraphQL document as a string");
        }
        return new Request(text, null);
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
