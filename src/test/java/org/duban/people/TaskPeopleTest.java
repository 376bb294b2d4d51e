package org.duban.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
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
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Named people (责任到人): a unit names its leader in charge, responsible person and liaison for its part of a task; the
 * task and the unit's assignments show them, and the task's messages to the unit reach their accounts, one reminder a
 * person, task and day.
 */
@QuarkusTest
class TaskPeopleTest {

    @Inject
    Pool pool;
    @Inject
    MutableClock clock;
    @Inject
    SchedulerRuns runs;
    @Inject
    Vertx vertx;

    private Map<String, String> tasks;
    private String a;
    private String b;
    private String outsider;
    private String unitA;
    private String unitB;
    private String unitC;
    private String deputy;
    private long deputyId;
    private String deputyEmail;

    @BeforeEach
    void plan() {
        clock.pin(LocalDate.of(2030, 5, 6), LocalTime.of(10, 0));
        TestPlans.Names names = TestPlans.fresh("people");
        String planId = TestPlans.importPlan(TestPlans.withUnits(TestPlans.document(names, """
                - { code: P1, title: 责任到人, deadline: 2030-05-10, units: [{ unit: 局甲, role: LEAD }, { unit: 局乙, role: ASSIST }] }
                """), "{ name: 测试县丙局, shortName: 局丙, kind: DEPARTMENT }"));
        tasks = TestPlans.taskIds(planId);
        String code = names.regionCode();
        unitA = TestPlans.unitId(code, "测试县甲局");
        unitB = TestPlans.unitId(code, "测试县乙局");
        a = "people-a-" + code;
        b = "people-b-" + code;
        outsider = "people-c-" + code;
        deputy = "people-d-" + code;
        deputyEmail = deputy + "@example.gov.cn";
        TestAccounts.create(pool, a, "甲局人员", TestIds.key(unitA), null, "UNIT");
        TestAccounts.create(pool, b, "乙局人员", TestIds.key(unitB), null, "UNIT");
        unitC = TestPlans.unitId(code, "测试县丙局");
        TestAccounts.create(pool, outsider, "丙局人员", TestIds.key(unitC), null, "UNIT");
        // The deputy county head in charge of both units' part: an account of the county government.
        deputyId = TestAccounts.create(pool, deputy, "李副县长", TestIds.key(TestPlans.unitId(code, "测试县人民政府")), deputyEmail, "UNIT");
    }

    @AfterEach
    void unpin() {
        clock.reset();
    }

    private JsonPath setPeople(String user, String unitId, List<Map<String, Object>> people) {
        return run(user, "set-task-people", "taskId", tasks.get("P1"), "unitId", unitId, "people", people);
    }

