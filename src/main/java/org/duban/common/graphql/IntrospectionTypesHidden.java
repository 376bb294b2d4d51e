package org.duban.common.graphql;

import java.util.List;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLSchema;
import graphql.schema.visibility.GraphqlFieldVisibility;
import graphql.schema.visibility.NoIntrospectionGraphqlFieldVisibility;

/**
 * What {@code field-visibility=no-introspection} hides, told without a regular expression. graphql-java's version
 * builds "Type.field" and matches it against {@code __.*} on every field of every answer (a twentieth of a page of
 * parcels); that pattern matches exactly the fields of the introspection types, whose names begin with two
 * underscores, so the type's name alone decides.
 */
final class IntrospectionTypesHidden implements GraphqlFieldVisibility {

    /** The schema with this visibility where SmallRye configured graphql-java's; otherwise as it is. */
    static GraphQLSchema inPlaceOfTheRegexOne(GraphQLSchema schema) {
        if (!(schema.getCodeRegistry().getFieldVisibility() instanceof NoIntrospectionGraphqlFieldVisibility)) {
            return schema;
        }
        return schema.transform(builder -> builder.codeRegistry(
                schema.getCodeRegistry().transform(registry -> registry.fieldVisibility(new IntrospectionTypesHidden()))));
    }

    private static boolean hidden(String typeName) {
        return typeName.startsWith("__");
    }

    @Override
    public List<GraphQLFieldDefinition> getFieldDefinitions(GraphQLFieldsContainer container) {
        return hidden(container.getName()) ? List.of() : container.getFieldDefinitions();
    }

    @Override
    public GraphQLFieldDefinition getFieldDefinition(GraphQLFieldsContainer container, String fieldName) {
        return hidden(container.getName()) ? null : container.getFieldDefinition(fieldName);
    }

    @Override
    public List<GraphQLInputObjectField> getFieldDefinitions(GraphQLInputFieldsContainer container) {
        return hidden(container.getName()) ? List.of() : container.getFieldDefinitions();
    }

    @Override
    public GraphQLInputObjectField getFieldDefinition(GraphQLInputFieldsContainer container, String fieldName) {
        return hidden(container.getName()) ? null : container.getFieldDefinition(fieldName);
    }
}
