package org.duban.common.graphql;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits on what one request may ask, besides those Quarkus already has keys for
 * ({@code quarkus.smallrye-graphql.instrumentation-query-depth}, {@code -query-complexity}, {@code parser-max-tokens}).
 */
@ConfigMapping(prefix = "duban.graphql")
public interface GraphQLLimits {

    /** Aliased fields in one document: aliases multiply the work a small query asks for. */
    @WithDefault("20")
    int maxAliases();

    /** Operations in one document (a request holds one document: batches are not taken). */
    @WithDefault("5")
    int maxOperations();

    /**
     * How long a GraphQL request over HTTP may take before it is answered UNAVAILABLE: a database that stops
     * answering (frozen, cut off without a reset) would otherwise hold every request, and the client, for good.
     */
    @WithDefault("15s")
    Duration requestTimeout();

    /** Serve the schema at /graphql/schema.graphql; off in the prod profile, where graphql/schema.graphql is the contract. */
    @WithDefault("true")
    boolean schemaEndpoint();
}