    @Test
    void aUnitNamesItsPeopleAndTheTaskAndItsAssignmentsShowThem() {
        List<Map<String, Object>> people = List.of(
                Map.of("role", "LEADER_IN_CHARGE", "name", "李四", "title", "副县长", "accountId", String.valueOf(deputyId)),
                Map.of("role", "RESPONSIBLE", "name", "张三", "title", "局长"),
                Map.of("role", "LIAISON", "name", "王五", "title", "办公室主任", "mobile", "139 0000 0000"));
        JsonPath set = ok(setPeople(a, unitA, people));
        List<Map<String, Object>> named = set.getList("data.setTaskPeople.units[0].people");
        assertThat(named).extracting(p -> p.get("role")).containsExactly("LEADER_IN_CHARGE", "RESPONSIBLE", "LIAISON");
        assertThat(named.get(0)).containsEntry("name", "李四").containsEntry("username", deputy);
        assertThat(named.get(2)).containsEntry("mobile", "139 0000 0000");
        assertThat(set.getList("data.setTaskPeople.units[1].people")).isEmpty();

        List<Map<String, Object>> mine = ok(run(a, "my-assignments")).getList("data.myAssignments.edges.node");
        assertThat(mine).singleElement().satisfies(assignment -> assertThat((List<?>) assignment.get("people")).hasSize(3));
        assertThat(ok(run(b, "my-assignments")).getList("data.myAssignments.edges[0].node.people")).isEmpty();

        // Refused: another unit's people, a task out of sight, a post named twice, a bad number, a missing account.
        assertThat(errorCode(setPeople(b, unitA, people))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(setPeople(outsider, unitA, people))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(setPeople("leader", unitA, people))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(setPeople(a, unitA, List.of(Map.of("role", "LIAISON", "name", "甲"), Map.of("role", "LIAISON", "name", "乙")))))
                .isEqualTo("VALIDATION");
        assertThat(errorCode(setPeople(a, unitA, List.of(Map.of("role", "LIAISON", "name", "甲", "mobile", "call me"))))).isEqualTo("VALIDATION");
        assertThat(errorCode(setPeople(a, unitA, List.of(Map.of("role", "LIAISON", "name", "甲", "accountId", "999999999")))))
                .isEqualTo("VALIDATION");
        assertThat(errorCode(setPeople("admin", unitC, people)))
                .isEqualTo("VALIDATION");
        assertThat(ok(run("admin", "task-supervision", "id", tasks.get("P1"))).getList("data.task.units[0].people.name"))
                .containsExactly("李四", "张三", "王五");

        // The office may name anyone's; an empty list names nobody.
        ok(setPeople("admin", unitB, List.of(Map.of("role", "RESPONSIBLE", "name", "赵六"))));
        ok(setPeople(a, unitA, List.of()));
        assertThat(ok(run("admin", "task-supervision", "id", tasks.get("P1"))).getList("data.task.units.people.name"))
                .containsExactly(List.of(), List.of("赵六"));
    }

    @Test
    void messagesToTheUnitReachItsNamedPeopleOnceAPersonTaskAndDay() {
        // The deputy is named by both units: on a reminder day both units are reminded, the deputy once.
        Map<String, Object> deputyInCharge = Map.of("role", "LEADER_IN_CHARGE", "name", "李四", "accountId", String.valueOf(deputyId));
        ok(setPeople(a, unitA, List.of(deputyInCharge)));
        ok(setPeople(b, unitB, List.of(deputyInCharge)));

        // Friday 10 May is the deadline: 3 working days before is Tuesday the 7th.
        ReminderWorkers.runTwiceWithTwoWorkersAt(LocalDate.of(2030, 5, 7), LocalTime.of(9, 0), runs, clock, vertx);
        List<Map<String, Object>> reminders = ok(run(deputy, "my-notifications", "kinds", List.of("BEFORE_DEADLINE")))
                .getList("data.myNotifications.edges.node");
        assertThat(reminders).singleElement().satisfies(n -> assertThat(n.get("title").toString()).contains("P1"));
        assertThat(ok(run(a, "my-notifications", "kinds", List.of("BEFORE_DEADLINE"))).getList("data.myNotifications.edges")).hasSize(1);
        assertThat(ok(run(b, "my-notifications", "kinds", List.of("BEFORE_DEADLINE"))).getList("data.myNotifications.edges")).hasSize(1);
        // Told of the urging sent to 甲局 too, as a named person of it.
        ok(run("admin", "urge-task", "taskId", tasks.get("P1"), "input", Map.of("unitId", unitA, "channel", "MESSAGE", "message", "请副县长督促")));
        assertThat(ok(run(deputy, "my-notifications", "kinds", List.of("URGING"))).getList("data.myNotifications.edges")).hasSize(1);

        // The deputy's e-mail follows only the reminder the deputy got: one a task and day.
        long mails = pool.preparedQuery("select count(*) as n from delivery d join reminder r on r.id = d.reminder_id"
                + " where r.task_id = $1 and d.channel = 'EMAIL' and d.target = $2")
                .execute(Tuple.of(TestIds.key(tasks.get("P1")), deputyEmail)).await().indefinitely().iterator().next().getLong("n");
        assertThat(mails).isEqualTo(1);
    }
}
