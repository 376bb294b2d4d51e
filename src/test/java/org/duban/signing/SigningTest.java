package org.duban.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.notifications;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.duban.schedule.SchedulerRuns;
import org.duban.support.MutableClock;
import org.duban.support.ReminderWorkers;
import org.duban.support.TestAccounts;
import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Signing for tasks (签收) through GraphQL: each unit is told of what it is assigned (交办) once, whatever the workers,
 * signs or returns it (退回), the office insists or reassigns, and a unit that lets the time pass is overdue to sign
 * (领办逾期): reminded once and on the dashboard.
 */
@QuarkusTest
class SigningTest {

    @Inject
    Pool pool;
    @Inject
    MutableClock clock;
    @Inject
    SchedulerRuns runs;
    @Inject
    Vertx vertx;

    private String planId;
    private Map<String, String> tasks;
    private String a;
    private String b;
    private String unitA;
    private String unitB;
    private String unitC;
    private String c;

    @BeforeEach
    void assigned() {
        // Monday 6 May 2030: two working days to sign, by Wednesday the 8th.
        clock.pin(LocalDate.of(2030, 5, 6), LocalTime.of(10, 0));
        TestPlans.Names names = TestPlans.fresh("signing");
        planId = TestPlans.importPlan(TestPlans.withUnits(TestPlans.document(names, """
                - { code: S1, title: 签收一, deadline: 2030-06-28, units: [{ unit: 局甲, role: LEAD }, { unit: 局乙, role: ASSIST }] }
                - { code: S2, title: 签收二, deadline: 2030-06-28, units: [{ unit: 局甲 }] }
                - { code: S3, title: 签收三, deadline: 2030-06-28, units: [{ unit: 局乙 }] }
                - { code: S4, title: 签收四, deadline: 2030-06-28, units: [{ unitSet: 相关单位 }] }
                """), "{ name: 测试县丙局, shortName: 局丙, kind: DEPARTMENT }"));
        tasks = TestPlans.taskIds(planId);
        String code = names.regionCode();
        unitA = TestPlans.unitId(code, "测试县甲局");
        unitB = TestPlans.unitId(code, "测试县乙局");
        unitC = TestPlans.unitId(code, "测试县丙局");
        a = "sign-a-" + code;
        b = "sign-b-" + code;
        TestAccounts.create(pool, a, "甲局人员", TestIds.key(unitA), null, "UNIT");
        TestAccounts.create(pool, b, "乙局人员", TestIds.key(unitB), null, "UNIT");
        c = "sign-c-" + code;
        TestAccounts.create(pool, c, "丙局人员", TestIds.key(unitC), null, "UNIT");
    }

    @AfterEach
    void unpin() {
        clock.reset();
    }

    private void runTwoWorkersAt(LocalDate day, LocalTime time) {
        ReminderWorkers.runTwiceWithTwoWorkersAt(day, time, runs, clock, vertx);
    }

    private Map<String, Object> signing(String task, String unitId) {
        List<Map<String, Object>> units = ok(run("admin", "task-supervision", "id", tasks.get(task))).getList("data.task.units");
        return units.stream().filter(u -> unitId.equals(((Map<?, ?>) u.get("unit")).get("id"))).map(u -> (Map<String, Object>) u.get("signing"))
                .findFirst().orElse(null);
    }

