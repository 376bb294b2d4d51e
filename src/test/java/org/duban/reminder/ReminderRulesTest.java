package org.duban.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.duban.calendar.DayKind;
import org.duban.calendar.WorkingCalendar;
import org.duban.common.ChinaTime;
import org.junit.jupiter.api.Test;

/** The policy on the 2022 calendar around Mid-Autumn and National Day, without a database. */
class ReminderRulesTest {

    private static final LocalDate FROM = LocalDate.parse("2022-08-01");
    private static final LocalDate TO = LocalDate.parse("2022-10-31");
    private static final Recipient UNIT = new Recipient(Recipient.Kind.UNIT, 1);

    private static WorkingCalendar calendar2022() {
        Map<LocalDate, DayKind> days = new HashMap<>();
        for (String day : List.of("2022-09-10", "2022-09-11", "2022-09-12", "2022-10-01", "2022-10-02", "2022-10-03",
                "2022-10-04", "2022-10-05", "2022-10-06", "2022-10-07")) {
            days.put(LocalDate.parse(day), DayKind.HOLIDAY);
        }
        days.put(LocalDate.parse("2022-10-08"), DayKind.MAKEUP_WORKDAY);
        days.put(LocalDate.parse("2022-10-09"), DayKind.MAKEUP_WORKDAY);
        return new WorkingCalendar(days, Set.of(2022));
    }

    /** The defaults: daily for 3 working days overdue, then every 5; no automatic urging; digests above 3. */
    private static final OverdueCadence CADENCE = new OverdueCadence(null, 3, 5, 3);

    private static List<DueReminder> reminders(String deadline, List<Long> escalation) {
        return reminders(deadline, escalation, CADENCE, TO);
    }

    private static List<DueReminder> reminders(String deadline, List<Long> escalation, OverdueCadence cadence, LocalDate to) {
        ReminderRules rules = new ReminderRules(calendar2022(), LocalTime.of(9, 0), ChinaTime.ZONE);
        return rules.remindersBetween(new OpenOccurrence(7, LocalDate.parse(deadline), List.of(7, 3, 1), 3, cadence, List.of(UNIT),
                escalation), FROM, to);
    }

    private static Map<String, ReminderKind> unitDays(List<DueReminder> reminders) {
        Map<String, ReminderKind> days = new java.util.TreeMap<>();
        reminders.stream().filter(r -> r.recipient().equals(UNIT)).forEach(r -> days.put(r.remindOn().toString(), r.kind()));
        return days;
    }

    @Test
    void beforeTheMidAutumnHolidayTheOffsetsSkipIt() {
        Map<String, ReminderKind> days = unitDays(reminders("2022-09-15", List.of()));

        assertThat(days).containsEntry("2022-09-05", ReminderKind.BEFORE_DEADLINE)
                .containsEntry("2022-09-09", ReminderKind.BEFORE_DEADLINE)
                .containsEntry("2022-09-14", ReminderKind.BEFORE_DEADLINE)
                .containsEntry("2022-09-15", ReminderKind.DUE_TODAY)
                .containsEntry("2022-09-16", ReminderKind.OVERDUE)
                .doesNotContainKeys("2022-09-10", "2022-09-11", "2022-09-12", "2022-09-17", "2022-10-01", "2022-10-07")
                // Working days overdue: 16 (1), 19 (2), 20 (3) September daily; then the 8th (27 September) and the
                // 13th (9 October, a make-up working day), every 5.
                .containsEntry("2022-09-19", ReminderKind.OVERDUE)
                .containsEntry("2022-09-20", ReminderKind.OVERDUE)
                .containsEntry("2022-09-27", ReminderKind.OVERDUE)
                .containsEntry("2022-10-09", ReminderKind.OVERDUE)
                .doesNotContainKeys("2022-09-21", "2022-09-26", "2022-10-08");
    }

