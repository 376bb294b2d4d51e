package org.duban.common.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.SimpleInstrumentation;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import io.smallrye.graphql.execution.QueryCache;
import io.smallrye.graphql.schema.model.Schema;

/** The chain drops per-field callbacks; this keeps every instrumentation in it one that has none to lose. */
class RequestLevelChainTest {

    private static final Set<String> FIELD_LEVEL = Set.of("beginExecuteObject", "beginFieldExecution", "beginFieldFetch",
            "beginFieldFetching", "beginFieldCompletion", "beginFieldListCompletion");
    /** What does nothing with a field: the interface's defaults and graphql-java's two no-op bases. */
    private static final Set<Class<?>> NO_OP = Set.of(Instrumentation.class, SimpleInstrumentation.class,
            SimplePerformantInstrumentation.class);

    /** What SmallRye 2.17 chains (ExecutionService) when depth and complexity limits are set, as Duban sets them. */
    private static RequestLevelChain chainAfterSmallRyes() {
        return GraphQLSetup.chain(new ChainedInstrumentation(new MaxQueryComplexityInstrumentation(400),
                new MaxQueryDepthInstrumentation(10), new QueryCache()), new LimitsPerDocument(LimitsPerDocumentTest.limits(20, 5), 10, 400),
                LoadersOnDemand.takeOver(new Schema()));
    }

    @Test
    void noInstrumentationInTheChainWatchesSingleFields() {
        List<Class<?>> classes = new ArrayList<>();
        chainAfterSmallRyes().getInstrumentations().forEach(instrumentation -> classes.add(instrumentation.getClass()));

        List<String> watching = classes.stream()
                .flatMap(type -> Stream.of(type.getMethods())
                        .filter(method -> FIELD_LEVEL.contains(method.getName()))
                        .filter(method -> !NO_OP.contains(method.getDeclaringClass()))
                        .map(method -> type.getSimpleName() + "." + method.getName()))
                .toList();
        assertThat(watching).isEmpty();
    }

    @Test
    void theDocumentsLimitsStandForSmallRyesDepthAndComplexity() {
        assertThat(chainAfterSmallRyes().getInstrumentations()).extracting(instrumentation -> instrumentation.getClass().getSimpleName())
                .startsWith("LimitsPerDocument", "QueryCache")
                .doesNotContain("MaxQueryComplexityInstrumentation", "MaxQueryDepthInstrumentation");
    }

    @Test
    void onlyTheMutationNamesWrapFetchers() {
        List<String> wrapping = chainAfterSmallRyes().getInstrumentations().stream()
                .filter(instrumentation -> !NO_OP.contains(declaringClassOfFetcherWrapping(instrumentation.getClass())))
                .map(instrumentation -> instrumentation.getClass().getSimpleName())
                .toList();
        assertThat(wrapping).containsExactly("MutationNames");
    }

    private static Class<?> declaringClassOfFetcherWrapping(Class<?> type) {
        return Stream.of(type.getMethods()).filter(method -> method.getName().equals("instrumentDataFetcher"))
                .map(Method::getDeclaringClass).findFirst().orElseThrow();
    }
}
