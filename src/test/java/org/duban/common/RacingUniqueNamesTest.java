package org.duban.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.run;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Clients racing to create the same unique name: one wins, every other answer is CONFLICT, never INTERNAL,
 * whichever write path (Hibernate Reactive or the SQL client) the mutation takes and wherever the unique index
 * stops it.
 */
@QuarkusTest
class RacingUniqueNamesTest {

    private static final int RACERS = 8;

    @Test
    void racingCreationsOfOneUnitAnswerOneSuccessAndConflicts() throws Exception {
        TestPlans.Names names = TestPlans.fresh("race-unit");
        TestPlans.importPlan(TestPlans.document(names, "- { code: A, title: 甲 }"));
        String regionId = TestPlans.regionId(names.regionCode());
        assertOneWinsTheRestConflict(() -> run("admin", "create-unit", "input",
                Map.of("regionId", regionId, "name", "竞速县自然资源局", "kind", "DEPARTMENT")));
    }

    @Test
    void racingCreationsOfOneAccountAnswerOneSuccessAndConflicts() throws Exception {
        String username = "race-" + System.nanoTime();
        assertOneWinsTheRestConflict(() -> run("admin", "create-user", "input", Map.of("username", username,
                "displayName", "竞速", "password", "Racing-1-password", "roles", List.of("LEADER"),
                "regionIds", List.of(TestPlans.regionId("141029")))));
    }

    @Test
    void racingImportsOfOneNewPlanAnswerOneSuccessAndConflicts() throws Exception {
        String document = TestPlans.document(TestPlans.fresh("race-plan"), "- { code: A, title: 甲, deadline: 2030-01-01 }");
        assertOneWinsTheRestConflict(() -> TestPlans.importDocument(document, false));
    }

    private static void assertOneWinsTheRestConflict(Supplier<JsonPath> create) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<String>> answers = IntStream.range(0, RACERS)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        String code = errorCode(create.get());
                        return code == null ? "OK" : code;
                    }, pool)).toList();
            start.countDown();
            List<String> codes = answers.stream().map(CompletableFuture::join).toList();
            assertThat(codes).as("one success").containsOnlyOnce("OK");
            assertThat(codes).as("the others").filteredOn(code -> !code.equals("OK")).containsOnly("CONFLICT");
        } finally {
            pool.shutdownNow();
        }
    }
}
