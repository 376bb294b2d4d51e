package org.duban.common.graphql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dataloader.DataLoader;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import io.smallrye.graphql.execution.datafetcher.BatchDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.BatchLoaderHelper;

/**
 * Hands each object of a batched field (a task's units, a plan's page of tasks) to the field's data loader as it is.
 * SmallRye's fetcher first builds a context of the field and its selections (its selected fields written as JSON,
 * twice), fires events nobody here listens to and wraps the loader's answer in a Uni, for every object of the page
 * (on a page of 50 tasks with their units, 50 times), though the loader builds the context again, once per batch, from
 * the environment handed to it here. Only fields whose arguments are text or whole numbers (a connection's first and
 * after, a history's last) are read this way; SmallRye's fetcher converts the others first.
 */
final class BatchedFields {

    private BatchedFields() {
    }

    /**
     * @param argumentOrder each batched field's arguments (but its source) in the Java method's order, by loader name:
     *            the schema lists them in its own order
     */
    static GraphQLSchema direct(GraphQLSchema schema, Map<String, List<String>> argumentOrder) {
        return FetcherSwap.apply(schema, (type, field, fetcher) -> {
            // SmallRye names a field's loader by its source type and the field (BatchLoaderHelper).
            String loaderName = type.getName() + "_" + field.getName();
            List<String> arguments = field.getArguments().isEmpty() ? List.of() : argumentOrder.get(loaderName);
            return fetcher instanceof BatchDataFetcher<?> && arguments != null && arguments.size() == field.getArguments().size()
                    && field.getArguments().stream().allMatch(a -> plain(a) && arguments.contains(a.getName()))
                            ? new ToLoader(loaderName, arguments, fetcher) : null;
        });
    }

    /** Text arrives as the Java method takes it, whole numbers as numbers to be made Integer. */
    private static boolean plain(GraphQLArgument argument) {
        return GraphQLTypeUtil.unwrapNonNull(argument.getType()) instanceof GraphQLScalarType scalar
                && PLAIN_ARGUMENTS.contains(scalar.getName());
    }

    private static final Set<String> PLAIN_ARGUMENTS = Set.of("String", "Int");

    private static final class ToLoader implements DataFetcher<Object> {

        private final String loaderName;
        private final List<String> arguments;
        private final DataFetcher<?> smallRyes;

        ToLoader(String loaderName, List<String> arguments, DataFetcher<?> smallRyes) {
            this.loaderName = loaderName;
            this.arguments = arguments;
            this.smallRyes = smallRyes;
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            DataLoader<Object, Object> loader = environment.getDataLoader(loaderName);
            if (loader == null) {
                return smallRyes.get(environment);
            }
            // What SmallRye's fetcher hands over: the arguments beside the source, in the method's order, and the
            // environment the batch's context is built from. A HashMap: SmallRye's cache key for a field with
            // arguments reads them from one.
            List<Object> values = new ArrayList<>(arguments.size());
            for (String argument : arguments) {
                Object value = environment.getArgument(argument);
                // SmallRye's Int leaves a variable's number as JSON gave it (a BigDecimal), whole and in range by
                // WholeNumberInputs; the methods take Integer or int.
                values.add(value instanceof Number number && !(value instanceof Integer) ? number.intValue() : value);
            }
            Map<String, Object> context = new HashMap<>(4);
            context.put(BatchLoaderHelper.ARGUMENTS, values);
            context.put(BatchLoaderHelper.DATA_FETCHING_ENVIRONMENT, environment);
            return loader.load(environment.getSource(), context);
        }
    }
}
