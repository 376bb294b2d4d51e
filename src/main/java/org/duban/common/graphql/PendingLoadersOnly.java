package org.duban.common.graphql;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.instrumentation.DataLoaderInstrumentation;
import org.dataloader.stats.Statistics;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;

/**
 * SmallRye registers a data loader for every batched field of the schema (sixty-odd) on every request, and graphql-java
 * dispatches each of them at every level of the answer, though a request loads through a handful: a quarter of a
 * light request's work. This registry stands for SmallRye's and dispatches only the loaders the request has asked for
 * (every fetcher finds its loader by name here), and of those the ones with loads waiting.
 */
final class PendingLoadersOnly extends SimplePerformantInstrumentation {

    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        DataLoaderRegistry registry = input.getDataLoaderRegistry();
        return registry == null || registry instanceof Registry ? input
                : input.transform(builder -> builder.dataLoaderRegistry(new Registry(registry)));
    }

    /** SmallRye's registry, but for what it dispatches. */
    private static final class Registry extends DataLoaderRegistry {

        private final DataLoaderRegistry loaders;
        /** Asking all sixty at every level cost 3 % of a light request (each tells its dispatch depth under a lock). */
        private final CopyOnWriteArrayList<DataLoader<?, ?>> askedFor = new CopyOnWriteArrayList<>();

        Registry(DataLoaderRegistry loaders) {
            this.loaders = loaders;
        }

        @Override
        public void dispatchAll() {
            dispatchAllWithCount();
        }

        @Override
        public int dispatchAllWithCount() {
            int dispatched = 0;
            for (DataLoader<?, ?> loader : askedFor) {
                if (loader.dispatchDepth() > 0) {
                    dispatched += loader.dispatchWithCounts().getKeysCount();
                }
            }
            return dispatched;
        }

        @Override
        public int dispatchDepth() {
            return loaders.dispatchDepth();
        }

        @Override
        public <K, V> DataLoader<K, V> getDataLoader(String key) {
            DataLoader<K, V> loader = loaders.getDataLoader(key);
            if (loader != null) {
                askedFor.addIfAbsent(loader);
            }
            return loader;
        }

        @Override
        public List<DataLoader<?, ?>> getDataLoaders() {
            return loaders.getDataLoaders();
        }

        @Override
        public Map<String, DataLoader<?, ?>> getDataLoadersMap() {
            return loaders.getDataLoadersMap();
        }

        @Override
        public Set<String> getKeys() {
            return loaders.getKeys();
        }

        @Override
        public DataLoaderRegistry register(String key, DataLoader<?, ?> dataLoader) {
            loaders.register(key, dataLoader);
            return this;
        }

        @Override
        public DataLoaderRegistry register(DataLoader<?, ?> dataLoader) {
            loaders.register(dataLoader);
            return this;
        }

        @Override
        public <K, V> DataLoader<K, V> registerAndGet(String key, DataLoader<?, ?> dataLoader) {
            DataLoader<K, V> registered = loaders.registerAndGet(key, dataLoader);
            askedFor.addIfAbsent(registered);
            return registered;
        }

        @Override
        public DataLoaderInstrumentation getInstrumentation() {
            return loaders.getInstrumentation();
        }

        @Override
        public <K, V> DataLoader<K, V> computeIfAbsent(String key, Function<String, DataLoader<?, ?>> mappingFunction) {
            DataLoader<K, V> found = loaders.computeIfAbsent(key, mappingFunction);
            askedFor.addIfAbsent(found);
            return found;
        }

        @Override
        public DataLoaderRegistry unregister(String key) {
            askedFor.remove(loaders.getDataLoader(key));
            loaders.unregister(key);
            return this;
        }

        @Override
        public Statistics getStatistics() {
            return loaders.getStatistics();
        }
    }
}