    @Test
    void overdueWorkIsNoLongerRemindedEveryDayWithoutEnd() {
        // (一)1, due 15 September, not done by 10 November: 37 reminders a unit under the old every-day rule.
        List<DueReminder> all = reminders("2022-09-15", List.of(), CADENCE, LocalDate.parse("2022-11-10"));

        List<String> overdue = all.stream().filter(r -> r.kind() == ReminderKind.OVERDUE).map(r -> r.remindOn().toString()).toList();
        assertThat(overdue).containsExactly("2022-09-16", "2022-09-19", "2022-09-20", "2022-09-27", "2022-10-09", "2022-10-14",
                "2022-10-21", "2022-10-28", "2022-11-04");
        assertThat(all).hasSize(4 + overdue.size());
    }

    @Test
    void theLaddersAutomaticUrgingComesOnceInPlaceOfThatDaysReminder() {
        List<DueReminder> all = reminders("2022-09-15", List.of(41L), new OverdueCadence(2, 3, 5, 3), TO);

        Map<String, ReminderKind> days = unitDays(all);
        assertThat(days).containsEntry("2022-09-16", ReminderKind.OVERDUE)
                .containsEntry("2022-09-19", ReminderKind.OVERDUE)
                .containsEntry("2022-09-20", ReminderKind.URGING);
        assertThat(all.stream().filter(r -> r.kind() == ReminderKind.URGING)).hasSize(1)
                .allSatisfy(r -> assertThat(r.workingDaysOverdue()).isEqualTo(3));
        // The escalation (after 3 working days) still comes, to the leaders, and then on the cadence only.
        assertThat(all.stream().filter(r -> r.kind() == ReminderKind.ESCALATION).map(r -> r.remindOn().toString()))
                .containsExactly("2022-09-21", "2022-09-27", "2022-10-09", "2022-10-14", "2022-10-21", "2022-10-28");
    }

    @Test
    void aDeadlineOnAHolidayIsRemindedOnTheLastWorkingDayBeforeAndCollapses() {
        Map<String, ReminderKind> days = unitDays(reminders("2022-10-03", List.of()));

        // 1 working day before 3 October is 30 September, which is also the deadline-day reminder's day.
        assertThat(days).containsEntry("2022-09-30", ReminderKind.DUE_TODAY)
                .containsEntry("2022-09-28", ReminderKind.BEFORE_DEADLINE)
                .containsEntry("2022-09-22", ReminderKind.BEFORE_DEADLINE)
                .containsEntry("2022-10-08", ReminderKind.OVERDUE);
        assertThat(days.keySet().stream().filter(d -> d.compareTo("2022-10-08") < 0)).hasSize(3);
    }

    @Test
    void escalationStartsAfterTheConfiguredWorkingDaysOverdue() {
        List<DueReminder> all = reminders("2022-09-30", List.of(41L, 42L));

        List<DueReminder> escalations = all.stream().filter(r -> r.kind() == ReminderKind.ESCALATION).toList();
        // Overdue working days: 8 Oct (1), 9 Oct (2), 10 Oct (3), 11 Oct (4): escalation from the fourth.
        assertThat(escalations.get(0).remindOn()).isEqualTo(LocalDate.parse("2022-10-11"));
        assertThat(escalations.get(0).workingDaysOverdue()).isEqualTo(4);
        assertThat(escalations.stream().map(r -> r.recipient().accountId()).distinct()).containsExactly(41L, 42L);
        assertThat(all.stream().filter(r -> r.remindOn().toString().equals("2022-10-10")).map(DueReminder::kind))
                .containsExactly(ReminderKind.OVERDUE);
    }

    @Test
    void remindersFallAtTheConfiguredTimeInChinaAndSayWhenTheCalendarIsMissing() {
        ReminderRules rules = new ReminderRules(calendar2022(), LocalTime.of(9, 0), ChinaTime.ZONE);
        List<DueReminder> all = rules.remindersBetween(new OpenOccurrence(7, LocalDate.parse("2023-01-10"), List.of(1), 3, CADENCE,
                List.of(), List.of()), LocalDate.parse("2023-01-01"), LocalDate.parse("2023-01-10"));

        assertThat(all).extracting(r -> r.remindAt().toString())
                .containsExactly("2023-01-09T01:00:00Z", "2023-01-10T01:00:00Z");
        assertThat(all).allSatisfy(r -> {
            assertThat(r.calendarMissing()).isTrue();
            assertThat(r.recipient().kind()).isEqualTo(Recipient.Kind.TASK);
        });
    }
}
