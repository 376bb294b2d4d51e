package org.duban.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.plan.DemoPlanTestAccess.demoPlanId;
import static org.duban.support.GraphQL.errorCode;
import static org.duban.support.GraphQL.ok;
import static org.duban.support.GraphQL.run;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.duban.support.GraphQL;
import org.duban.support.SqlStatements;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The reminders of the seed tasks due 15 September, 30 September and 31 October 2022, on the 2022 calendar:
 * across the Mid-Autumn holiday, the National Day holiday and its make-up workdays.
 */
@QuarkusTest
class SeedRemindersTest {

    private static final String COMMITTEE = "乡宁生态文化旅游示范区管委会";
    private static final String NATURAL_RESOURCES = "乡宁县自然资源局";
    private static final String FROM = "2022-08-25T00:00:00+08:00";
    private static final String TO = "2022-11-10T23:59:59+08:00";

    private static String demoPlan;

    /** Looked up once, so that measuring statements measures the preview alone. */
    private static synchronized String demoPlan() {
        if (demoPlan == null) {
            demoPlan = demoPlanId();
        }
        return demoPlan;
    }

    private static List<Map<String, Object>> reminders() {
        return ok(run("admin", "reminder-preview", "from", FROM, "to", TO, "planId", demoPlan())).getList("data.reminderPreview");
    }

    /** Day → kind of one task's reminders to one recipient. */
    private static Map<String, String> days(List<Map<String, Object>> all, String code, String recipient) {
        Map<String, String> days = new TreeMap<>();
        for (Map<String, Object> r : all) {
            if (code.equals(((Map<?, ?>) r.get("task")).get("code")) && recipient.equals(r.get("recipient"))) {
                String day = java.time.OffsetDateTime.parse((String) r.get("remindAt"))
                        .atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
                assertThat(days.put(day, (String) r.get("kind"))).as("one reminder per task, recipient and day").isNull();
            }
        }
        return days;
    }

    private static List<String> daysOf(Map<String, String> days, String kind) {
        return days.entrySet().stream().filter(e -> e.getValue().equals(kind)).map(Map.Entry::getKey).toList();
    }

    @Test
    void upcomingRemindersIsDeprecatedForReminderPreviewAndAnswersTheSame() {
        // SmallRye GraphQL 2.17 keeps @Deprecated of a query out of introspection: the description says it.
        List<Map<String, Object>> fields = ok(GraphQL.execute(GraphQL.token("admin"),
                "{ __schema { queryType { fields(includeDeprecated: true) { name description } } } }", Map.of()))
                .getList("data.__schema.queryType.fields");
        assertThat(fields).filteredOn(field -> field.get("name").equals("upcomingReminders")).singleElement()
                .satisfies(field -> assertThat((String) field.get("description")).startsWith("Deprecated: use reminderPreview"));
        String window = "(from: \"2022-09-01T00:00:00+08:00\", to: \"2022-09-30T00:00:00+08:00\") { kind remindAt }";
        assertThat(ok(GraphQL.execute(GraphQL.token("admin"), "{ upcomingReminders" + window + " }", Map.of()))
                .getList("data.upcomingReminders"))
                .isEqualTo(ok(GraphQL.execute(GraphQL.token("admin"), "{ reminderPreview" + window + " }", Map.of()))
                        .getList("data.reminderPreview"))
                .isNotEmpty();
    }

    @Test
    void dueOnSeptember15() {
        Map<String, String> days = days(reminders(), "(一)1", COMMITTEE);

        // 7, 3 and 1 working days before: 10-12 September (Mid-Autumn) are not counted.
        assertThat(daysOf(days, "BEFORE_DEADLINE")).containsExactly("2022-09-05", "2022-09-09", "2022-09-14");
        assertThat(daysOf(days, "DUE_TODAY")).containsExactly("2022-09-15");
        // Overdue: every working day for three (16, 19, 20 September), then every fifth working day (27 September, the
        // make-up Sunday 9 October, ...): 9 reminders by 10 November where every working day gave 37 (11 in the rest of
        // September, 18 in October with the two make-up days, 8 to 10 November).
        assertThat(daysOf(days, "OVERDUE")).containsExactly("2022-09-16", "2022-09-19", "2022-09-20", "2022-09-27", "2022-10-09",
                "2022-10-14", "2022-10-21", "2022-10-28", "2022-11-04");
        assertThat(days(reminders(), "(一)1", NATURAL_RESOURCES)).isEqualTo(days);
    }

    @Test
    void escalationGoesToTheLinkedLeaderAfterThreeWorkingDaysOverdue() {
        Map<String, String> leader = days(reminders(), "(一)1", "县领导");

        // Overdue on 16, 19, 20 September; from the fourth working day, 21 September, the leader hears too.
        assertThat(leader.keySet().iterator().next()).isEqualTo("2022-09-21");
        assertThat(leader.values()).containsOnly("ESCALATION");
        assertThat(days(reminders(), "(一)1", "督办办公室管理员")).isEmpty();
    }

