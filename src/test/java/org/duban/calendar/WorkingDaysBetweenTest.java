package org.duban.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Counting working days by weeks and exceptions gives what walking the days one by one gives. */
class WorkingDaysBetweenTest {

    @Test
    void countsAsWalkingTheDaysWouldOverAnyRange() {
        Map<LocalDate, DayKind> exceptions = new HashMap<>();
        Random random = new Random(20221017);
        for (int i = 0; i < 300; i++) {
            LocalDate day = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(3 * 366));
            exceptions.put(day, random.nextBoolean() ? DayKind.HOLIDAY : DayKind.MAKEUP_WORKDAY);
        }
        WorkingCalendar calendar = new WorkingCalendar(exceptions, Set.of(2020, 2021, 2022));
        for (int i = 0; i < 5_000; i++) {
            LocalDate from = LocalDate.of(2019, 12, 1).plusDays(random.nextInt(3 * 366));
            LocalDate to = from.plusDays(random.nextInt(800) - 100);
            assertThat(calendar.workingDaysBetween(from, to)).as(from + " to " + to).isEqualTo(walked(calendar, from, to));
        }
        assertThat(calendar.workingDaysBetween(LocalDate.of(1960, 3, 1), LocalDate.of(1960, 3, 31)))
                .as("before the first counted Monday too").isEqualTo(walked(calendar, LocalDate.of(1960, 3, 1), LocalDate.of(1960, 3, 31)));
    }

    private static int walked(WorkingCalendar calendar, LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}
