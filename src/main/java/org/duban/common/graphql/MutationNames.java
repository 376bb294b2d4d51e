package org.duban.common.graphql;

import java.util.Optional;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;
import io.smallrye.common.vertx.ContextLocals;

/**
 * Remembers which mutation is running, in the request's Vert.x context, for the audit trail to stamp
 * on its transaction. graphql-java runs the root fields of a mutation one after the other, so the name
 * in the context is always the running one's.
 */
public final class MutationNames extends SimplePerformantInstrumentation {

    private static final String KEY = "duban.mutation";

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        // Asked of every field: the operation and the depth are at hand, where the fetching environment would be
        // built for the question (its selection set with it), a twentieth of a list's work.
        if (parameters.getExecutionContext().getOperationDefinition().getOperation() != OperationDefinition.Operation.MUTATION
                || parameters.getExecutionStepInfo().getPath().getLevel() != 1) {
            return fetcher;
        }
        return environment -> {
            ContextLocals.put(KEY, environment.getField().getName());
            return fetcher.get(environment);
        };
    }

    /** The mutation this request is running, if it is running one. */
    public static Optional<String> current() {
        try {
            return ContextLocals.get(KEY);
        } catch (UnsupportedOperationException notOnARequestContext) {
            return Optional.empty();
        }
    }
}
