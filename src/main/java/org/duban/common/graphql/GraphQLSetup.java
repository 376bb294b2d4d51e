package org.duban.common.graphql;

import java.util.ArrayList;
import java.util.List;

import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.smallrye.graphql.spi.EventingService;
import io.smallrye.graphql.spi.config.Config;

/**
 * Hooks Duban's error translation into graphql-java. SmallRye finds this through ServiceLoader (also in
 * native mode) and calls it just before building the engine. Setting an instrumentation replaces the one
 * SmallRye configured, so the depth and complexity limits it would have installed are added here again
 * from the same settings.
 */
public class GraphQLSetup implements EventingService {

    @Override
    public String getConfigKey() {
        return null; // always on
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        Config config = Config.get();
        List<Instrumentation> chain = new ArrayList<>();
        config.getQueryComplexityInstrumentation().ifPresent(max -> chain.add(new MaxQueryComplexityInstrumentation(max)));
        config.getQueryDepthInstrumentation().ifPresent(max -> chain.add(new MaxQueryDepthInstrumentation(max)));
        chain.add(new WholeNumberInputs());
        chain.add(new MutationNames());
        chain.add(new ErrorCodeInstrumentation());
        chain.add(new OperationMetricsInstrumentation());
        return builder.instrumentation(new ChainedInstrumentation(chain));
    }
}
