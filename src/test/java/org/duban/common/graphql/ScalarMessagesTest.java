package org.duban.common.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.execute;
import static org.duban.support.GraphQL.token;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A bad value of a scalar, alone or inside an input object, is VALIDATION naming the argument and the problem: no
 * class name, no "Unknown Scalar Type", no echo of the whole input.
 */
@QuarkusTest
class ScalarMessagesTest {

    @Test
    void badScalarsInsideInputObjectsNameTheFieldOnly() {
        for (String filter : List.of("{dueFrom: \"2022-02-30\"}", "{dueTo: \"tomorrow\"}", "{dueFrom: \"2022-09-15T10:00:00Z\"}")) {
            JsonPath answer = execute(token("admin"), "{ tasks(filter: " + filter + ") { totalCount } }", Map.of());
            String message = answer.getString("errors[0].message");
            assertThat(answer.getString("errors[0].extensions.code")).as(filter).isEqualTo("VALIDATION");
            assertThat(message).as(filter).doesNotContain("org.duban", "Unknown Scalar Type", "TaskFilter", "{")
                    .contains("filter");
        }
    }

    @Test
    void badScalarsInVariablesNameTheFieldOnly() {
        JsonPath answer = execute(token("admin"), "query($f: TaskFilter) { tasks(filter: $f) { totalCount } }",
                Map.of("f", Map.of("dueFrom", "2022-13-01")));
        String message = answer.getString("errors[0].message");
        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("VALIDATION");
        assertThat(message).doesNotContain("org.duban", "Unknown Scalar Type", "TaskFilter");
    }
}
