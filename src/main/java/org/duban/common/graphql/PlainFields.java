package org.duban.common.graphql;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.duban.common.GlobalId;
import org.duban.common.IdKind;
import org.duban.common.Ids;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.LightDataFetcher;

/**
 * Reads the plain properties of the answer's objects (a task's code, a unit's name) straight from their records.
 * SmallRye's fetcher for such a field builds a context of the field and its selections first, for every field of every
 * object: a quarter of a page of tasks' work. Only fields whose values need no conversion are read here (text,
 * numbers and decimals, booleans, ids, enums, nested objects), and single dates and instants, written as SmallRye
 * writes them without a format annotation (ISO; Duban's API declares no number or date format); lists of dates and
 * anything this cannot read are left to SmallRye. Row keys marked {@link GlobalId} leave as global ids, whoever read them.
 */
final class PlainFields {

    /** Scalars whose values SmallRye hands to graphql-java as they are. */
    private static final Set<String> AS_IS = Set.of("String", "Int", "Boolean", "Float", "ID", "BigDecimal", "BigInteger");
    /** Scalars SmallRye's fetcher formats, by DateTransformer's defaults, when the field names no format. */
    private static final Set<String> TEMPORAL = Set.of("Date", "DateTime");

    private PlainFields() {
    }

    static GraphQLSchema lighten(GraphQLSchema schema) {
        return FetcherSwap.apply(schema, (type, field, fetcher) -> fetcher instanceof TrivialDataFetcher<?>
                && field.getArguments().isEmpty() && (readsAsIs(field.getType()) || isSingleTemporal(field.getType()))
                        ? new Property(field.getName(), fetcher) : null);
    }

    private static boolean isSingleTemporal(GraphQLType type) {
        return GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLScalarType scalar && TEMPORAL.contains(scalar.getName());
    }

    private static boolean readsAsIs(GraphQLType type) {
        GraphQLType bare = GraphQLTypeUtil.unwrapAll(type);
        return bare instanceof GraphQLObjectType || bare instanceof GraphQLEnumType
                || bare instanceof GraphQLScalarType scalar && AS_IS.contains(scalar.getName());
    }

    /**
     * The record component or getter of the field's name; what it cannot read, SmallRye's fetcher does. A light fetcher:
     * graphql-java builds the fetching environment (its selection set, step info and directives, a twentieth of a
     * page's work) only for a fetcher that asks for it, which this one does only when it hands over to SmallRye.
     */
    private static final class Property implements LightDataFetcher<Object> {

        private static final MethodHandle NONE = MethodHandles.constant(Object.class, null);

        /** How one source class answers the field: its accessor, and the kind of row keys it carries, if any. */
        private record Reader(MethodHandle accessor, IdKind sealedAs) {
        }

        private static final Reader BY_SMALLRYE = new Reader(NONE, null);

        private final String name;
        private final DataFetcher<?> smallRyes;
        private final Map<Class<?>, Reader> readers = new ConcurrentHashMap<>();

        Property(String name, DataFetcher<?> smallRyes) {
            this.name = name;
            this.smallRyes = smallRyes;
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            return get(environment.getFieldDefinition(), environment.getSource(), () -> environment);
        }

        @Override
        public Object get(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> environment)
                throws Exception {
            Reader reader = source == null ? BY_SMALLRYE : readers.computeIfAbsent(source.getClass(), this::reader);
            Object value = read(reader.accessor(), source, environment);
            return value == null || reader.sealedAs() == null ? value : seal(reader.sealedAs(), value);
        }

        private Object read(MethodHandle accessor, Object source, Supplier<DataFetchingEnvironment> environment)
                throws Exception {
            if (accessor == NONE) {
                return smallRyes.get(environment.get());
            }
            Object value;
            try {
                value = accessor.invoke(source);
            } catch (Throwable failure) {
                return smallRyes.get(environment.get());
            }
            if (value instanceof LocalDate date) {
                return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
            }
            if (value instanceof OffsetDateTime instant) {
                return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant);
            }
            // Maps become lists of entries, optionals their content and other times text in SmallRye's hands.
            return value instanceof Map<?, ?> || value instanceof Optional<?> || value instanceof TemporalAccessor
                    ? smallRyes.get(environment.get()) : value;
        }

        private static Object seal(IdKind kind, Object keys) {
            if (keys instanceof Collection<?> many) {
                List<Object> sealed = new ArrayList<>(many.size());
                for (Object key : many) {
                    sealed.add(key == null ? null : seal(kind, key));
                }
                return sealed;
            }
            if (keys instanceof Number key) {
                return Ids.of(kind, key.longValue());
            }
            return Ids.of(kind, Long.parseLong(keys.toString()));
        }

        private Reader reader(Class<?> type) {
            String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            for (String spelling : new String[] { name, "get" + capitalised, "is" + capitalised }) {
                try {
                    Method method = type.getMethod(spelling);
                    GlobalId marked = method.getAnnotation(GlobalId.class);
                    return new Reader(MethodHandles.publicLookup().findVirtual(type, spelling,
                            MethodType.methodType(method.getReturnType())).asType(MethodType.methodType(Object.class, Object.class)),
                            marked == null ? null : marked.value());
                } catch (IllegalAccessException notPublic) {
                    // SmallRye reads a class that is not public; its keys are sealed all the same
                    return sealedBySmallRye(type, spelling);
                } catch (ReflectiveOperationException | IllegalArgumentException notThisOne) {
                    // try the next spelling
                }
            }
            return BY_SMALLRYE;
        }

        private static Reader sealedBySmallRye(Class<?> type, String spelling) {
            try {
                GlobalId marked = type.getMethod(spelling).getAnnotation(GlobalId.class);
                return marked == null ? BY_SMALLRYE : new Reader(NONE, marked.value());
            } catch (NoSuchMethodException gone) {
                return BY_SMALLRYE;
            }
        }
    }
}
