package org.duban.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.GraphQL.execute;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.operation;
import static org.duban.support.GraphQL.run;
import static org.duban.support.GraphQL.vars;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.duban.support.TestAccounts;
import org.duban.support.TestIds;
import org.duban.support.TestPlans;
import org.junit.jupiter.api.Test;

import graphql.language.Document;
import graphql.language.ObjectTypeDefinition;
import graphql.parser.Parser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Walks README's access table: every query and mutation, as each kind of caller, against objects of one
 * fresh region. Then checks that every mutation that succeeded left its entry in the audit trail.
 */
@QuarkusTest
class AccessTableTest {

    /** The table's columns, in order. */
    private static final List<String> CALLERS = List.of("anonymous", "assigned", "other", "editor", "leader", "elsewhere",
            "above", "system", "admin");
    /** The callers who hold ADMIN: of another county, of the city above the fixture's county, and of that county. */
    private static final Set<String> ADMINS = Set.of("elsewhere", "above", "admin");
    private static final String PASSWORD = "demo";

    @Inject
    Pool pool;

    private final AtomicInteger sequence = new AtomicInteger();
    private Fixture f;
    private final Map<String, String> tokens = new HashMap<>();

    /** How to call one operation: its document, its variables per caller, and what marks the fixture in an answer. */
    private record Call(String document, Function<String, Map<String, Object>> variables, String marker) {
    }

    @Test
    void everyOperationAnswersEveryCallerAsTheReadmeTableSays() throws IOException {
        Map<String, List<String>> table = readmeTable();
        f = new Fixture();
        Map<String, Function<String, String>> routes = new AccessRoutes(new AccessRoutes.Fixture(f.planId, f.regionId,
                f.tasks.get("X1"), f.marker, f.parcelCode, tokens::get, this::fixtureBulletin)).calls();
        Set<String> rows = new TreeSet<>(schemaOperations());
        rows.addAll(routes.keySet());
        assertThat(table.keySet()).as("README's access table lists every query and mutation of the schema, and the routes")
                .containsExactlyInAnyOrderElementsOf(rows);
        for (String caller : CALLERS) {
            if (!caller.equals("anonymous")) {
                tokens.put(caller, login(f.username(caller), PASSWORD));
            }
        }
        Map<String, Call> calls = calls();
        assertThat(calls.keySet()).containsExactlyInAnyOrderElementsOf(schemaOperations());

        List<String> wrong = new ArrayList<>();
        Map<String, Set<String>> succeeded = new LinkedHashMap<>();
        StringBuilder actual = new StringBuilder();
        table.forEach((name, expected) -> {
            Call call = calls.get(name);
            actual.append("| `").append(name).append("` |");
            for (int i = 0; i < CALLERS.size(); i++) {
                String caller = CALLERS.get(i);
                if (routes.containsKey(name)) {
                    String answered = routes.get(name).apply(caller);
                    actual.append(' ').append(answered).append(" |");
                    if (!answered.equals(expected.get(i))) {
                        wrong.add(name + " as " + caller + ": expected " + expected.get(i) + ", got " + answered);
                    }
                    continue;
                }
                JsonPath answer = execute(tokens.get(caller), call.document(), call.variables().apply(caller));
                actual.append(' ').append(outcome(answer, call.marker())).append(" |");
                String problem = check(expected.get(i), answer, call.marker());
                if (problem != null) {
                    wrong.add(name + " as " + caller + ": expected " + expected.get(i) + ", " + problem);
                } else if (expected.get(i).equals("yes")) {
                    succeeded.computeIfAbsent(name, n -> new TreeSet<>()).add(caller);
                    if (name.equals("changePassword")) {
                        tokens.put(caller, answer.getString("data.changePassword.token"));
                    }
                }
            }
            actual.append('\n');
        });
        // What the service answered, in the table's own form: for reviewing a change of the rules, not for copying blindly.
        Files.writeString(Path.of("target", "access-table-answers.md"), actual);
        assertThat(wrong).as("answers that differ from README's access table").isEmpty();

        List<String> unaudited = new ArrayList<>();
        succeeded.forEach((name, callers) -> {
            if (isMutation(name) && !name.equals("login")) {
                callers.forEach(caller -> {
                    if (auditEntries(name, f.accountId(caller)) == 0) {
                        unaudited.add(name + " by " + caller);
                    }
                });
            }
        });
        assertThat(unaudited).as("mutations that left no audit entry").isEmpty();
    }

    private static String outcome(JsonPath answer, String marker) {
        List<Map<String, Object>> errors = answer.getList("errors");
        if (errors != null && !errors.isEmpty()) {
            return String.valueOf(((Map<?, ?>) errors.get(0).get("extensions")).get("code"));
        }
        return marker == null || answer.prettify().contains(marker) ? "yes" : "hidden";
    }

