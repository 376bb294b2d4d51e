package org.duban.common.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;

/** Puts Duban's fetchers in place of some of SmallRye's, field by field of the schema's own object types. */
@FunctionalInterface
interface FetcherSwap {

    /** The fetcher to use instead of SmallRye's, or null to keep it. */
    DataFetcher<?> instead(GraphQLObjectType type, GraphQLFieldDefinition field, DataFetcher<?> smallRyes);

    static GraphQLSchema apply(GraphQLSchema schema, FetcherSwap swap) {
        GraphQLCodeRegistry registry = schema.getCodeRegistry();
        GraphQLCodeRegistry swapped = registry.transform(builder -> {
            for (GraphQLNamedType type : schema.getAllTypesAsList()) {
                if (!(type instanceof GraphQLObjectType object) || object.getName().startsWith("__")) {
                    continue;
                }
                for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                    FieldCoordinates coordinates = FieldCoordinates.coordinates(object, field);
                    DataFetcher<?> instead = swap.instead(object, field, registry.getDataFetcher(coordinates, field));
                    if (instead != null) {
                        builder.dataFetcher(coordinates, instead);
                    }
                }
            }
        });
        return schema.transform(builder -> builder.codeRegistry(swapped));
    }
}
