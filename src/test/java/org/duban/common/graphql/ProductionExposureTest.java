package org.duban.common.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.execute;
import static org.duban.support.GraphQL.operation;
import static org.duban.support.GraphQL.vars;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * What the prod profile exposes: no introspection, no schema endpoint, no GraphQL UI. Runs with the
 * {@code %prod.} GraphQL settings of application.properties, taken from the file itself.
 */
@QuarkusTest
@TestProfile(ProductionExposureTest.ProductionGraphQL.class)
class ProductionExposureTest {

    public static class ProductionGraphQL implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return properties.stringPropertyNames().stream()
                    .filter(key -> key.startsWith("%prod.quarkus.smallrye-graphql.") || key.startsWith("%prod.duban.graphql."))
                    .collect(Collectors.toMap(key -> key.substring("%prod.".length()), properties::getProperty));
        }
    }

    @Test
    void introspectionTheSchemaEndpointAndTheUiAreOff() {
        assertThat(new ProductionGraphQL().getConfigOverrides()).containsKeys(
                "quarkus.smallrye-graphql.field-visibility", "quarkus.smallrye-graphql.ui.enabled", "duban.graphql.schema-endpoint");
        // Signed in afresh: this profile's process may sign with other keys than the cached tokens'.
        String admin = execute(null, operation("login"), vars("username", "admin", "password", "demo")).getString("data.login.token");
        JsonPath introspection = execute(admin, "{ __schema { types { name } } }", Map.of());
        assertThat(introspection.getList("errors")).isNotEmpty();
        assertThat(introspection.getString("data.__schema")).isNull();
        given().get("/graphql/schema.graphql").then().statusCode(404);
        given().get("/q/graphql-ui/").then().statusCode(404);
        assertThat(execute(admin, "{ errorCodes }", Map.of()).getList("data.errorCodes")).contains("VALIDATION");
    }
}
