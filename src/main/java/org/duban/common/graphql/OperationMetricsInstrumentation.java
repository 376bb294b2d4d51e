package org.duban.common.graphql;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.OperationDefinition;
import io.quarkus.arc.Arc;

/**
 * Counts each request in {@link OperationMetrics}. It comes after {@link ErrorCodeInstrumentation} in the
 * chain, so it sees the final {@code extensions.code}s. A request refused before execution (a document that
 * does not validate) has no operation yet and counts by the name the client sent.
 */
final class OperationMetricsInstrumentation extends SimplePerformantInstrumentation {

    private static final class Operation implements InstrumentationState {
        volatile String name;
        volatile String type = "unknown";
    }

    private volatile OperationMetrics metrics;

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        Operation operation = new Operation();
        operation.name = parameters.getExecutionInput().getOperationName();
        return CompletableFuture.completedFuture(operation);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        OperationDefinition definition = parameters.getExecutionContext().getOperationDefinition();
        if (state instanceof Operation operation) {
            if (definition.getName() != null) {
                operation.name = definition.getName();
            }
            operation.type = definition.getOperation().name().toLowerCase(java.util.Locale.ROOT);
        }
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (state instanceof Operation operation) {
            metrics().record(operation.name, operation.type, outcome(result));
        }
        return CompletableFuture.completedFuture(result);
    }

    private static String outcome(ExecutionResult result) {
        if (result.getErrors().isEmpty()) {
            return "ok";
        }
        GraphQLError first = result.getErrors().get(0);
        Map<String, Object> extensions = first.getExtensions();
        Object code = extensions == null ? null : extensions.get("code");
        return code == null ? "INTERNAL" : code.toString();
    }

    /** SmallRye builds the engine outside CDI (ServiceLoader), so the bean is looked up on first use. */
    private OperationMetrics metrics() {
        OperationMetrics found = metrics;
        if (found == null) {
            found = Arc.container().instance(OperationMetrics.class).get();
            metrics = found;
        }
        return found;
    }
}