    @Test
    void dueOnSeptember30AcrossNationalDay() {
        List<Map<String, Object>> all = reminders();
        Map<String, String> days = days(all, "(一)3(1)", COMMITTEE);

        assertThat(daysOf(days, "BEFORE_DEADLINE")).containsExactly("2022-09-21", "2022-09-27", "2022-09-29");
        assertThat(daysOf(days, "DUE_TODAY")).containsExactly("2022-09-30");
        // 1-7 October are holidays; Saturday 8 and Sunday 9 October are working days.
        assertThat(daysOf(days, "OVERDUE")).startsWith("2022-10-08", "2022-10-09", "2022-10-10", "2022-10-17");
        assertThat(days(all, "(一)3(1)", "县领导").keySet().iterator().next()).isEqualTo("2022-10-11");
        // Its other assignee, the standard-land group's members, is an empty set: recorded, never dropped.
        assertThat(days(all, "(一)3(1)", "县推进“标准地”改革工作领导小组成员单位（无成员）")).isEqualTo(days);
    }

    @Test
    void dueOnOctober31() {
        Map<String, String> days = days(reminders(), "(二)2", NATURAL_RESOURCES);

        assertThat(daysOf(days, "BEFORE_DEADLINE")).containsExactly("2022-10-20", "2022-10-26", "2022-10-28");
        assertThat(daysOf(days, "DUE_TODAY")).containsExactly("2022-10-31");
        assertThat(daysOf(days, "OVERDUE")).startsWith("2022-11-01", "2022-11-02");
    }

    @Test
    void theMonthlyReportRemindsOfEachMonthsDeadlineAndDecemberMovesBeforeTheNewYearHoliday() {
        List<Map<String, Object>> all = ok(run("admin", "reminder-preview", "from", "2022-10-01T00:00:00+08:00",
                "to", "2022-12-31T23:59:59+08:00", "planId", demoPlan())).getList("data.reminderPreview");
        List<Map<String, Object>> report = all.stream()
                .filter(r -> "(一)2-月报".equals(((Map<?, ?>) r.get("task")).get("code")) && "DUE_TODAY".equals(r.get("kind")))
                .toList();
        assertThat(report).extracting(r -> r.get("occurrenceDeadline")).containsExactly("2022-10-31", "2022-11-30", "2022-12-31");
        // 31 December 2022 is a Saturday and a holiday: the deadline-day reminder comes on Friday the 30th.
        assertThat(report.get(2).get("remindAt")).isEqualTo("2022-12-30T01:00:00Z");
    }

    @Test
    void aUnitSeesItsOwnAndTheWindowIsBounded() {
        String unitId = ok(run("admin", "units")).getList("data.units", Map.class).stream()
                .filter(u -> NATURAL_RESOURCES.equals(u.get("name"))).map(u -> (String) u.get("id")).findFirst().orElseThrow();
        List<Map<String, Object>> mine = ok(run("zrzyj", "reminder-preview", "from", FROM, "to", TO)).getList("data.reminderPreview");
        assertThat(mine).isNotEmpty().allSatisfy(r -> assertThat(((Map<?, ?>) r.get("unit")).get("name")).isEqualTo(NATURAL_RESOURCES));
        assertThat(ok(run("admin", "reminder-preview", "from", FROM, "to", TO, "unitId", unitId)).getList("data.reminderPreview"))
                .hasSameSizeAs(mine);

        JsonPath tooLong = run("admin", "reminder-preview", "from", "2022-01-01T00:00:00Z", "to", "2024-01-01T00:00:00Z");
        assertThat(errorCode(tooLong)).isEqualTo("VALIDATION");
        // A year of every plan's reminders is more than one answer carries.
        JsonPath tooMany = run("admin", "reminder-preview", "from", "2022-09-01T00:00:00Z", "to", "2023-08-31T00:00:00Z");
        assertThat(errorCode(tooMany)).isEqualTo("VALIDATION");
        assertThat(errorCode(run(null, "reminder-preview", "from", FROM, "to", TO))).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void thePreviewCostsAFixedNumberOfStatements() {
        reminders(); // warm-up
        SqlStatements.reset();
        reminders();
        List<String> wide = SqlStatements.recorded();
        SqlStatements.reset();
        run("admin", "reminder-preview", "from", "2022-09-14T00:00:00+08:00", "to", "2022-09-14T23:59:59+08:00",
                "planId", demoPlan());
        List<String> narrow = SqlStatements.recorded();

        // The token's account check; calendar, open occurrences, their units, escalation recipients, unmet milestones;
        // then task, unit and recipient fields.
        assertThat(wide).hasSize(9).hasSameSizeAs(narrow);
    }
}
