package org.duban.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

/**
 * Runs the operations front-ends use, straight from graphql/operations, so that those files are
 * exercised by every test that needs them.
 */
public final class GraphQL {

    public static final Path OPERATIONS = Path.of("graphql", "operations");
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    /** Areas and rates come back as BigDecimal, never as float. */
    private static final JsonPathConfig EXACT_NUMBERS = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    private GraphQL() {
    }

    public static String operation(String name) {
        try {
            return Files.readString(OPERATIONS.resolve(name + ".graphql"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code graphql/operations/<name>.graphql} as {@code username} (null: without a token). */
    public static JsonPath run(String username, String name, Object... variables) {
        return execute(username == null ? null : token(username), operation(name), vars(variables));
    }

    public static JsonPath execute(String token, String query, Map<String, Object> variables) {
        RequestSpecification request = given().contentType("application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return request.body(body).post("/graphql").then().statusCode(200).extract().jsonPath(EXACT_NUMBERS);
    }

    /** The demo accounts share the password "demo"; tokens are reused for the whole run. */
    public static String token(String username) {
        return TOKENS.computeIfAbsent(username, u -> {
            JsonPath login = execute(null, operation("login"), vars("username", u, "password", "demo"));
            String token = login.getString("data.login.token");
            if (token == null) {
                throw new IllegalStateException("login failed for " + u + ": " + login.prettify());
            }
            return token;
        });
    }

    public static Map<String, Object> vars(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** The response, after checking it carries no error. */
    public static JsonPath ok(JsonPath response) {
        if (response.getList("errors") != null) {
            throw new AssertionError("unexpected errors: " + response.prettify());
        }
        return response;
    }

    /** The first error's extensions.code, or null. */
    public static String errorCode(JsonPath response) {
        return response.getString("errors[0].extensions.code");
    }

    /** The user's notifications of these kinds, newest first (the first page). */
    public static List<Map<String, Object>> notifications(String username, String... kinds) {
        return ok(run(username, "my-notifications", "kinds", List.of(kinds))).getList("data.myNotifications.edges.node");
    }
}
