package org.duban.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.execute;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;
import static org.duban.support.GraphQL.token;
import static org.duban.support.GraphQL.vars;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.duban.support.TestAccounts;
import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A UNIT account sees its unit's tasks and nothing else, however it asks: by id, through a list filter,
 * through a nested field, under an alias; and it cannot change another unit's task.
 */
@QuarkusTest
class ScopingTest {

    @Inject
    Pool pool;

    /** Section S (甲局) holds S1 (甲局) and S2 (乙局); T (乙局) stands alone. */
    private record Place(String code, String planId, Map<String, String> tasks, String unitA, String unitB, String userA,
            String userB) {
    }

    private Place place(String what) {
        TestPlans.Names names = TestPlans.fresh(what);
        String planId = TestPlans.importPlan(TestPlans.document(names, """
                - { code: S, title: 节, units: [{ unit: 局甲 }] }
                - { code: S1, parent: S, title: 甲之事, deadline: 2031-03-01, units: [{ unit: 局甲 }] }
                - { code: S2, parent: S, title: 乙之事, deadline: 2031-03-02, units: [{ unit: 局乙 }] }
                - { code: T, title: 乙之另一事, deadline: 2031-03-03, units: [{ unit: 局乙 }] }
                """));
        String unitA = TestPlans.unitId(names.regionCode(), "测试县甲局");
        String unitB = TestPlans.unitId(names.regionCode(), "测试县乙局");
        String userA = "scope-a-" + names.regionCode();
        String userB = "scope-b-" + names.regionCode();
        TestAccounts.create(pool, userA, "甲局人员", TestIds.key(unitA), null);
        TestAccounts.create(pool, userB, "乙局人员", TestIds.key(unitB), null);
        return new Place(names.regionCode(), planId, TestPlans.taskIds(planId), unitA, unitB, userA, userB);
    }

    @Test
    void byIdAnotherUnitsTaskIsNotFoundLikeATaskThatDoesNotExist() {
        Place place = place("scope-id");
        JsonPath foreign = run(place.userA(), "task", "id", place.tasks().get("T"));
        JsonPath missing = run(place.userA(), "task", "id", "999999999");
        assertThat(errorCode(foreign)).isEqualTo("NOT_FOUND");
        assertThat(foreign.getString("errors[0].message"))
                .isEqualTo(missing.getString("errors[0].message").replace("999999999", place.tasks().get("T")));
        assertThat(ok(run(place.userA(), "task", "id", place.tasks().get("S1"))).getString("data.task.code")).isEqualTo("S1");
    }

    @Test
    void listsAndTheirFiltersHoldOnlyTheUnitsTasks() {
        Place place = place("scope-list");
        assertThat(codes(run(place.userA(), "tasks", "filter", Map.of("planId", place.planId()), "first", 100)))
                .containsExactly("S1", "S");
        assertThat(ok(run(place.userA(), "tasks", "filter", Map.of("unitId", place.unitB()))).getList("data.tasks.edges"))
                .isEmpty();
        assertThat(ok(run(place.userA(), "tasks", "filter", Map.of("planId", place.planId()))).getInt("data.tasks.totalCount"))
                .isEqualTo(2);
        assertThat(codes(run("admin", "tasks", "filter", Map.of("planId", place.planId())))).hasSize(4);
    }

    @Test
    void nestedFieldsAndAliasesReachNoFurther() {
        Place place = place("scope-nested");
        JsonPath planTasks = ok(run(place.userA(), "plan-tasks", "id", place.planId(), "first", 100));
        assertThat(planTasks.getList("data.plan.tasks.edges.node.code", String.class)).containsExactly("S", "S1");
        assertThat(planTasks.getInt("data.plan.tasks.totalCount")).isEqualTo(2);

        JsonPath section = ok(run(place.userA(), "task", "id", place.tasks().get("S")));
        assertThat(section.getList("data.task.children.code", String.class)).containsExactly("S1");

        JsonPath child = ok(execute(token(place.userB()), "query($id: ID!) { task(id: $id) { code parent { code } } }",
                vars("id", place.tasks().get("S2"))));
        assertThat(child.getString("data.task.code")).isEqualTo("S2");
        assertThat(child.getString("data.task.parent")).isNull();

        JsonPath aliased = execute(token(place.userA()),
                "query($mine: ID!, $theirs: ID!) { mine: task(id: $mine) { code } theirs: task(id: $theirs) { code } }",
                vars("mine", place.tasks().get("S1"), "theirs", place.tasks().get("T")));
        assertThat(aliased.getString("data.mine.code")).isEqualTo("S1");
        assertThat(aliased.getString("data.theirs")).isNull();
        assertThat(aliased.getList("errors.extensions.code")).containsExactly("NOT_FOUND");
    }

