package org.duban.common.graphql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

import org.dataloader.BatchLoaderWithContext;
import org.dataloader.CacheKey;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderOptions;
import org.dataloader.DataLoaderRegistry;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.smallrye.graphql.bootstrap.DataFetcherFactory;
import io.smallrye.graphql.execution.datafetcher.helper.BatchLoaderHelper;
import io.smallrye.graphql.schema.model.Argument;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Schema;
import io.smallrye.graphql.schema.model.Type;

/**
 * Makes a batched field's data loader when a request first asks for it. SmallRye makes one for every batched field of
 * the schema (sixty-odd) on every request, each with a batch loader that looks its Java method up by reflection, and
 * graphql-java dispatches all of them at every level of the answer, though a request loads through a handful: a
 * twentieth of a page of tasks' work, a tenth of a light request's. The batch loaders hold no state of a request
 * (each call finds its bean and builds its context anew; SmallRye's schema keeps one such fetcher per field for all
 * requests), so they are made once here; only the loaders, which hold a request's batch and cache, are made per
 * request. SmallRye makes its loaders from the batched operations of its schema model, so that model is emptied of them
 * once they are taken over: nothing else reads them after the schema is built (Bootstrap and ExecutionService of
 * SmallRye 2.17 are the only readers).
 */
final class LoadersOnDemand extends SimplePerformantInstrumentation {

    /** One takeover per model: a model's batched operations are gone after the first. */
    private static final Map<Schema, LoadersOnDemand> TAKEN = Collections.synchronizedMap(new WeakHashMap<>());

    private final Map<String, Maker> makers;

    private LoadersOnDemand(Map<String, Maker> makers) {
        this.makers = makers;
    }

    static LoadersOnDemand takeOver(Schema model) {
        return TAKEN.computeIfAbsent(model, LoadersOnDemand::takenFrom);
    }

    private static LoadersOnDemand takenFrom(Schema model) {
        DataFetcherFactory fetchers = new DataFetcherFactory();
        BatchLoaderHelper names = new BatchLoaderHelper();
        Map<String, Type> types = model.getTypes();
        Map<String, Maker> makers = new LinkedHashMap<>();
        for (Operation operation : model.getBatchOperations()) {
            // As SmallRye's ExecutionService makes them, type looked up by the operation's name included.
            BatchLoaderWithContext<Object, Object> batchLoader = fetchers.getSourceBatchLoader(operation,
                    types.get(operation.getName()));
            makers.put(names.getName(operation), new Maker(batchLoader, takesArguments(operation)));
        }
        if (model.hasTypes()) {
            types.values().forEach(type -> type.setBatchOperations(new LinkedHashMap<>()));
        }
        return new LoadersOnDemand(Map.copyOf(makers));
    }

    private static boolean takesArguments(Operation operation) {
        return !operation.getArguments().stream().allMatch(Argument::isSourceArgument);
    }

    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        return input.getDataLoaderRegistry() instanceof Registry ? input
                : input.transform(builder -> builder.dataLoaderRegistry(new Registry(makers, input.getDataLoaderRegistry())));
    }

    private record Maker(BatchLoaderWithContext<Object, Object> batchLoader, boolean takesArguments) {

        DataLoader<?, ?> make(String name) {
            return loader(name, batchLoader, takesArguments);
        }
    }

    /**
     * A field with arguments is cached per object and arguments; SmallRye keys it by a hash of the two, which would hand
     * one object's answer to another whose hash collides.
     */
    static DataLoader<Object, Object> loader(String name, BatchLoaderWithContext<Object, Object> batchLoader,
            boolean takesArguments) {
        return DataLoaderFactory.newDataLoader(name, batchLoader, takesArguments
                ? DataLoaderOptions.newOptions().setCacheKeyFunction(BY_SOURCE_AND_ARGUMENTS).build()
                : DataLoaderOptions.newDefaultOptions());
    }

    private static final CacheKey<Object> BY_SOURCE_AND_ARGUMENTS = new CacheKey<>() {
        @Override
        public Object getKey(Object source) {
            return source;
        }

        @Override
        public Object getKeyWithContext(Object source, Object context) {
            // The context a fetcher hands with each object: its arguments under SmallRye's key (BatchedFields).
            return context instanceof Map<?, ?> batchContext
                    ? new SourceAndArguments(source, batchContext.get(BatchLoaderHelper.ARGUMENTS))
                    : source;
        }
    };

    private record SourceAndArguments(Object source, Object arguments) {
    }

    /** The loaders a request has asked for, made when asked; only these are dispatched. */
    private static final class Registry extends DataLoaderRegistry {

        private final Map<String, Maker> makers;

        Registry(Map<String, Maker> makers, DataLoaderRegistry given) {
            this.makers = makers;
            given.getDataLoadersMap().forEach(this::register);
        }

        @Override
        public <K, V> DataLoader<K, V> getDataLoader(String name) {
            DataLoader<K, V> made = super.getDataLoader(name);
            if (made != null) {
                return made;
            }
            Maker maker = makers.get(name);
            return maker == null ? null : computeIfAbsent(name, maker::make);
        }
    }
}