    private static String check(String expected, JsonPath answer, String marker) {
        List<Map<String, Object>> errors = answer.getList("errors");
        String code = errors == null || errors.isEmpty() ? null
                : String.valueOf(((Map<?, ?>) errors.get(0).get("extensions")).get("code"));
        String body = answer.prettify();
        String brief = body.length() > 400 ? body.substring(0, 400) + "…" : body;
        switch (expected) {
            case "yes", "hidden" -> {
                if (code != null) {
                    return "got " + code + ": " + brief;
                }
                if (marker != null && expected.equals("yes") && !body.contains(marker)) {
                    return "the answer lacks " + marker + ": " + brief;
                }
                if (marker != null && expected.equals("hidden") && body.contains(marker)) {
                    return "the answer shows " + marker + ": " + brief;
                }
                return null;
            }
            default -> {
                return expected.equals(code) ? null : "got " + (code == null ? "an answer" : code) + ": " + brief;
            }
        }
    }

    private Map<String, Call> calls() {
        Map<String, Call> calls = new HashMap<>();
        // Accounts
        calls.put("login", call(operation("login"), c -> vars("username", f.username(c.equals("anonymous") ? "assigned" : c),
                "password", PASSWORD)));
        calls.put("me", call(operation("me"), c -> vars()));
        calls.put("changePassword", call(operation("change-password"), c -> vars("oldPassword", PASSWORD,
                "newPassword", "Access-2031-" + c)));
        calls.put("rotateCalendarFeed", call(operation("rotate-calendar-feed"), c -> vars()));
        calls.put("users", call(operation("users"), c -> vars("unitId", f.unitB)));
        calls.put("createUser", call(operation("create-user"), c -> vars("input", Map.of("username", "new-" + f.code + "-" + next(),
                "displayName", "新用户", "password", "Access-Pass-2031", "unitId", f.unitB, "roles", List.of("UNIT")))));
        calls.put("updateUser", call(operation("update-user"), c -> vars("id", f.victimId, "input", Map.of("displayName", "改名" + next()))));
        calls.put("disableUser", call(operation("disable-user"), c -> vars("id", f.victimId)));
        calls.put("enableUser", call(operation("enable-user"), c -> vars("id", f.victimId)));
        // Reference data
        calls.put("errorCodes", call(operation("error-codes"), c -> vars()));
        calls.put("regions", call("query { regions { id code } }", c -> vars()));
        calls.put("units", call("query($r: ID) { units(regionId: $r) { id name } }", c -> vars("r", f.regionId)));
        calls.put("unit", call("query($id: ID!) { unit(id: $id) { id name } }", c -> vars("id", f.unitA)));
        calls.put("unitSets", call("query($r: ID) { unitSets(regionId: $r) { id name } }", c -> vars("r", f.regionId)));
        calls.put("leadingGroups", call(operation("leading-groups"), c -> vars("regionId", f.regionId)));
        calls.put("leadingGroup", call("query($id: ID!) { leadingGroup(id: $id) { id name } }", c -> vars("id", f.groupId)));
        calls.put("calendar", call(operation("calendar"), c -> vars("year", 2022)));
        calls.put("createRegion", call(operation("create-region"), c -> vars("input", Map.of("code", uniqueRegionCode(), "name", "新县"))));
        calls.put("updateRegion", call(operation("update-region"), c -> vars("id", f.spareRegion, "input", Map.of("name", "备用县" + next()))));
        calls.put("createUnit", call(operation("create-unit"), c -> vars("input", Map.of("regionId", f.regionId,
                "name", "新单位" + next(), "kind", "DEPARTMENT"))));
        calls.put("updateUnit", call(operation("update-unit"), c -> vars("id", f.unitC, "input", Map.of("shortName", "丙" + next()))));
        calls.put("createUnitSet", call(operation("create-unit-set"), c -> vars("input", Map.of("regionId", f.regionId,
                "name", "新集合" + next(), "kind", "LISTED", "unitIds", List.of(f.unitB)))));
        calls.put("updateUnitSet", call(operation("update-unit-set"), c -> vars("id", f.setId, "input",
                Map.of("unitIds", List.of(f.unitB)))));
        calls.put("createLeadingGroup", call(operation("create-leading-group"), c -> vars("input", Map.of("regionId", f.regionId,
                "name", "新专班" + next(), "officeUnitId", f.government,
                "members", List.of(Map.of("personName", "甲", "unitId", f.government, "role", "LEADER"))))));
        calls.put("updateLeadingGroup", call(operation("update-leading-group"), c -> vars("id", f.groupId, "input",
                Map.of("name", "专班" + next()))));
        calls.put("setCalendarDays", call(operation("set-calendar-days"), c -> vars("input", Map.of("year", 2097,
                "source", "测试", "days", List.of(Map.of("date", "2097-01-01", "kind", "HOLIDAY"))))));
        // Plans and tasks
        calls.put("plans", new Call(operation("plans"), c -> vars(), f.documentNumber));
        calls.put("plan", call(operation("plan-tasks"), c -> vars("id", f.planId)));
        calls.put("node", call(operation("node"), c -> vars("id", f.planId)));
        calls.put("tasks", new Call(operation("tasks"), c -> vars("filter", Map.of("planId", f.planId)), f.marker));
        calls.put("task", call(operation("task"), c -> vars("id", f.tasks.get("X1"))));
        calls.put("myAssignments", new Call(operation("my-assignments"), c -> vars(), f.marker));
        calls.put("createPlan", call(operation("create-plan"), c -> vars("input", Map.of("issuingUnitId", f.government,
                "documentNumber", "新方案〔2031〕" + f.code + "-" + next() + "号", "title", "新方案", "issuedOn", "2031-01-02"))));
        calls.put("updatePlan", call(operation("update-plan"), c -> vars("id", f.planId, "input", Map.of("title", "测试方案"))));
        calls.put("setPlanProblems", call(operation("set-plan-problems"), c -> vars("planId", f.planId, "problems",
                List.of(Map.of("number", "1", "text", "问题", "taskIds", List.of(f.tasks.get("X4")))))));
        calls.put("importPlan", call(operation("import-plan"), c -> vars("document",
                TestPlans.document(new TestPlans.Names(f.code, "导入〔2031〕" + f.code + "-" + next() + "号"), "- { code: I1, title: 导入 }"),
                "replace", false)));
        calls.put("importNotice", call(operation("import-notice"), c -> vars("text", "测试县人民政府文件\n\n通知〔2031〕" + f.code
                + "-" + next() + "号\n\n2031年1月2日\n\n测试县通知方案\n\n1. 通知任务。\n\n责任单位：局甲\n\n整改时间：2031年3月1日前\n",
                "regionId", f.regionId, "dryRun", false)));
        calls.put("createTask", call(operation("create-task"), c -> vars("input", Map.of("planId", f.planId,
                "code", "N" + next(), "title", "新任务"))));
        calls.put("updateTask", call(operation("update-task"), c -> vars("id", f.tasks.get("X4"), "input",
                Map.of("description", "说明" + next()))));
        calls.put("deleteTask", call(operation("delete-task"), c -> vars("id", f.tasks.get("Y"))));
        calls.put("assignUnits", call(operation("assign-units"), c -> vars("taskId", f.tasks.get("X4"), "assignments",
                List.of(Map.of("unitId", f.unitA, "role", "LEAD")))));
        calls.put("setDeliverables", call(operation("set-deliverables"), c -> vars("taskId", f.tasks.get("X4"), "deliverables",
                List.of(Map.of("title", "成果" + next())))));
        calls.put("changeTaskStatus", call(operation("change-task-status"), c -> vars("id",
                f.tasks.get(ADMINS.contains(c) ? "X2" : "X1"), "status", "IN_PROGRESS")));
        calls.put("changeOccurrenceStatus", call(operation("change-occurrence-status"), c -> vars("occurrenceId",
                ADMINS.contains(c) ? f.tasks.get("X4") + "@2031-07-04" : f.tasks.get("X3") + "@2031-06-27", "status", "IN_PROGRESS")));
        // Reminders, notifications, deliveries
        calls.put("setPlanReminderPolicy", call(operation("set-plan-reminder-policy"), c -> vars("planId", f.planId, "policy",
                Map.of("daysBefore", List.of(7, 3, 1), "escalateAfterDays", 3))));
        calls.put("setTaskReminderPolicy", call(operation("set-task-reminder-policy"), c -> vars("taskId", f.tasks.get("X4"),
                "policy", Map.of("daysBefore", List.of(2), "escalateAfterDays", 1))));
        Function<String, Map<String, Object>> june = c -> vars("from", "2031-06-01T00:00:00+08:00", "to", "2031-06-30T00:00:00+08:00",
                "taskId", f.tasks.get("X1"));
        calls.put("reminderPreview", new Call(operation("reminder-preview"), june, f.marker));
        // Deprecated for reminderPreview; answers the same until it is removed.
        calls.put("upcomingReminders", new Call(operation("reminder-preview").replace("reminderPreview(", "upcomingReminders("),
                june, f.marker));
        calls.put("reminders", call(operation("reminders"), c -> vars("filter", Map.of("taskId", f.tasks.get("X1")))));
        calls.put("myNotifications", call(operation("my-notifications"), c -> vars()));
        calls.put("markNotificationsRead", call(operation("mark-notifications-read"), c -> vars("ids",
                List.of(f.notifications.getOrDefault(c, "0")))));
        calls.put("deliveries", call(operation("deliveries"), c -> vars("filter", Map.of("taskId", f.tasks.get("X1")))));
        calls.put("retryDelivery", call(operation("retry-delivery"), c -> vars("id", f.deadDelivery)));
        calls.put("unitChannels", call(operation("unit-channels"), c -> vars("unitId", f.unitB)));
        calls.put("setUnitChannels", call(operation("set-unit-channels"), c -> vars("unitId", f.unitB, "input",
                Map.of("email", "b" + next() + "@example.test"))));
        calls.put("auditLog", call(operation("audit-log"), c -> vars("filter", Map.of("entityType", "Task"), "first", 5)));
        // Land
        calls.put("parcels", new Call(operation("parcels"), c -> vars("filter", Map.of("regionId", f.regionId)), f.parcelCode));
        calls.put("parcel", call(operation("parcel"), c -> vars("id", f.parcelId)));
        calls.put("parcelsGeoJson", call(operation("parcels-geojson"), c -> vars("filter", Map.of("regionId", f.regionId))));
        calls.put("quotas", call(operation("quotas"), c -> vars("year", 2031)));
        calls.put("regionalEvaluations", call(operation("regional-evaluations"), c -> vars("zoneId", f.township)));
        calls.put("createParcel", call(operation("create-parcel"), c -> vars("input", parcelInput(false))));
        calls.put("updateParcel", call(operation("update-parcel"), c -> vars("id", f.parcelId, "input",
                Map.of("location", "位置" + next()))));
        calls.put("supplyParcel", call(operation("supply-parcel"), c -> vars("id", parcel(false), "input",
                Map.of("suppliedOn", "2022-06-01", "method", "SALE"))));
        calls.put("recordParcelUse", call(operation("record-parcel-use"), c -> vars("id", suppliedParcel(),
                "input", Map.of("handedOverOn", "2022-06-15"))));
        calls.put("determineIdleLand", call(operation("determine-idle-land"), c -> vars("id", suppliedParcel(),
                "input", Map.of("determinedOn", "2023-07-01", "cause", "满一年未动工", "disposal", "IDLE_FEE"))));
        calls.put("recordConstructionStart", call(operation("record-construction-start"), c -> vars("id", suppliedParcel(),
                "startedOn", "2022-10-01")));
        calls.put("requestApprovalAdjustment", call(operation("request-approval-adjustment"), c -> vars("parcelId", parcel(false),
                "input", Map.of("requestedOn", "2022-06-01", "reason", "规划调整"))));
        calls.put("completeApprovalAdjustment", call(operation("complete-approval-adjustment"), c -> vars("adjustmentId",
                pendingAdjustment(), "input", Map.of("completedOn", "2022-06-20", "outcome", "CANCELLED"))));
        calls.put("advanceParcelStage", call(operation("advance-parcel-stage"), c -> vars("id", parcel(true), "input",
                Map.of("stage", "PREPARATION", "on", "2022-05-02"))));
        calls.put("setControlIndicators", call(operation("set-control-indicators"), c -> vars("parcelId", parcel(true),
                "indicators", INDICATORS)));
        calls.put("recordAcceptance", call(operation("record-acceptance"), c -> vars("parcelId", parcelAtAcceptance(),
                "input", Map.of("acceptedOn", "2023-06-01", "actuals", List.of(Map.of("name", "投资强度", "value", 320))))));
        calls.put("createRegionalEvaluation", call(operation("create-regional-evaluation"), c -> vars("input",
                Map.of("zoneId", f.township, "round", 100 + next(), "kind", "GEOLOGICAL_HAZARD", "status", "DONE",
                        "completedOn", "2022-03-01"))));
        calls.put("updateRegionalEvaluation", call(operation("update-regional-evaluation"), c -> vars("id", f.evaluationId,
                "input", Map.of("note", "备注" + next()))));
        calls.put("setQuota", call(operation("set-quota"), c -> vars("input", Map.of("regionId", f.regionId, "year", 2031,
                "targetMu", new BigDecimal("12.5")))));
        calls.put("setTaskMilestones", call(operation("set-task-milestones"), c -> vars("taskId", f.tasks.get("X4"),
                "milestones", List.of(Map.of("dueOn", "2031-03-31", "title", "节点" + next())))));
        calls.put("setTaskMeasures", call(operation("set-task-measures"), c -> vars("taskId", f.tasks.get("X4"), "measures",
                List.of(Map.of("kind", "QUOTA", "year", 2031, "regionId", f.regionId)))));
        // Supervision: each caller's call gets a task of its own in the state the move starts from.
        calls.put("reportProgress", call(operation("report-progress"), c -> vars("taskId", freshTask(), "input",
                ADMINS.contains(c) ? Map.of("percent", 20, "summary", "进展", "unitId", f.unitA) : Map.of("percent", 20, "summary", "进展"))));
        calls.put("submitTask", call(operation("submit-task"), c -> {
            String[] task = taskInProgressWithEvidence();
            return vars("taskId", task[0], "input", Map.of("statement", "已完成", "evidenceIds", List.of(task[1])));
        }));
        calls.put("signOffTask", call(operation("sign-off-task"), c -> vars("taskId", submittedTask(), "overrideReason", "测试")));
        calls.put("rejectTask", call(operation("reject-task"), c -> vars("taskId", submittedTask(), "reason", "证据不足")));
        calls.put("suspendTask", call(operation("suspend-task"), c -> vars("taskId", freshTask(), "reason", "政策调整")));
        calls.put("reopenTask", call(operation("reopen-task"), c -> vars("taskId", suspendedTask(), "reason", "恢复")));
        calls.put("tickDeliverable", call(operation("tick-deliverable"), c -> {
            String[] task = taskInProgressWithEvidence();
            String item = ok(run("admin", "task-supervision", "id", task[0])).getString("data.task.deliverables[0].id");
            return vars("deliverableId", item, "evidenceIds", List.of(task[1]));
        }));
        calls.put("tickMilestone", call(operation("tick-milestone"), c -> {
            String[] task = taskInProgressWithEvidence();
            String milestone = ok(run("admin", "set-task-milestones", "taskId", task[0], "milestones",
                    List.of(Map.of("dueOn", "2031-03-31", "title", "节点")))).getString("data.setTaskMilestones.milestones[0].id");
            return vars("milestoneId", milestone, "evidenceIds", List.of(task[1]));
        }));
        calls.put("addEvidenceLink", call(operation("add-evidence-link"), c -> vars("taskId", f.tasks.get("X4"),
                "url", "https://example.test/" + next(), "title", "链接")));
        calls.put("requestExtension", call(operation("request-extension"), c -> vars("taskId", freshTask(), "input",
                Map.of("newDeadline", "2031-12-31", "reason", "延期"))));
        calls.put("decideExtension", call(operation("decide-extension"), c -> vars("extensionId", pendingExtension(),
                "input", Map.of("approve", true))));
        calls.put("addInstruction", call(operation("add-instruction"), c -> vars("taskId", f.tasks.get("X4"), "text", "批示" + next())));
        calls.put("answerInstruction", call(operation("answer-instruction"), c -> vars("instructionId", ok(run("admin", "add-instruction",
                "taskId", freshTask(), "text", "请报告", "answerBy", "2031-12-31")).getString("data.addInstruction.instructions[0].id"),
                "input", ADMINS.contains(c) ? Map.of("text", "已落实", "unitId", f.unitA) : Map.of("text", "已落实"))));
        calls.put("myInstructions", call(operation("my-instructions"), c -> vars()));
        calls.put("signTask", call(operation("sign-task"), c -> ADMINS.contains(c) ? vars("taskId", freshTask(), "unitId", f.unitA)
                : vars("taskId", freshTask())));
        calls.put("returnTask", call(operation("return-task"), c -> ADMINS.contains(c)
                ? vars("taskId", freshTask(), "reason", "非本单位职责", "unitId", f.unitA) : vars("taskId", freshTask(), "reason", "非本单位职责")));
        calls.put("decideTaskReturn", call(operation("decide-task-return"), c -> vars("taskId", returnedTask(), "unitId", f.unitA,
                "input", Map.of("decision", "INSISTED", "note", "仍由本单位办理"))));
        calls.put("setTaskPeople", call(operation("set-task-people"), c -> vars("taskId", freshTask(), "unitId", f.unitA,
                "people", List.of(Map.of("role", "RESPONSIBLE", "name", "张三", "title", "副局长")))));
        calls.put("urgeTask", call(operation("urge-task"), c -> vars("taskId", freshTask(), "input", Map.of("unitId", f.unitA,
                "channel", "MESSAGE", "message", "请抓紧办理"))));
        calls.put("answerUrging", call(operation("answer-urging"), c -> vars("urgingId", ok(run("admin", "urge-task", "taskId", freshTask(),
                "input", Map.of("unitId", f.unitA, "channel", "MESSAGE", "message", "请抓紧办理"))).getString("data.urgeTask.urgings[0].id"),
                "answer", "正在办理")));
        calls.put("issueSupervisionNotice", call(operation("issue-supervision-notice"), c -> vars("input", Map.of("taskId", freshTask(),
                "requirement", "请抓紧办理"))));
        calls.put("replySupervisionNotice", call(operation("reply-supervision-notice"), c -> vars("noticeId", ok(run("admin",
                "issue-supervision-notice", "input", Map.of("taskId", freshTask(), "requirement", "请抓紧办理")))
                .getString("data.issueSupervisionNotice.id"), "input", Map.of("text", "已办理"))));
        Map<String, Object> lastMonth = Map.of("planIds", List.of(f.planId), "from", "2026-11-01", "to", "2026-11-30");
        calls.put("importPlanSheet", call(operation("import-plan-sheet"), c -> vars("uploadId", sheetUpload(c), "plan", Map.of(
                "regionId", f.regionId, "documentNumber", "清单〔2031〕" + f.code + "-" + next() + "号", "title", "清单方案",
                "issuingUnit", "县政府", "issuedOn", "2031-01-02"))));
        calls.put("bulletinPreview", call(operation("bulletin-preview"), c -> vars("input", lastMonth)));
        calls.put("publishBulletin", call(operation("publish-bulletin"), c -> vars("input", lastMonth)));
        calls.put("bulletins", new Call(operation("bulletins"), c -> {
            fixtureBulletin();
            return vars("regionId", f.regionId);
        }, "通报" + f.code));
        calls.put("myInbox", call(operation("my-inbox"), c -> vars()));
        calls.put("planDashboard", call(operation("plan-dashboard"), c -> vars("planId", f.planId)));
        calls.put("unitScoreboard", call(operation("unit-scoreboard"), c -> vars("planId", f.planId)));
        calls.put("unitReport", call(operation("unit-report"), c -> vars("unitId", f.unitA, "from", "2031-06-01", "to", "2031-06-30")));
        calls.put("inspections", new Call(operation("inspections"), c -> vars("planId", f.planId), "督导" + f.code));
        calls.put("recordInspection", call(operation("record-inspection"), c -> vars("input", Map.of("planId", f.planId,
                "inspectingBody", "督导" + f.code, "startsOn", "2031-09-16", "endsOn", "2031-09-30"))));
        return calls;
    }

