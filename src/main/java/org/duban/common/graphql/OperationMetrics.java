package org.duban.common.graphql;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Unremovable;

/**
 * duban_graphql_operations_total{operation, type, outcome}: GraphQL requests by operation name and by
 * outcome (ok, or the extensions.code of the first error). Names come from clients, so only well-formed
 * ones count as themselves, and at most {@link #MOST_NAMES} of them; the rest count as "other".
 */
@ApplicationScoped
@Unremovable // looked up, not injected: see OperationMetricsInstrumentation
public class OperationMetrics {

    static final int MOST_NAMES = 200;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private final MeterRegistry registry;
    private final Set<String> names = ConcurrentHashMap.newKeySet();

    OperationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String operation, String type, String outcome) {
        registry.counter("duban.graphql.operations", "operation", label(operation), "type", type, "outcome", outcome).increment();
    }

    private String label(String operation) {
        if (operation == null) {
            return "anonymous";
        }
        if (!NAME.matcher(operation).matches()) {
            return "other";
        }
        if (names.contains(operation) || (names.size() < MOST_NAMES && names.add(operation))) {
            return operation;
        }
        return "other";
    }
}
