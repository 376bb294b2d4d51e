package org.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.duban.support.GraphQL;
import org.duban.support.MutableClock;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class TaskListTest {

    @Inject
    MutableClock clock;

    @Test
    void ordersByDeadlineThenDocumentOrderNotByCodeText() {
        TestPlans.Names names = TestPlans.fresh("order");
        StringBuilder tasks = new StringBuilder();
        // Same deadline for all: document order decides. As text, 三 sorts before 二 and "10" before "2".
        for (String section : List.of("一", "二", "三")) {
            tasks.append("- { code: \"(").append(section).append(")\", title: 节").append(section).append(", deadline: 2030-05-01 }\n");
        }
        for (int i = 1; i <= 12; i++) {
            tasks.append("- { code: \"").append(i).append("\", parent: \"(三)\", title: 项").append(i)
                    .append(", deadline: 2030-05-01 }\n");
        }
        tasks.append("- { code: 无期限, title: 没有期限 }\n");
        tasks.append("- { code: 最早, title: 最早到期, deadline: 2030-04-01 }\n");
        String planId = TestPlans.importPlan(TestPlans.document(names, tasks.toString()));

        JsonPath list = run("admin", "tasks", "filter", Map.of("planId", planId), "first", 100);

        List<String> expected = new ArrayList<>(List.of("最早", "(一)", "(二)", "(三)"));
        for (int i = 1; i <= 12; i++) {
            expected.add(String.valueOf(i));
        }
        expected.add("无期限");
        assertThat(list.getList("data.tasks.edges.node.code")).containsExactlyElementsOf(expected);
        // The plan's own list is in document order.
        assertThat(TestPlans.taskIds(planId).keySet()).startsWith("(一)", "(二)", "(三)", "1", "2", "3");
    }

    @Test
    void pagesCoverEveryTaskOnceAndKeepTheTotal() {
        TestPlans.Names names = TestPlans.fresh("pages");
        StringBuilder tasks = new StringBuilder();
        for (int i = 1; i <= 25; i++) {
            tasks.append("- { code: T").append(i).append(", title: 任务").append(i)
                    .append(", deadline: 2030-06-").append(String.format("%02d", 1 + i % 9)).append(" }\n");
        }
        String planId = TestPlans.importPlan(TestPlans.document(names, tasks.toString()));

        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        boolean more = true;
        while (more) {
            JsonPath page = run("admin", "tasks", "filter", Map.of("planId", planId), "first", 10, "after", after);
            assertThat(page.getInt("data.tasks.totalCount")).isEqualTo(25);
            seen.addAll(page.getList("data.tasks.edges.node.code"));
            more = page.getBoolean("data.tasks.pageInfo.hasNextPage");
            after = page.getString("data.tasks.pageInfo.endCursor");
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
        JsonPath all = run("admin", "tasks", "filter", Map.of("planId", planId), "first", 100);
        assertThat(seen).containsExactlyElementsOf(all.getList("data.tasks.edges.node.code"));
    }

    @Test
    void aCursorStaysValidWhenTasksAreInsertedBeforeAndAfterIt() {
        TestPlans.Names names = TestPlans.fresh("cursor");
        String planId = TestPlans.importPlan(TestPlans.document(names, """
                - { code: A, title: 甲, deadline: 2030-07-01 }
                - { code: B, title: 乙, deadline: 2030-07-02 }
                - { code: C, title: 丙, deadline: 2030-07-03 }
                - { code: D, title: 丁, deadline: 2030-07-04 }
                """));
        JsonPath first = run("admin", "tasks", "filter", Map.of("planId", planId), "first", 2);
        assertThat(first.getList("data.tasks.edges.node.code")).containsExactly("A", "B");
        String cursor = first.getString("data.tasks.pageInfo.endCursor");

        createTask(planId, "早", "2030-06-30");
        createTask(planId, "晚", "2030-07-03");

        JsonPath next = run("admin", "tasks", "filter", Map.of("planId", planId), "first", 10, "after", cursor);
        assertThat(next.getList("data.tasks.edges.node.code")).containsExactly("C", "晚", "D");
        assertThat(next.getInt("data.tasks.totalCount")).isEqualTo(6);
        assertThat(next.getBoolean("data.tasks.pageInfo.hasPreviousPage")).isTrue();
    }

    @Test
    void plansPageTheirTasksInDocumentOrder() {
        TestPlans.Names names = TestPlans.fresh("docpages");
        String planId = TestPlans.importPlan(TestPlans.document(names, """
                - { code: "(一)", title: 一 }
                - { code: "(一)1", parent: "(一)", title: 一之一, deadline: 2030-09-09 }
                - { code: "(二)", title: 二 }
                - { code: "(二)1", parent: "(二)", title: 二之一, deadline: 2030-01-09 }
                """));
        JsonPath page1 = run("admin", "plan-tasks", "id", planId, "first", 3);
        assertThat(page1.getList("data.plan.tasks.edges.node.code")).containsExactly("(一)", "(一)1", "(二)");
        assertThat(page1.getList("data.plan.tasks.edges.node.ordinal")).containsExactly(1, 1, 2);
        JsonPath page2 = run("admin", "plan-tasks", "id", planId, "first", 3, "after",
                page1.getString("data.plan.tasks.pageInfo.endCursor"));
        assertThat(page2.getList("data.plan.tasks.edges.node.code")).containsExactly("(二)1");
        assertThat(page2.getString("data.plan.tasks.edges[0].node.parent.code")).isEqualTo("(二)");
        assertThat(page2.getInt("data.plan.tasks.totalCount")).isEqualTo(4);
        assertThat(page2.getBoolean("data.plan.tasks.pageInfo.hasNextPage")).isFalse();
    }

    @Test
    void filtersByUnitAlsoThroughSetsStatusTextAndDueDates() {
        TestPlans.Names names = TestPlans.fresh("filter");
        String planId = TestPlans.importPlan(TestPlans.document(names, """
                - { code: X1, title: 编制储备计划, deadline: 2030-08-01, units: [{ unit: 局甲 }] }
                - { code: X2, title: 完成供地, description: 最少完成供地3.25亩, deadline: 2030-08-15, units: [{ unit: 局甲 }, { unitSet: 相关单位 }] }
                - { code: X3, title: 区域评价, deadline: 2030-09-01, units: [{ unit: 乙局别名 }] }
                - { code: X4, title: 长期坚持 }
                """));
        String unitB = TestPlans.unitId(names.regionCode(), "测试县乙局");
        Map<String, String> ids = TestPlans.taskIds(planId);

        assertThat(codes(Map.of("planId", planId, "unitId", unitB))).containsExactly("X2", "X3");
        assertThat(codes(Map.of("planId", planId, "text", "3.25亩"))).containsExactly("X2");
        assertThat(codes(Map.of("planId", planId, "text", "计划"))).containsExactly("X1");
        assertThat(codes(Map.of("planId", planId, "text", "%"))).isEmpty();
        assertThat(codes(Map.of("planId", planId, "dueFrom", "2030-08-01", "dueTo", "2030-08-15"))).containsExactly("X1", "X2");
        // A task without a deadline falls in no range, however open.
        assertThat(codes(Map.of("planId", planId, "dueFrom", "2030-08-02"))).containsExactly("X2", "X3");
        assertThat(codes(Map.of("planId", planId, "dueTo", "2030-08-14"))).containsExactly("X1");

        run("admin", "change-task-status", "id", ids.get("X3"), "status", "IN_PROGRESS");
        assertThat(codes(Map.of("planId", planId, "status", List.of("IN_PROGRESS")))).containsExactly("X3");
        assertThat(codes(Map.of("planId", planId, "status", List.of("NOT_STARTED", "SUBMITTED")))).containsExactly("X1", "X2", "X4");
    }

    @Test
    void overdueIsJudgedOnTheDateInShanghaiWithTheDeadlineIncluded() {
        TestPlans.Names names = TestPlans.fresh("overdue");
        String planId = TestPlans.importPlan(TestPlans.document(names, """
                - { code: DUE10, title: 十日到期, deadline: 2030-03-10 }
                - { code: DUE11, title: 十一日到期, deadline: 2030-03-11 }
                - { code: SUBMITTED10, title: 已提交, deadline: 2030-03-10 }
                """));
        String submitted = TestPlans.taskIds(planId).get("SUBMITTED10");
        run("admin", "change-task-status", "id", submitted, "status", "IN_PROGRESS");
        run("admin", "change-task-status", "id", submitted, "status", "SUBMITTED");
        GraphQL.token("admin");
        try {
            // 16:30 UTC on the 10th is already 00:30 on the 11th in Shanghai.
            clock.pin(Instant.parse("2030-03-10T16:30:00Z"));
            assertThat(codes(Map.of("planId", planId, "overdue", true))).containsExactly("DUE10");
            assertThat(codes(Map.of("planId", planId, "overdue", false))).containsExactly("SUBMITTED10", "DUE11");
            clock.pin(Instant.parse("2030-03-10T15:59:00Z"));
            assertThat(codes(Map.of("planId", planId, "overdue", true))).isEmpty();
        } finally {
            clock.reset();
        }
    }

    @Test
    void refusesBadPagingArguments() {
        assertThat(errorCode(run("admin", "tasks", "first", 101))).isEqualTo("VALIDATION");
        JsonPath badCursor = run("admin", "tasks", "after", "not-a-cursor");
        assertThat(errorCode(badCursor)).isEqualTo("VALIDATION");
        assertThat(badCursor.getString("errors[0].extensions.field")).isEqualTo("after");
        // A plan-order cursor is not a list cursor.
        String planId = DemoPlanTest.demoPlanId();
        String documentCursor = run("admin", "plan-tasks", "id", planId, "first", 1).getString("data.plan.tasks.pageInfo.endCursor");
        assertThat(errorCode(run("admin", "tasks", "after", documentCursor))).isEqualTo("VALIDATION");
    }

    private static List<String> codes(Map<String, Object> filter) {
        JsonPath response = run("admin", "tasks", "filter", filter, "first", 100);
        assertThat(response.getList("errors")).isNull();
        return response.getList("data.tasks.edges.node.code");
    }

    private static void createTask(String planId, String code, String deadline) {
        JsonPath created = run("admin", "create-task", "input", Map.of("planId", planId, "code", code, "title", code,
                "deadline", deadline));
        assertThat(created.getList("errors")).isNull();
    }
}