    /** A task of 甲局's, new for each call, with one checklist item. */
    private String bulletinPdf;

    /**
     * A task list uploaded as the caller (an upload is its uploader's only); the demo's admin's for callers who may not
     * upload, so that they are refused by the mutation, not for lack of a file.
     */
    private String sheetUpload(String caller) {
        String token = tokens.get(caller);
        boolean mayUpload = ADMINS.contains(caller);
        byte[] sheet = AccessRoutes.taskList("局甲");
        var request = io.restassured.RestAssured.given().header("Authorization", "Bearer "
                + (mayUpload && token != null ? token : org.duban.support.GraphQL.token("admin")));
        return request.multiPart("file", "list.xlsx", sheet).post("/imports/sheets").then().statusCode(201).extract().jsonPath()
                .getString("id");
    }

    /** A bulletin of the fixture's plan, its title marked, published once: what the list and the routes read. */
    private String fixtureBulletin() {
        if (bulletinPdf == null) {
            bulletinPdf = ok(run("admin", "publish-bulletin", "input", Map.of("planIds", List.of(f.planId), "from", "2026-11-01",
                    "to", "2026-11-30", "title", "通报" + f.code))).getString("data.publishBulletin.pdfPath");
        }
        return bulletinPdf;
    }

    private String freshTask() {
        return ok(run("admin", "create-task", "input", Map.of("planId", f.planId, "code", "S" + next(), "title", "督办",
                "deadline", "2031-08-01", "deliverables", List.of("成果"),
                "assignments", List.of(Map.of("unitId", f.unitA, "role", "LEAD"))))).getString("data.createTask.id");
    }

