package org.duban.plan.occurrence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.duban.common.DubanException;
import org.duban.common.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecurrenceRuleTest {

    private static List<LocalDate> dates(String... days) {
        return java.util.Arrays.stream(days).map(LocalDate::parse).toList();
    }

    private static List<LocalDate> expand(String rule, String start, String from, String to) {
        return RecurrenceRule.parse(rule, "recurrence").occurrences(LocalDate.parse(start), LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void theLastDayOfEveryMonthCountsFromTheMonthsEnd() {
        assertThat(expand("FREQ=MONTHLY;BYMONTHDAY=-1", "2022-10-01", "2022-10-01", "2023-03-31"))
                .isEqualTo(dates("2022-10-31", "2022-11-30", "2022-12-31", "2023-01-31", "2023-02-28", "2023-03-31"));
    }

    @Test
    void aMonthWithoutTheDayIsSkippedAsRfc5545Says() {
        assertThat(expand("FREQ=MONTHLY", "2023-01-31", "2023-01-01", "2023-05-31"))
                .isEqualTo(dates("2023-01-31", "2023-03-31", "2023-05-31"));
    }

    @Test
    void weeklyOnSeveralDaysWithAnInterval() {
        assertThat(expand("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR", "2022-10-05", "2022-10-01", "2022-10-31"))
                .isEqualTo(dates("2022-10-07", "2022-10-17", "2022-10-21", "2022-10-31"));
    }

    @Test
    void ordinalWeekdaysInAMonth() {
        assertThat(expand("FREQ=MONTHLY;BYDAY=-1FR", "2022-10-01", "2022-10-01", "2022-12-31"))
                .isEqualTo(dates("2022-10-28", "2022-11-25", "2022-12-30"));
        assertThat(expand("RRULE:FREQ=MONTHLY;BYDAY=1MO", "2022-10-01", "2022-10-01", "2022-11-30"))
                .isEqualTo(dates("2022-10-03", "2022-11-07"));
    }

    @Test
    void countIsCountedFromTheStartWhateverTheWindow() {
        assertThat(expand("FREQ=DAILY;INTERVAL=2;COUNT=3", "2022-10-01", "2022-10-03", "2022-12-31"))
                .isEqualTo(dates("2022-10-03", "2022-10-05"));
    }

    @Test
    void untilIsInclusiveAndMayCarryATime() {
        assertThat(expand("FREQ=YEARLY;UNTIL=20240331T000000Z", "2022-03-31", "2020-01-01", "2030-01-01"))
                .isEqualTo(dates("2022-03-31", "2023-03-31", "2024-03-31"));
    }

    @Test
    void yearlyWithMonthDaysExpandsEveryMonthAndDailyWithDaysLimits() {
        assertThat(expand("FREQ=YEARLY;BYMONTHDAY=15", "2022-11-01", "2022-11-01", "2023-01-31"))
                .isEqualTo(dates("2022-11-15", "2022-12-15", "2023-01-15"));
        assertThat(expand("FREQ=DAILY;BYDAY=SA,SU", "2022-10-01", "2022-10-01", "2022-10-10"))
                .isEqualTo(dates("2022-10-01", "2022-10-02", "2022-10-08", "2022-10-09"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "FREQ=HOURLY", "FREQ=MONTHLY;BYMONTHDAY=0", "FREQ=MONTHLY;BYMONTHDAY=32",
            "FREQ=WEEKLY;BYDAY=1MO", "FREQ=WEEKLY;BYMONTHDAY=1", "FREQ=DAILY;COUNT=2;UNTIL=20221231", "FREQ=DAILY;INTERVAL=0",
            "FREQ=DAILY;BYSETPOS=1", "FREQ=DAILY;FREQ=WEEKLY", "FREQ=MONTHLY;BYDAY=XX", "FREQ=DAILY;UNTIL=2022" })
    void anythingElseIsAValidationErrorOnTheField(String rule) {
        assertThatThrownBy(() -> RecurrenceRule.parse(rule, "input.recurrence"))
                .isInstanceOfSatisfying(DubanException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
                    assertThat(e.field()).isEqualTo("input.recurrence");
                });
    }
}