    @Test
    void anotherUnitsTaskCannotBeChangedAndStaysAsItWas() {
        Place place = place("scope-write");
        String theirs = place.tasks().get("T");
        assertThat(errorCode(run(place.userA(), "change-task-status", "id", theirs, "status", "IN_PROGRESS"))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(run(place.userA(), "change-occurrence-status", "occurrenceId", theirs + "@2031-03-03",
                "status", "IN_PROGRESS"))).isEqualTo("NOT_FOUND");
        assertThat(ok(run("admin", "task", "id", theirs)).getString("data.task.status")).isEqualTo("NOT_STARTED");

        // Its own: an assisting or leading unit starts it; only the lead unit submits; the office signs off.
        String mine = place.tasks().get("S1");
        ok(run(place.userA(), "change-task-status", "id", mine, "status", "IN_PROGRESS"));
        ok(run(place.userA(), "change-task-status", "id", mine, "status", "SUBMITTED"));
        assertThat(errorCode(run(place.userA(), "change-task-status", "id", mine, "status", "SIGNED_OFF"))).isEqualTo("FORBIDDEN");
        assertThat(ok(run("admin", "sign-off-task", "taskId", mine, "overrideReason", "测试"))
                .getString("data.signOffTask.status")).isEqualTo("SIGNED_OFF");
    }

    @Test
    void plansAreThoseTheUnitTakesPartIn() {
        Place place = place("scope-plans");
        TestPlans.Names elsewhere = TestPlans.fresh("scope-elsewhere");
        String otherPlan = TestPlans.importPlan(TestPlans.document(elsewhere, "- { code: Z, title: 别处, units: [{ unit: 局甲 }] }"));
        List<String> seen = ok(run(place.userA(), "plans")).getList("data.plans.id", String.class);
        assertThat(seen).containsExactly(place.planId());
        assertThat(errorCode(run(place.userA(), "plan-tasks", "id", otherPlan))).isEqualTo("NOT_FOUND");
        assertThat(ok(run("leader", "plans")).getList("data.plans.id", String.class)).contains(place.planId(), otherPlan);
    }

    @Test
    void landOfAnotherRegionDoesNotExistForItsAccounts() {
        Place place = place("scope-land");
        TestPlans.Names elsewhere = TestPlans.fresh("scope-land-elsewhere");
        TestPlans.importPlan(TestPlans.withUnits(TestPlans.document(elsewhere, "- { code: L, title: 别处 }"), TestPlans.TOWNSHIP));
        String township = TestPlans.unitId(elsewhere.regionCode(), "测试镇人民政府");
        String code = "SCOPE-" + place.code();
        String parcel = ok(run("admin", "create-parcel", "input", Map.of("code", code, "name", "别处地块",
                "townshipId", township, "landUse", "INDUSTRIAL", "approvedOn", "2021-03-01", "areaMu", BigDecimal.ONE)))
                .getString("data.createParcel.id");
        ok(run("admin", "set-quota", "input", Map.of("regionId", TestPlans.regionId(elsewhere.regionCode()), "year", 2031,
                "targetMu", BigDecimal.ONE)));

        assertThat(errorCode(run(place.userA(), "parcel", "id", parcel))).isEqualTo("NOT_FOUND");
        assertThat(ok(run(place.userA(), "parcels", "first", 100)).getList("data.parcels.edges")).isEmpty();
        assertThat(ok(run(place.userA(), "quotas", "year", 2031)).getList("data.quotas")).isEmpty();
        assertThat(ok(run("leader", "parcel", "id", parcel)).getString("data.parcel.code")).isEqualTo(code);
    }

    private static List<String> codes(JsonPath tasks) {
        return ok(tasks).getList("data.tasks.edges.node.code", String.class);
    }
}