    /** The task id and a piece of its evidence, the task IN_PROGRESS after a report. */
    private String[] taskInProgressWithEvidence() {
        String task = freshTask();
        ok(run("admin", "report-progress", "taskId", task, "input", Map.of("percent", 50, "summary", "进展", "unitId", f.unitA)));
        String evidence = ok(run("admin", "add-evidence-link", "taskId", task, "url", "https://example.test/e", "title", "佐证"))
                .getString("data.addEvidenceLink.id");
        return new String[] { task, evidence };
    }

    private String submittedTask() {
        String[] task = taskInProgressWithEvidence();
        ok(run("admin", "submit-task", "taskId", task[0], "input", Map.of("statement", "已完成", "evidenceIds", List.of(task[1]))));
        return task[0];
    }

    private String returnedTask() {
        String task = freshTask();
        ok(run("admin", "return-task", "taskId", task, "reason", "非本单位职责", "unitId", f.unitA));
        return task;
    }

    private String suspendedTask() {
        String task = freshTask();
        ok(run("admin", "suspend-task", "taskId", task, "reason", "暂停"));
        return task;
    }

    private String pendingExtension() {
        return ok(run("admin", "request-extension", "taskId", freshTask(), "input", Map.of("newDeadline", "2031-12-31",
                "reason", "延期"))).getString("data.requestExtension.extensions[0].id");
    }

