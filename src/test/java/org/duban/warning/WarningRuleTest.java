package org.duban.warning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.duban.calendar.DayKind;
import org.duban.calendar.WorkingCalendar;
import org.duban.plan.TaskStatus;
import org.junit.jupiter.api.Test;

/** The three colours at their boundaries, on the 2022 calendar around the Mid-Autumn holiday. */
class WarningRuleTest {

    private static final WorkingCalendar CALENDAR = new WorkingCalendar(Map.of(
            LocalDate.of(2022, 9, 10), DayKind.HOLIDAY, LocalDate.of(2022, 9, 11), DayKind.HOLIDAY,
            LocalDate.of(2022, 9, 12), DayKind.HOLIDAY), Set.of(2022));
    private static final LocalDate START = LocalDate.of(2022, 9, 5);
    private static final LocalDate DUE = LocalDate.of(2022, 9, 15);

    private final WarningRule rule = new WarningRule(3, 20);

    private Warning on(int day, TaskStatus status, int percent) {
        return rule.assess(status, START, DUE, percent, LocalDate.of(2022, 9, day), CALENDAR);
    }

    @Test
    void redOnceTheDeadlineHasPassedWithTheWorkStillOpen() {
        assertThat(on(16, TaskStatus.IN_PROGRESS, 90)).isEqualTo(new Warning(WarningLevel.RED, WarningBasis.TIME));
        assertThat(on(16, TaskStatus.NOT_STARTED, 0).level()).isEqualTo(WarningLevel.RED);
        assertThat(on(15, TaskStatus.IN_PROGRESS, 90).level()).as("the deadline day itself").isEqualTo(WarningLevel.YELLOW);
        assertThat(on(16, TaskStatus.SUBMITTED, 100)).as("submitted: the office's turn").isEqualTo(Warning.GREEN);
    }

    @Test
    void yellowWithinThreeWorkingDaysCountingTheHolidayOut() {
        // Friday 9 September: 13, 14 and 15 September remain, the holiday between does not count.
        assertThat(on(9, TaskStatus.IN_PROGRESS, 100)).isEqualTo(new Warning(WarningLevel.YELLOW, WarningBasis.TIME));
        // Thursday 8 September: four working days remain.
        assertThat(on(8, TaskStatus.IN_PROGRESS, 100)).isEqualTo(Warning.GREEN);
    }

    @Test
    void yellowWhenProgressLagsTheTimePassedByMoreThanTwentyPoints() {
        // 8 September: 3 of 10 days gone, 30 %; below 10 % complete is behind pace.
        assertThat(on(8, TaskStatus.IN_PROGRESS, 9)).isEqualTo(new Warning(WarningLevel.YELLOW, WarningBasis.PACE));
        assertThat(on(8, TaskStatus.IN_PROGRESS, 10)).isEqualTo(Warning.GREEN);
        // 6 September: 10 % gone, nothing done is fine.
        assertThat(on(6, TaskStatus.NOT_STARTED, 0)).isEqualTo(Warning.GREEN);
    }

    @Test
    void noColourOnceSignedOffOrWhileSuspendedAndGreenWithoutADeadline() {
        assertThat(on(20, TaskStatus.SIGNED_OFF, 100)).isNull();
        assertThat(on(20, TaskStatus.SUSPENDED, 0)).isNull();
        assertThat(rule.assess(TaskStatus.NOT_STARTED, START, null, 0, LocalDate.of(2022, 12, 1), CALENDAR)).isEqualTo(Warning.GREEN);
    }
}
