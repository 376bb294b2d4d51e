package org.duban.common.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.visibility.GraphqlFieldVisibility;
import graphql.schema.visibility.NoIntrospectionGraphqlFieldVisibility;

class IntrospectionTypesHiddenTest {

    private static final GraphqlFieldVisibility REGEX = NoIntrospectionGraphqlFieldVisibility.NO_INTROSPECTION_FIELD_VISIBILITY;
    private static final GraphqlFieldVisibility PREFIX = new IntrospectionTypesHidden();

    @Test
    void hidesWhatGraphqlJavasNoIntrospectionHidesOnEveryTypeAndField() {
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
                type Query { task(id: ID!): Task, _odd: Int }
                type Task { id: ID!, title: String }
                type _Underscored { x: Int }
                input Filter { text: String, _flag: Boolean }
                """), RuntimeWiring.MOCKED_WIRING);
        int hidden = 0;
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLFieldsContainer container) {
                assertThat(PREFIX.getFieldDefinitions(container)).isEqualTo(REGEX.getFieldDefinitions(container));
                for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
                    assertThat(PREFIX.getFieldDefinition(container, field.getName()))
                            .isEqualTo(REGEX.getFieldDefinition(container, field.getName()));
                    hidden += PREFIX.getFieldDefinition(container, field.getName()) == null ? 1 : 0;
                }
            }
            if (type instanceof GraphQLInputFieldsContainer container) {
                assertThat(PREFIX.getFieldDefinitions(container)).isEqualTo(REGEX.getFieldDefinitions(container));
                for (GraphQLInputObjectField field : container.getFieldDefinitions()) {
                    assertThat(PREFIX.getFieldDefinition(container, field.getName()))
                            .isEqualTo(REGEX.getFieldDefinition(container, field.getName()));
                }
            }
        }
        assertThat(hidden).as("the introspection types' fields").isGreaterThan(20);
    }
}
