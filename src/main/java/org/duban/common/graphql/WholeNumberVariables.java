package org.duban.common.graphql;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.TypeFromAST;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;

/**
 * SmallRye's Int turns 100.5 into 100 and 2^31 into something else without a word: a variable for an Int, at any
 * depth of an input object or list, must be a whole number within Int's range, or the operation does not run.
 */
final class WholeNumberVariables extends SimplePerformantInstrumentation {

    private static final BigDecimal MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        Map<String, Object> variables = execution.getExecutionInput().getVariables();
        for (VariableDefinition definition : execution.getOperationDefinition().getVariableDefinitions()) {
            GraphQLType type = TypeFromAST.getTypeFromAST(execution.getGraphQLSchema(), definition.getType());
            String problem = problem(definition.getName(), type, variables.get(definition.getName()));
            if (problem != null) {
                throw new AbortExecutionException(problem);
            }
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private static String problem(String path, GraphQLType type, Object value) {
        GraphQLType bare = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
        if (value == null) {
            return null;
        }
        if (bare instanceof GraphQLList list && value instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                String problem = problem(path + "[" + i + "]", list.getWrappedType(), items.get(i));
                if (problem != null) {
                    return problem;
                }
            }
        } else if (bare instanceof GraphQLInputObjectType object && value instanceof Map<?, ?> fields) {
            for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                String problem = problem(path + "." + field.getName(), field.getType(), fields.get(field.getName()));
                if (problem != null) {
                    return problem;
                }
            }
        } else if (bare instanceof GraphQLScalarType scalar && scalar.getName().equals("Int") && value instanceof Number number) {
            BigDecimal exact = new BigDecimal(number.toString());
            if (exact.stripTrailingZeros().scale() > 0 || exact.compareTo(MIN) < 0 || exact.compareTo(MAX) > 0) {
                return "Variable '" + path + "' is a whole number from " + MIN + " to " + MAX + " (Int), not " + number;
            }
        }
        return null;
    }
}