    @Test
    void eachUnitIsToldOnceAndSignsOrReturnsItsTasks() {
        runTwoWorkersAt(LocalDate.of(2030, 5, 6), LocalTime.of(10, 1));

        // 交办: one notice per unit and task, with the role, the deadline and the day to sign by.
        assertThat(notifications(a, "ASSIGNED")).hasSize(2).extracting(n -> n.get("title").toString())
                .anyMatch(title -> title.contains("S1")).anyMatch(title -> title.contains("S2"));
        assertThat(notifications(b, "ASSIGNED")).hasSize(3);
        assertThat(notifications(b, "ASSIGNED")).filteredOn(n -> n.get("title").toString().contains("S1")).singleElement()
                .satisfies(n -> assertThat(n.get("body").toString()).contains("配合", "2030-06-28", "2030-05-08"));
        assertThat(signing("S1", unitA)).containsEntry("state", "UNSIGNED").containsEntry("assignedOn", "2030-05-06")
                .containsEntry("signBy", "2030-05-08");

        // Signing needs no text; once is enough; nobody signs for another's task.
        assertThat(ok(run(a, "sign-task", "taskId", tasks.get("S1"))).getList("data.signTask.units.signing.state"))
                .containsExactly("SIGNED", "UNSIGNED");
        assertThat(signing("S1", unitA)).containsEntry("state", "SIGNED");
        assertThat(errorCode(run(a, "sign-task", "taskId", tasks.get("S1")))).isEqualTo("INVALID_TRANSITION");
        assertThat(errorCode(run(b, "sign-task", "taskId", tasks.get("S2")))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(run(a, "sign-task", "taskId", tasks.get("S1"), "unitId", unitB))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(run("admin", "sign-task", "taskId", tasks.get("S1")))).isEqualTo("VALIDATION");

        // 退回: with a reason, to the office, which decides; meanwhile the unit cannot sign nor return it again.
        assertThat(errorCode(run(b, "return-task", "taskId", tasks.get("S1"), "reason", " "))).isEqualTo("VALIDATION");
        assertThat(errorCode(run(a, "return-task", "taskId", tasks.get("S1"), "reason", "已签收的不能退回"))).isEqualTo("INVALID_TRANSITION");
        ok(run(b, "return-task", "taskId", tasks.get("S1"), "reason", "该项属自然资源部门职责"));
        assertThat(signing("S1", unitB)).containsEntry("state", "RETURNED").containsEntry("returnReason", "该项属自然资源部门职责");
        assertThat(errorCode(run(b, "sign-task", "taskId", tasks.get("S1")))).isEqualTo("INVALID_TRANSITION");
        assertThat(errorCode(run(b, "return-task", "taskId", tasks.get("S1"), "reason", "再退"))).isEqualTo("INVALID_TRANSITION");
        assertThat(notifications("admin", "RETURNED")).filteredOn(n -> n.get("title").toString().contains("签收一")).singleElement()
                .satisfies(n -> assertThat(n.get("body").toString()).contains("测试县乙局", "该项属自然资源部门职责"));

        // The office insists on Wednesday: the unit signs within two working days from then, and is told so.
        clock.pin(LocalDate.of(2030, 5, 8), LocalTime.of(11, 0));
        assertThat(errorCode(run("admin", "decide-task-return", "taskId", tasks.get("S2"), "unitId", unitA, "input",
                Map.of("decision", "INSISTED")))).isEqualTo("INVALID_TRANSITION");
        assertThat(errorCode(run("admin", "decide-task-return", "taskId", tasks.get("S1"), "unitId", unitB, "input",
                Map.of("decision", "INSISTED", "toUnitId", unitC)))).isEqualTo("VALIDATION");
        assertThat(errorCode(run(b, "decide-task-return", "taskId", tasks.get("S1"), "unitId", unitB, "input",
                Map.of("decision", "INSISTED")))).isEqualTo("FORBIDDEN");
        ok(run("admin", "decide-task-return", "taskId", tasks.get("S1"), "unitId", unitB, "input",
                Map.of("decision", "INSISTED", "note", "牵头配合均需落实")));
        assertThat(signing("S1", unitB)).containsEntry("state", "UNSIGNED").containsEntry("decision", "INSISTED")
                .containsEntry("signBy", "2030-05-10");
        assertThat(notifications(b, "RETURN_DECIDED")).singleElement()
                .satisfies(n -> assertThat(n.get("body").toString()).contains("仍由本单位承办", "牵头配合均需落实"));
        assertThat(errorCode(run(b, "return-task", "taskId", tasks.get("S1"), "reason", "还是不是我们的"))).isEqualTo("INVALID_TRANSITION");
        // Longest waiting first: S1's time to sign runs from the office's decision.
        assertThat(ok(run(b, "my-inbox")).getList("data.myInbox.toSign.task.code")).containsExactly("S3", "S4", "S1");

        // All of it is on the task's history.
        assertThat(ok(run("admin", "task-history", "id", tasks.get("S1"), "last", 50)).getList("data.task.history", Map.class))
                .filteredOn(entry -> "TaskSigning".equals(entry.get("entityType"))).extracting(entry -> entry.get("operation"))
                .contains("signTask", "returnTask", "decideTaskReturn");
    }

