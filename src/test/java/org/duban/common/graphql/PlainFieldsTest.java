package org.duban.common.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.Scalars;
import graphql.TrivialDataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.Coercing;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;

/**
 * Plain fields are read from the record; a value that needs SmallRye's conversion (a map, here) and a source this
 * cannot read still go through the fetcher SmallRye registered.
 */
class PlainFieldsTest {

    public record Unit(String name, Map<String, String> aliases) {
    }

    public record Report(LocalDate due, OffsetDateTime reportedAt, Instant at) {
    }

    private static final class Hidden {
    }

    @Test
    void plainFieldsAreReadFromTheRecordAndTheRestIsLeftToTheFetcherThatWasThere() {
        GraphQLObjectType unit = GraphQLObjectType.newObject().name("Unit")
                .field(GraphQLFieldDefinition.newFieldDefinition().name("name").type(Scalars.GraphQLString))
                .field(GraphQLFieldDefinition.newFieldDefinition().name("aliases").type(Scalars.GraphQLString))
                .build();
        GraphQLObjectType query = GraphQLObjectType.newObject().name("Query")
                .field(GraphQLFieldDefinition.newFieldDefinition().name("unit").type(unit))
                .field(GraphQLFieldDefinition.newFieldDefinition().name("hidden").type(unit))
                .build();
        TrivialDataFetcher<Object> registered = environment -> "from the registered fetcher";
        GraphQLCodeRegistry registry = GraphQLCodeRegistry.newCodeRegistry()
                .dataFetcher(FieldCoordinates.coordinates("Query", "unit"),
                        (TrivialDataFetcher<Object>) environment -> new Unit("乡宁县自然资源局", Map.of("a", "b")))
                .dataFetcher(FieldCoordinates.coordinates("Query", "hidden"), (TrivialDataFetcher<Object>) environment -> new Hidden())
                .dataFetcher(FieldCoordinates.coordinates("Unit", "name"), registered)
                .dataFetcher(FieldCoordinates.coordinates("Unit", "aliases"), registered)
                .build();
        GraphQLSchema schema = PlainFields.lighten(GraphQLSchema.newSchema().query(query).codeRegistry(registry).build());

        ExecutionResult result = GraphQL.newGraphQL(schema).build()
                .execute("{ unit { name aliases } hidden { name } }");

        assertThat(result.getErrors()).isEmpty();
        Map<String, Map<String, Object>> data = result.getData();
        assertThat(data.get("unit")).containsEntry("name", "乡宁县自然资源局")
                .containsEntry("aliases", "from the registered fetcher");
        assertThat(data.get("hidden")).containsEntry("name", "from the registered fetcher");
    }

    @Test
    void singleDatesAndOffsetInstantsAreWrittenInIsoAsSmallRyeWritesThemAndOtherTimesAreLeftToIt() {
        GraphQLScalarType dateTime = scalar("DateTime");
        GraphQLObjectType report = GraphQLObjectType.newObject().name("Report")
                .field(GraphQLFieldDefinition.newFieldDefinition().name("due").type(scalar("Date")))
                .field(GraphQLFieldDefinition.newFieldDefinition().name("reportedAt").type(dateTime))
                .field(GraphQLFieldDefinition.newFieldDefinition().name("at").type(dateTime))
                .build();
        GraphQLObjectType query = GraphQLObjectType.newObject().name("Query")
                .field(GraphQLFieldDefinition.newFieldDefinition().name("report").type(report)).build();
        TrivialDataFetcher<Object> registered = environment -> "from the registered fetcher";
        GraphQLCodeRegistry registry = GraphQLCodeRegistry.newCodeRegistry()
                .dataFetcher(FieldCoordinates.coordinates("Query", "report"), (TrivialDataFetcher<Object>) environment -> new Report(
                        LocalDate.of(2022, 9, 5), OffsetDateTime.of(2022, 9, 5, 8, 0, 0, 0, ZoneOffset.UTC), Instant.EPOCH))
                .dataFetcher(FieldCoordinates.coordinates("Report", "due"), registered)
                .dataFetcher(FieldCoordinates.coordinates("Report", "reportedAt"), registered)
                .dataFetcher(FieldCoordinates.coordinates("Report", "at"), registered)
                .build();
        GraphQLSchema schema = PlainFields.lighten(GraphQLSchema.newSchema().query(query).codeRegistry(registry).build());

        Map<String, Map<String, Object>> data = GraphQL.newGraphQL(schema).build()
                .execute("{ report { due reportedAt at } }").getData();

        // ISO_OFFSET_DATE_TIME keeps the seconds that OffsetDateTime.toString() would drop.
        assertThat(data.get("report")).containsEntry("due", "2022-09-05")
                .containsEntry("reportedAt", "2022-09-05T08:00:00Z")
                .containsEntry("at", "from the registered fetcher");
    }

    private static GraphQLScalarType scalar(String name) {
        return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<Object, Object>() {
            @Override
            public Object serialize(Object value) {
                return value;
            }
        }).build();
    }
}
