package org.duban.common.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.execute;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.dataloader.BatchLoaderWithContext;
import org.dataloader.DataLoader;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.graphql.execution.datafetcher.helper.BatchLoaderHelper;
import io.smallrye.graphql.schema.model.Schema;

/**
 * Batched fields load through loaders made when a request asks for them; SmallRye, whose model no longer lists the
 * batched fields, makes none per request.
 */
@QuarkusTest
class LoadersOnDemandTest {

    @Inject
    Schema model;

    @Test
    void batchedFieldsLoadWhileSmallRyesModelListsNoneToMakeLoadersFor() {
        JsonPath tasks = ok(execute(token("admin"), "{ tasks(first: 3) { edges { node { code plan { title }"
                + " units { role unit { name } } statusChanges(last: 1) { to } } } } }", Map.of()));

        assertThat(tasks.getList("data.tasks.edges.node.plan.title")).hasSize(3).doesNotContainNull();
        assertThat(tasks.getList("data.tasks.edges.node.units.unit.name")).hasSize(3).allSatisfy(names -> assertThat(names).isNotNull());
        assertThat(model.getBatchOperations()).isEmpty();
    }

    @Test
    void aFieldWithArgumentsIsCachedPerObjectAndArgumentsNotPerHash() {
        // "Aa" and "BB" share a hash code: SmallRye's key, a hash of the arguments and of the object, made them one.
        List<Object> batched = new ArrayList<>();
        BatchLoaderWithContext<Object, Object> echo = (keys, environment) -> {
            batched.addAll(keys);
            return CompletableFuture.completedFuture(keys.stream().map(key -> (Object) ("answer of " + key)).toList());
        };
        DataLoader<Object, Object> loader = LoadersOnDemand.loader("Test_field", echo, true);

        CompletableFuture<Object> first = loader.load("Aa", arguments(20));
        CompletableFuture<Object> collidingHash = loader.load("BB", arguments(20));
        CompletableFuture<Object> sameAgain = loader.load("Aa", arguments(20));
        CompletableFuture<Object> otherArguments = loader.load("Aa", arguments(50));
        loader.dispatch();

        assertThat(first.join()).isEqualTo("answer of Aa");
        assertThat(collidingHash.join()).isEqualTo("answer of BB");
        assertThat(sameAgain.join()).isEqualTo("answer of Aa");
        assertThat(otherArguments.join()).isEqualTo("answer of Aa");
        assertThat(batched).containsExactly("Aa", "BB", "Aa");
    }

    private static Map<String, Object> arguments(int first) {
        Map<String, Object> context = new HashMap<>();
        context.put(BatchLoaderHelper.ARGUMENTS, List.of(first));
        return context;
    }
}
