package org.duban.common.graphql;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Document;

/**
 * The depth, complexity, alias and operation limits ({@link DocumentLimits}) on every document graphql-java runs,
 * subscriptions over the WebSocket included, measured once per parsed document. It stands for the depth and complexity
 * instrumentations SmallRye chains, which walk the document again on every request (5 % of the work of a light request,
 * {@code myAssignments}, by JFR), though SmallRye's document cache hands out the same document object for the same
 * text. Over HTTP the request guard has refused what breaks the limits already; this holds the WebSocket to the same.
 */
final class LimitsPerDocument extends SimplePerformantInstrumentation {

    /** Keyed by the document itself (graphql-java's nodes compare by identity): it leaves when the cache drops it. */
    private final Map<Document, String> measured = Collections.synchronizedMap(new WeakHashMap<>());
    private final GraphQLLimits limits;
    private final int maxDepth;
    private final int maxComplexity;

    LimitsPerDocument(GraphQLLimits limits, int maxDepth, int maxComplexity) {
        this.limits = limits;
        this.maxDepth = maxDepth;
        this.maxComplexity = maxComplexity;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        Document document = parameters.getExecutionContext().getDocument();
        String tooMuch = measured.computeIfAbsent(document, unseen -> {
            String exceeded = DocumentLimits.exceeded(unseen, limits, maxDepth, maxComplexity);
            return exceeded == null ? "" : exceeded;
        });
        if (!tooMuch.isEmpty()) {
            throw new AbortExecutionException(tooMuch);
        }
        return super.beginExecuteOperation(parameters, state);
    }
}
