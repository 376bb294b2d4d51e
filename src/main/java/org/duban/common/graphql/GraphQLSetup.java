package org.duban.common.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.quarkus.arc.Arc;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.graphql.schema.model.Argument;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Schema;
import io.smallrye.graphql.spi.EventingService;

/**
 * Hooks Duban's error translation into graphql-java. SmallRye finds this through ServiceLoader (also in
 * native mode) and calls it just before building the engine. Setting an instrumentation replaces the one
 * SmallRye configured, so Duban's come after SmallRye's own in one chain ({@link RequestLevelChain}): SmallRye's
 * holds the document cache, which without it would parse and validate every request twice, and its depth and
 * complexity limits, which {@link LimitsPerDocument} replaces. Data loaders are made when a request asks for them
 * ({@link LoadersOnDemand}). Plain properties are read by {@link PlainFields},
 * batched fields go to their loaders through {@link BatchedFields}.
 */
public class GraphQLSetup implements EventingService {

    /** Batched fields' arguments in their methods' order, as SmallRye hands them to the loaders; see {@link BatchedFields}. */
    private final Map<String, List<String>> batchArguments = new ConcurrentHashMap<>();

    @Override
    public String getConfigKey() {
        return null; // always on
    }

    /** Called for every operation before the schema is built, with the builder's model of it. */
    @Override
    public Operation createOperation(Operation operation) {
        if (operation.getSourceFieldOn() != null) {
            batchArguments.put(operation.getSourceFieldOn().getName() + "_" + operation.getName(), operation.getArguments()
                    .stream().filter(argument -> !argument.isSourceArgument()).map(Argument::getName).toList());
        }
        return operation;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        // The builder tells its schema and instrumentation only through what it builds.
        GraphQL built = builder.build();
        builder.schema(IntrospectionTypesHidden.inPlaceOfTheRegexOne(
                BatchedFields.direct(PlainFields.lighten(built.getGraphQLSchema()), batchArguments)));
        LoadersOnDemand loaders = LoadersOnDemand.takeOver(Arc.container().instance(Schema.class).get());
        return builder.instrumentation(chain(built.getInstrumentation(), limitsPerDocument(), loaders));
    }

    private static LimitsPerDocument limitsPerDocument() {
        Config config = ConfigProvider.getConfig();
        return new LimitsPerDocument(config.unwrap(SmallRyeConfig.class).getConfigMapping(GraphQLLimits.class),
                config.getOptionalValue("quarkus.smallrye-graphql.instrumentation-query-depth", Integer.class)
                        .orElse(Integer.MAX_VALUE),
                config.getOptionalValue("quarkus.smallrye-graphql.instrumentation-query-complexity", Integer.class)
                        .orElse(Integer.MAX_VALUE));
    }

    static RequestLevelChain chain(Instrumentation smallRyes, LimitsPerDocument limits, LoadersOnDemand loaders) {
        List<Instrumentation> chain = new ArrayList<>();
        chain.add(limits);
        List<Instrumentation> theirs = smallRyes instanceof ChainedInstrumentation chained ? chained.getInstrumentations()
                : smallRyes == null ? List.of() : List.of(smallRyes);
        theirs.stream().filter(instrumentation -> !(instrumentation instanceof MaxQueryDepthInstrumentation
                || instrumentation instanceof MaxQueryComplexityInstrumentation)).forEach(chain::add);
        MutationNames mutationNames = new MutationNames();
        chain.add(loaders);
        chain.add(new WholeNumberInputs());
        chain.add(mutationNames);
        chain.add(new ErrorCodeInstrumentation());
        chain.add(new OperationMetricsInstrumentation());
        return new RequestLevelChain(chain, List.of(mutationNames));
    }
}
