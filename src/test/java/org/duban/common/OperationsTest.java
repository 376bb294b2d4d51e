package org.duban.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.duban.support.GraphQL;
import org.junit.jupiter.api.Test;

import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation front-ends may copy from graphql/operations is valid against the schema served. */
@QuarkusTest
class OperationsTest {

    @Test
    void everyOperationFileValidatesAgainstTheServedSchema() throws IOException {
        String sdl = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
        List<Path> files;
        try (Stream<Path> listing = Files.list(GraphQL.OPERATIONS)) {
            files = listing.filter(p -> p.toString().endsWith(".graphql")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(30);
        for (Path file : files) {
            Document document = Parser.parse(Files.readString(file));
            assertThat(document.getDefinitions()).as(file.toString()).hasSize(1);
            List<ValidationError> errors = new Validator().validateDocument(schema, document, Locale.ENGLISH);
            assertThat(errors).as(file.toString()).isEmpty();
        }
    }
}
