package org.duban.warning;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.duban.calendar.WorkingCalendar;
import org.duban.plan.TaskStatus;

/**
 * The three colours of one occurrence on a day. RED: overdue. YELLOW: the deadline is within N working days
 * and nothing is submitted (TIME), or percent complete is more than P points below the share of the time from
 * start to deadline that has passed, counted in calendar days (PACE). GREEN otherwise. No colour once signed
 * off, nor while suspended: the clock does not run for work the office has stopped.
 */
@ApplicationScoped
public class WarningRule {

    private final int withinWorkingDays;
    private final int pacePoints;

    @Inject
    WarningRule(WarningSettings settings) {
        this(settings.yellowWithinWorkingDays(), settings.pacePoints());
    }

    public WarningRule(int withinWorkingDays, int pacePoints) {
        this.withinWorkingDays = withinWorkingDays;
        this.pacePoints = pacePoints;
    }

    /** Null once signed off or while suspended. */
    public Warning assess(TaskStatus status, LocalDate start, LocalDate due, int percent, LocalDate today,
            WorkingCalendar calendar) {
        if (status == TaskStatus.SIGNED_OFF || status == TaskStatus.SUSPENDED) {
            return null;
        }
        if (due == null || status == TaskStatus.SUBMITTED) {
            return Warning.GREEN;
        }
        if (today.isAfter(due)) {
            return new Warning(WarningLevel.RED, WarningBasis.TIME);
        }
        if (calendar.workingDaysBetween(today, due) <= withinWorkingDays) {
            return new Warning(WarningLevel.YELLOW, WarningBasis.TIME);
        }
        if (start != null && start.isBefore(due) && today.isAfter(start)) {
            long total = ChronoUnit.DAYS.between(start, due);
            long passed = ChronoUnit.DAYS.between(start, today);
            // percent < passed/total·100 − P, in whole numbers
            if ((long) percent * total < passed * 100 - (long) pacePoints * total) {
                return new Warning(WarningLevel.YELLOW, WarningBasis.PACE);
            }
        }
        return Warning.GREEN;
    }
}
