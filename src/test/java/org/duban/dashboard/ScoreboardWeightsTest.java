package org.duban.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.duban.support.GraphQL;
import org.duban.support.MutableClock;
import org.duban.support.TaskMoves;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A lead unit answers for its tasks: its items weigh 1 in the ranking, an assisting unit's 0.5 (the defaults). */
@QuarkusTest
class ScoreboardWeightsTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void leadItemsWeighMoreThanAssistingOnesAndTheIssuingGovernmentIsNotRanked() {
        String planId = TestPlans.importPlan(TestPlans.document(TestPlans.fresh("weights"), """
                - { code: A, title: 甲牵头, deadline: 2030-03-31, units: [{ unit: 局甲, role: LEAD }, { unit: 局乙, role: ASSIST }] }
                - { code: B, title: 乙牵头, deadline: 2030-03-15, units: [{ unit: 局乙, role: LEAD }] }
                - { code: C, title: 县政府牵头, deadline: 2030-03-15, units: [{ unit: 县政府, role: LEAD }] }
                """));
        Map<String, String> tasks = TestPlans.taskIds(planId);
        GraphQL.token("admin");
        GraphQL.token("leader");
        clock.pin(LocalDate.parse("2030-03-10"), LocalTime.NOON);
        TaskMoves.signOff(tasks.get("A"));
        clock.pin(LocalDate.parse("2030-04-02"), LocalTime.NOON);

        List<Map<String, Object>> rows = ok(run("leader", "unit-scoreboard", "planId", planId)).getList("data.unitScoreboard");
        Map<String, Map<String, Object>> byUnit = new HashMap<>();
        rows.forEach(row -> byUnit.put((String) row.get("unitName"), row));
        assertThat(byUnit).containsOnlyKeys("测试县甲局", "测试县乙局");
        assertThat(byUnit.get("测试县甲局")).containsEntry("rank", 1).containsEntry("onTimeRate", new BigDecimal("100.00"));
        // On time where it assists (0.5), overdue where it leads (1): 0.5 ÷ 1.5, not one of two.
        assertThat(byUnit.get("测试县乙局")).containsEntry("rank", 2).containsEntry("onTime", 1).containsEntry("overdueNow", 1)
                .containsEntry("onTimeRate", new BigDecimal("33.33"));
    }
}
