package org.duban.common.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;

/** The limits hold for every run of a document, the first and those answered from the document cache. */
class LimitsPerDocumentTest {

    private static final String SCHEMA = "type Query { node: Node } type Node { name: String child: Node }";

    static GraphQLLimits limits(int maxAliases, int maxOperations) {
        return new GraphQLLimits() {
            @Override
            public int maxAliases() {
                return maxAliases;
            }

            @Override
            public int maxOperations() {
                return maxOperations;
            }

            @Override
            public Duration requestTimeout() {
                return Duration.ofSeconds(15);
            }

            @Override
            public boolean schemaEndpoint() {
                return false;
            }
        };
    }

    /** As SmallRye's cache does: the same document object for the same text. */
    private static final class DocumentCache implements PreparsedDocumentProvider {
        private final Map<String, PreparsedDocumentEntry> entries = new ConcurrentHashMap<>();

        @Override
        public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                java.util.function.Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
            return CompletableFuture.completedFuture(entries.computeIfAbsent(input.getQuery(), text -> parseAndValidate.apply(input)));
        }
    }

    private final GraphQL graphQL = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SCHEMA),
            RuntimeWiring.newRuntimeWiring().build()))
            .instrumentation(new LimitsPerDocument(limits(2, 2), 3, 6))
            .preparsedDocumentProvider(new DocumentCache())
            .build();

    private String firstError(String query) {
        ExecutionResult result = graphQL.execute(query);
        return result.getErrors().isEmpty() ? null : result.getErrors().get(0).getMessage();
    }

    @Test
    void aDocumentWithinTheLimitsRunsEveryTime() {
        assertThat(firstError("{ node { child { name } } }")).isNull();
        assertThat(firstError("{ node { child { name } } }")).isNull();
    }

    @Test
    void aDocumentPastTheLimitsIsRefusedEveryTime() {
        String tooDeep = "{ node { child { child { name } } } }";
        assertThat(firstError(tooDeep)).isEqualTo("maximum query depth exceeded 4 > 3");
        assertThat(firstError(tooDeep)).isEqualTo("maximum query depth exceeded 4 > 3");
        assertThat(firstError("{ node { name child { name } } a: node { name child { name } } }"))
                .startsWith("maximum query complexity exceeded");
        assertThat(firstError("{ a: node { name } b: node { name } c: node { name } }"))
                .isEqualTo("A document may use at most 2 aliases; this one uses 3");
    }
}
