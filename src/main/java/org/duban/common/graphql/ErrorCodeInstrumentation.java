package org.duban.common.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.duban.common.ErrorCode;
import org.duban.common.Mistakes;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;

/**
 * Rewrites every error of a response, whatever produced it (a resolver, the security layer, argument
 * parsing, query validation), into one shape: a client-safe message and {@code extensions.code}, plus
 * {@code extensions.field} for VALIDATION. Doing it on the finished result is the one place that sees
 * them all.
 */
final class ErrorCodeInstrumentation extends SimplePerformantInstrumentation {

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> translated = new ArrayList<>(result.getErrors().size());
        for (GraphQLError error : result.getErrors()) {
            // A null bubbling up through non-null fields is the echo of an error already reported.
            if (error.getErrorType() != ErrorType.NullValueInNonNullableField || result.getErrors().size() == 1) {
                Mistakes.Found several = several(error);
                if (several == null) {
                    translated.add(translate(error));
                } else {
                    several.all().forEach(mistake -> translated.add(translate(error, ErrorTranslation.of(mistake))));
                }
            }
        }
        return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(translated)));
    }

    /** The mistakes of an input checked as a whole (a plan file), each to be its own error; null for any other error. */
    private static Mistakes.Found several(GraphQLError error) {
        if (error instanceof ExceptionWhileDataFetching fetching) {
            for (Throwable t = fetching.getException(); t != null; t = t.getCause()) {
                if (t instanceof Mistakes.Found found) {
                    return found;
                }
            }
        }
        return null;
    }

    private static GraphQLError translate(GraphQLError error) {
        return translate(error, ErrorTranslation.of(error));
    }

    private static GraphQLError translate(GraphQLError error, ErrorTranslation.Translated t) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", t.code().name());
        if (t.field() != null) {
            extensions.put("field", t.field());
        }
        return GraphqlErrorBuilder.newError()
                .message("%s", t.message())
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(classification(t.code()))
                .extensions(extensions)
                .build();
    }

    /**
     * The classification clients see beside the code is the code itself: graphql-java's own names
     * ("DataFetchingException") read like the class names no answer may show.
     */
    private static ErrorClassification classification(ErrorCode code) {
        return new CodeClassification(code);
    }

    private record CodeClassification(ErrorCode code) implements ErrorClassification {
        @Override
        public String toString() {
            return code.name();
        }
    }
}