    private static final List<Map<String, Object>> INDICATORS = List.of(
            Map.of("kind", "INVESTMENT_INTENSITY", "target", new BigDecimal("300")));

    private static Call call(String document, Function<String, Map<String, Object>> variables) {
        return new Call(document, variables, null);
    }

    private int next() {
        return sequence.incrementAndGet();
    }

    private String uniqueRegionCode() {
        return String.format("97%03d%05d", next() % 1000, System.nanoTime() % 100_000);
    }

    private Map<String, Object> parcelInput(boolean standardLand) {
        Map<String, Object> input = new HashMap<>(Map.of("code", f.parcelCode + "-" + next(), "name", "地块",
                "townshipId", f.township, "landUse", "INDUSTRIAL", "approvedOn", "2021-03-01", "areaMu", BigDecimal.ONE));
        if (standardLand) {
            input.put("standardLand", true);
            input.put("zoneId", f.township);
        }
        return input;
    }

    /** A parcel of its own for one call, so that each caller's call finds it in the same state. */
    private String parcel(boolean standardLand) {
        return ok(run("admin", "create-parcel", "input", parcelInput(standardLand))).getString("data.createParcel.id");
    }

    private String suppliedParcel() {
        String parcel = parcel(false);
        ok(run("admin", "supply-parcel", "id", parcel, "input", Map.of("suppliedOn", "2022-06-01", "method", "SALE")));
        return parcel;
    }

