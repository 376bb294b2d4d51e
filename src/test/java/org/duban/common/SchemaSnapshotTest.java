package org.duban.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * graphql/schema.graphql is the contract front-ends read: it must be the schema the service serves.
 * Refresh it with {@code ./mvnw test -Dtest=SchemaSnapshotTest -Dduban.update-schema=true}.
 */
@QuarkusTest
class SchemaSnapshotTest {

    private static final Path SNAPSHOT = Path.of("graphql", "schema.graphql");

    @Test
    void theCommittedSchemaIsTheServedSchema() throws IOException {
        String served = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("duban.update-schema")) {
            Files.writeString(SNAPSHOT, served);
        }
        assertThat(Files.exists(SNAPSHOT)).as("graphql/schema.graphql exists; create it with -Dduban.update-schema=true").isTrue();
        assertThat(Files.readString(SNAPSHOT))
                .as("graphql/schema.graphql is out of date; refresh it with -Dduban.update-schema=true and review the diff")
                .isEqualTo(served);
    }
}
