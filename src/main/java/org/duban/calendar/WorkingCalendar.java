package org.duban.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * Working days in mainland China: Monday to Friday, except holidays, plus the weekend days a notice makes
 * working days (调休). Years without a loaded notice know weekends only, which {@link #covers} tells.
 */
public final class WorkingCalendar {

    /** More than any run of non-working days (the longest holiday with its weekends is about 10 days). */
    private static final int SEARCH_LIMIT = 366;

    private final Map<LocalDate, DayKind> exceptions;
    private final Set<Integer> coveredYears;

    public WorkingCalendar(Map<LocalDate, DayKind> exceptions, Set<Integer> coveredYears) {
        this.exceptions = Map.copyOf(exceptions);
        this.coveredYears = Set.copyOf(coveredYears);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayKind kind = exceptions.get(day);
        if (kind != null) {
            return kind == DayKind.MAKEUP_WORKDAY;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /** Whether the holiday notice of the day's year is loaded. */
    public boolean covers(LocalDate day) {
        return coveredYears.contains(day.getYear());
    }

    /** The day itself if it is a working day, else the last working day before it. */
    public LocalDate workingDayOnOrBefore(LocalDate day) {
        LocalDate candidate = day;
        for (int i = 0; i < SEARCH_LIMIT; i++) {
            if (isWorkingDay(candidate)) {
                return candidate;
            }
            candidate = candidate.minusDays(1);
        }
        throw new IllegalStateException("no working day in the year before " + day);
    }

    /** The n-th working day before the day (n ≥ 1), the day itself not counted. */
    public LocalDate minusWorkingDays(LocalDate day, int n) {
        LocalDate candidate = day;
        int counted = 0;
        for (int i = 0; i < SEARCH_LIMIT * (1 + n / 200); i++) {
            candidate = candidate.minusDays(1);
            if (isWorkingDay(candidate) && ++counted == n) {
                return candidate;
            }
        }
        throw new IllegalStateException("fewer than " + n + " working days found before " + day);
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after it. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}
