package org.duban.common.graphql;

import java.util.List;

import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.DataFetcher;

/**
 * SmallRye's instrumentations and Duban's in one chain that watches requests, not fields. graphql-java asks every
 * instrumentation of a chain for a context five times per field of every object, and SmallRye's document cache
 * answers each with a no-op context that the chain then calls back: a fifth of the work of a page of parcels. None
 * of them watches single fields (RequestLevelChainTest keeps it so), so the per-field callbacks go nowhere, and the
 * data fetchers go only through those that wrap them.
 */
final class RequestLevelChain extends ChainedInstrumentation {

    private final List<Instrumentation> fetcherWrappers;

    RequestLevelChain(List<Instrumentation> instrumentations, List<Instrumentation> fetcherWrappers) {
        super(instrumentations);
        this.fetcherWrappers = List.copyOf(fetcherWrappers);
    }

    @Override
    public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
            InstrumentationState state) {
        return null; // graphql-java takes null for a no-op, here and below
    }

    @Override
    public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
            InstrumentationState state) {
        return null;
    }

    @Override
    public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        return null;
    }

    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        return null;
    }

    @Override
    public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
            InstrumentationState state) {
        return null;
    }

    @Override
    public InstrumentationContext<Object> beginFieldListCompletion(InstrumentationFieldCompleteParameters parameters,
            InstrumentationState state) {
        return null;
    }

    /** The wrappers keep no state of their own (they are SimplePerformantInstrumentations), so none is passed. */
    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        DataFetcher<?> wrapped = fetcher;
        for (Instrumentation wrapper : fetcherWrappers) {
            wrapped = wrapper.instrumentDataFetcher(wrapped, parameters, null);
        }
        return wrapped;
    }
}
