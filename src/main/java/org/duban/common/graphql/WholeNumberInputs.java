package org.duban.common.graphql;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import graphql.ExecutionResult;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.TypeFromAST;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;

/**
 * SmallRye's Int turns 100.5 into 100 and 2^31 into something else without a word (4294967297 becomes 1): a variable
 * or a literal for an Int, at any depth of an input object or list, in the operation or its fragments, must be a whole
 * number within Int's range, or the operation does not run.
 */
final class WholeNumberInputs extends SimplePerformantInstrumentation {

    private static final BigDecimal MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final int REMEMBERED = 2_000;

    /**
     * Operations whose literals passed: a client sends the same few documents over and over, and their literals do
     * not change with the variables (unless @include or @skip choose the fields, which are never remembered).
     */
    private final Set<String> literalsPassed = ConcurrentHashMap.newKeySet();

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
        String query = execution.getExecutionInput().getQuery();
        String key = execution.getOperationDefinition().getName() + "\n" + query;
        if (literalsPassed.contains(key)) {
            return super.beginExecuteOperation(parameters, state);
        }
        QueryTraverser.newQueryTraverser()
                .schema(execution.getGraphQLSchema())
                .document(execution.getDocument())
                .operationName(execution.getOperationDefinition().getName())
                .coercedVariables(execution.getCoercedVariables())
                .build()
                .visitPreOrder(new QueryVisitorStub() {
                    @Override
                    public void visitField(QueryVisitorFieldEnvironment field) {
                        for (Argument argument : field.getField().getArguments()) {
                            GraphQLArgument definition = field.getFieldDefinition().getArgument(argument.getName());
                            String problem = definition == null ? null
                                    : literalProblem(argument.getName(), definition.getType(), argument.getValue());
                            if (problem != null) {
                                throw new AbortExecutionException(problem);
                            }
                        }
                    }
                });
        if (!query.contains("@include") && !query.contains("@skip")) {
            if (literalsPassed.size() >= REMEMBERED) {
                literalsPassed.clear();
            }
            literalsPassed.add(key);
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private static String literalProblem(String path, GraphQLType type, Value<?> value) {
        GraphQLType bare = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
        if (bare instanceof GraphQLList list) {
            if (value instanceof ArrayValue items) {
                for (int i = 0; i < items.getValues().size(); i++) {
                    String problem = literalProblem(path + "[" + i + "]", list.getWrappedType(), items.getValues().get(i));
                    if (problem != null) {
                        return problem;
                    }
                }
                return null;
            }
            return literalProblem(path, list.getWrappedType(), value);
        }
        if (bare instanceof GraphQLInputObjectType object && value instanceof ObjectValue fields) {
            for (ObjectField field : fields.getObjectFields()) {
                GraphQLInputObjectField definition = object.getFieldDefinition(field.getName());
                String problem = definition == null ? null
                        : literalProblem(path + "." + field.getName(), definition.getType(), field.getValue());
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (bare instanceof GraphQLScalarType scalar && scalar.getName().equals("Int")) {
            BigDecimal number = value instanceof IntValue whole ? new BigDecimal(whole.getValue())
                    : value instanceof FloatValue decimal ? decimal.getValue() : null;
            if (number != null && !isInt(number)) {
                return "Argument '" + path + "' is a whole number from " + MIN + " to " + MAX + " (Int), not " + number;
            }
        }
        return null;
    }

    private static boolean isInt(BigDecimal number) {
        return number.stripTrailingZeros().scale() <= 0 && number.compareTo(MIN) >= 0 && number.compareTo(MAX) <= 0;
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
            if (!isInt(new BigDecimal(number.toString()))) {
                return "Variable '" + path + "' is a whole number from " + MIN + " to " + MAX + " (Int), not " + number;
            }
        }
        return null;
    }
}