    private String pendingAdjustment() {
        return ok(run("admin", "request-approval-adjustment", "parcelId", parcel(false), "input",
                Map.of("requestedOn", "2022-06-01", "reason", "规划调整")))
                .getString("data.requestApprovalAdjustment.adjustments[0].id");
    }

    /** Walking a parcel through every stage is StandardLandTest's business; here it is put at ACCEPTANCE directly. */
    private String parcelAtAcceptance() {
        String parcel = parcel(true);
        ok(run("admin", "set-control-indicators", "parcelId", parcel, "indicators", INDICATORS));
        pool.preparedQuery("update parcel set stage = 'ACCEPTANCE' where id = $1").execute(Tuple.of(TestIds.key(parcel)))
                .await().indefinitely();
        return parcel;
    }

    private long auditEntries(String operation, long accountId) {
        return pool.preparedQuery("select count(*) as n from audit_log where operation = $1 and actor_id = $2")
                .execute(Tuple.of(operation, accountId)).await().indefinitely().iterator().next().getLong("n");
    }

    private static String login(String username, String password) {
        JsonPath answer = ok(execute(null, operation("login"), vars("username", username, "password", password)));
        return answer.getString("data.login.token");
    }

    private static boolean isMutation(String name) {
        return mutationNames().contains(name);
    }