    @Test
    void aUnitThatLetsTheTimePassIsRemindedOnceAndTheOfficeSeesIt() {
        runTwoWorkersAt(LocalDate.of(2030, 5, 6), LocalTime.of(10, 1));
        ok(run(a, "sign-task", "taskId", tasks.get("S1")));

        // Wednesday is the last day: nothing yet. Thursday: 甲局 has S2 unsigned, 乙局 S1, S3 and S4.
        runTwoWorkersAt(LocalDate.of(2030, 5, 8), LocalTime.of(9, 0));
        assertThat(notifications(a, "SIGN_OVERDUE")).isEmpty();
        runTwoWorkersAt(LocalDate.of(2030, 5, 9), LocalTime.of(9, 0));
        runTwoWorkersAt(LocalDate.of(2030, 5, 10), LocalTime.of(9, 0));
        assertThat(notifications(a, "SIGN_OVERDUE")).singleElement()
                .satisfies(n -> assertThat(n.get("title").toString()).contains("领办逾期", "S2"));
        assertThat(notifications(b, "SIGN_OVERDUE")).hasSize(3);
        assertThat(signing("S2", unitA)).containsEntry("state", "OVERDUE_TO_SIGN");

        List<Map<String, Object>> awaited = ok(run("admin", "plan-dashboard", "planId", planId))
                .getList("data.planDashboard.signingsAwaited");
        assertThat(awaited).extracting(s -> ((Map<?, ?>) s.get("task")).get("code") + "/" + ((Map<?, ?>) s.get("unit")).get("name") + "/"
                + s.get("state")).containsExactly("S1/测试县乙局/OVERDUE_TO_SIGN", "S2/测试县甲局/OVERDUE_TO_SIGN",
                        "S3/测试县乙局/OVERDUE_TO_SIGN", "S4/测试县乙局/OVERDUE_TO_SIGN");

        // Signing late takes it off the dashboard; the reminder is not repeated.
        ok(run(a, "sign-task", "taskId", tasks.get("S2")));
        runTwoWorkersAt(LocalDate.of(2030, 5, 13), LocalTime.of(9, 0));
        assertThat(notifications(a, "SIGN_OVERDUE")).hasSize(1);
        assertThat(ok(run("admin", "plan-dashboard", "planId", planId)).getList("data.planDashboard.signingsAwaited.task.code"))
                .containsExactly("S1", "S3", "S4");
    }

    @Test
    void aReturnedTaskGoesToTheUnitTheOfficeNames() {
        runTwoWorkersAt(LocalDate.of(2030, 5, 6), LocalTime.of(10, 1));
        ok(run(b, "return-task", "taskId", tasks.get("S3"), "reason", "属丙局职责"));
        ok(run(b, "return-task", "taskId", tasks.get("S4"), "reason", "属丙局职责"));

        assertThat(errorCode(run("admin", "decide-task-return", "taskId", tasks.get("S3"), "unitId", unitB, "input",
                Map.of("decision", "REASSIGNED")))).isEqualTo("VALIDATION");
        assertThat(errorCode(run("admin", "decide-task-return", "taskId", tasks.get("S3"), "unitId", unitB, "input",
                Map.of("decision", "REASSIGNED", "toUnitId", unitB)))).isEqualTo("VALIDATION");
        // S4 is 乙局's through the set 相关单位: the office changes the set, not the task.
        assertThat(errorCode(run("admin", "decide-task-return", "taskId", tasks.get("S4"), "unitId", unitB, "input",
                Map.of("decision", "REASSIGNED", "toUnitId", unitC)))).isEqualTo("VALIDATION");

        JsonPath reassigned = ok(run("admin", "decide-task-return", "taskId", tasks.get("S3"), "unitId", unitB, "input",
                Map.of("decision", "REASSIGNED", "toUnitId", unitC, "note", "改由丙局办理")));
        assertThat(reassigned.getList("data.decideTaskReturn.units.unit.name")).containsExactly("测试县丙局");
        assertThat(reassigned.getList("data.decideTaskReturn.units.role")).containsExactly("LEAD");
        assertThat(reassigned.getList("data.decideTaskReturn.units.signing.state")).containsExactly("UNSIGNED");
        assertThat(notifications(b, "RETURN_DECIDED")).singleElement()
                .satisfies(n -> assertThat(n.get("body").toString()).contains("改派", "改由丙局办理"));
        assertThat(errorCode(run(b, "sign-task", "taskId", tasks.get("S3")))).isEqualTo("NOT_FOUND");

        // The unit that takes it is told of it at the next run, like any assignment.
        runTwoWorkersAt(LocalDate.of(2030, 5, 6), LocalTime.of(11, 0));
        assertThat(notifications(c, "ASSIGNED")).singleElement()
                .satisfies(n -> assertThat(n.get("title").toString()).contains("S3"));
    }
}