    private static Set<String> mutationNames() {
        return fieldsOf("Mutation");
    }

    private static Set<String> schemaOperations() throws IOException {
        Set<String> all = new TreeSet<>(fieldsOf("Query"));
        all.addAll(fieldsOf("Mutation"));
        return all;
    }

    private static Set<String> fieldsOf(String type) {
        try {
            Document schema = Parser.parse(Files.readString(Path.of("graphql", "schema.graphql")));
            return schema.getDefinitionsOfType(ObjectTypeDefinition.class).stream()
                    .filter(definition -> definition.getName().equals(type))
                    .flatMap(definition -> definition.getFieldDefinitions().stream())
                    .map(field -> field.getName())
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The rows between the access-table markers: operation → one expectation per caller. */
    static Map<String, List<String>> readmeTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("<!-- access-table -->"), readme.indexOf("<!-- /access-table -->"));
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : table.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.substring(1, line.length() - 1).split("\\|");
            List<String> expected = new ArrayList<>();
            for (int i = 1; i < cells.length; i++) {
                expected.add(cells[i].strip());
            }
            assertThat(expected).as(line).hasSize(CALLERS.size());
            assertThat(rows.put(cells[0].strip().replace("`", ""), expected)).as("listed twice: " + line).isNull();
        }
        return rows;
    }

    /**
     * One region: a county government, 甲局 (responsible for the tasks), 乙局, 丙局 and a township; a plan with
     * tasks X1 to X4 and Y, all 甲局's; a parcel, a quota, an evaluation, a leading group; an account per caller,
     * each with a notification; and a delivery that died.
     */
    private final class Fixture {

        final String code;
        final String documentNumber;
        final String marker;
        final String parcelCode;
        final String regionId;
        final String government;
        final String unitA;
        final String unitB;
        final String unitC;
        final String township;
        final String setId;
        final String planId;
        final Map<String, String> tasks;
        final String groupId;
        final String parcelId;
        final String evaluationId;
        final String victimId;
        final String deadDelivery;
        String spareRegion;
        final Map<String, Long> accounts = new HashMap<>();
        final Map<String, String> notifications = new HashMap<>();

        Fixture() {
            TestPlans.Names names = TestPlans.fresh("access");
            code = names.regionCode();
            documentNumber = names.documentNumber();
            marker = "角色表" + code;
            parcelCode = "RT" + code;
            String document = TestPlans.withUnits(TestPlans.document(names, """
                    - { code: X1, title: %s, deadline: 2031-06-13, units: [{ unit: 局甲 }] }
                    - { code: X2, title: 角色表二, deadline: 2031-06-20, units: [{ unit: 局甲 }] }
                    - { code: X3, title: 角色表三, deadline: 2031-06-27, units: [{ unit: 局甲 }] }
                    - { code: X4, title: 角色表四, deadline: 2031-07-04, units: [{ unit: 局甲 }] }
                    - { code: Y, title: 待删除, deadline: 2031-07-11, units: [{ unit: 局甲 }] }
                    """.formatted(marker)), TestPlans.TOWNSHIP, "{ name: 测试县丙局, shortName: 局丙, kind: DEPARTMENT }");
            planId = TestPlans.importPlan(document);
            tasks = TestPlans.taskIds(planId);
            regionId = TestPlans.regionId(code);
            government = TestPlans.unitId(code, "测试县人民政府");
            unitA = TestPlans.unitId(code, "测试县甲局");
            unitB = TestPlans.unitId(code, "测试县乙局");
            unitC = TestPlans.unitId(code, "测试县丙局");
            township = TestPlans.unitId(code, "测试镇人民政府");
            setId = ok(run("admin", "units", "regionId", regionId)).getString("data.unitSets[0].id");
            groupId = ok(run("admin", "create-leading-group", "input", Map.of("regionId", regionId, "name", "测试专班",
                    "officeUnitId", government, "members", List.of(Map.of("personName", "甲", "unitId", government,
                            "role", "LEADER"))))).getString("data.createLeadingGroup.id");
            parcelId = ok(run("admin", "create-parcel", "input", Map.of("code", parcelCode, "name", "地块", "townshipId", township,
                    "landUse", "INDUSTRIAL", "approvedOn", "2021-03-01", "areaMu", BigDecimal.ONE)))
                    .getString("data.createParcel.id");
            ok(run("admin", "set-quota", "input", Map.of("regionId", regionId, "year", 2031, "targetMu", BigDecimal.TEN)));
            evaluationId = ok(run("admin", "create-regional-evaluation", "input", Map.of("zoneId", township, "round", 1,
                    "kind", "GEOLOGICAL_HAZARD", "status", "DONE", "completedOn", "2022-03-01")))
                    .getString("data.createRegionalEvaluation.id");

            account("assigned", TestIds.key(unitA), "UNIT");
            account("other", TestIds.key(unitB), "UNIT");
            account("editor", TestIds.key(unitC), "UNIT", "LAND_EDITOR");
            account("leader", TestIds.key(government), "LEADER");
            account("admin", TestIds.key(government), "ADMIN");
            placeInACity(TestIds.key(regionId));
            victimId = String.valueOf(TestAccounts.create(pool, "victim-" + code, "受试账户", TestIds.key(unitB), null, "UNIT"));
            deadDelivery = deadDelivery(TestIds.key(tasks.get("X1")), TestIds.key(unitA));
        }

        String username(String caller) {
            return caller + "-" + code;
        }

        long accountId(String caller) {
            return accounts.get(caller);
        }

        /**
         * The fixture's county goes under a city of its own, beside another county; the city's and the other county's
         * ADMIN and the platform's operator are the table's three further columns.
         */
        private void placeInACity(long county) {
            long city = region("96" + code, "测试市", null);
            pool.preparedQuery("update region set parent_id = $1 where id = $2").execute(Tuple.of(city, county)).await().indefinitely();
            long sibling = region("95" + code, "邻县", city);
            account("above", null, "ADMIN");
            TestAccounts.govern(pool, username("above"), city);
            account("elsewhere", null, "ADMIN");
            TestAccounts.govern(pool, username("elsewhere"), sibling);
            account("system", null, "SYSTEM");
            spareRegion = String.valueOf(region("94" + code, "备用县", null));
        }

        private long region(String regionCode, String name, Long parent) {
            return pool.preparedQuery("insert into region (code, name, parent_id) values ($1, $2, $3) returning id")
                    .execute(Tuple.of(regionCode, name, parent)).await().indefinitely().iterator().next().getLong("id");
        }

        private void account(String caller, Long unitId, String... roles) {
            long id = TestAccounts.create(pool, username(caller), caller, unitId, null, roles);
            accounts.put(caller, id);
            long notification = pool.preparedQuery("insert into notification (account_id, kind, title, body, created_at)"
                    + " values ($1, 'BEFORE_DEADLINE', '提醒', '测试', now()) returning id")
                    .execute(Tuple.of(id)).await().indefinitely().iterator().next().getLong("id");
            notifications.put(caller, String.valueOf(notification));
        }

        private String deadDelivery(long taskId, long unitId) {
            return pool.preparedQuery("with r as (insert into reminder (task_id, due_on, recipient, unit_id, remind_on, kind,"
                    + " urgency, remind_at, written_at, late, calendar_missing, title, body) values ($1, '2031-06-13', 'unit:' || $2, $2,"
                    + " '2031-06-12', 'BEFORE_DEADLINE', 1, now(), now(), false, false, '提醒', '截止日期 2031-06-13') returning id)"
                    + " insert into delivery (reminder_id, channel, target, status, attempts, next_attempt_at, created_at)"
                    + " select id, 'EMAIL', 'a@example.test', 'DEAD', 8, now(), now() from r returning id")
                    .execute(Tuple.of(taskId, unitId)).await().indefinitely().iterator().next().getUUID("id").toString();
        }
    }
}
