package org.duban.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Working days in mainland China: Monday to Friday, except holidays, plus the weekend days a notice makes
 * working days (调休). Years without a loaded notice know weekends only, which {@link #covers} tells.
 */
public final class WorkingCalendar {

    /** More than any run of non-working days (the longest holiday with its weekends is about 10 days). */
    private static final int SEARCH_LIMIT = 366;

    /** Monday 5 January 1970, as an epoch day: weeks are counted from it. */
    private static final long FIRST_MONDAY = 4;

    private final Map<LocalDate, DayKind> exceptions;
    /**
     * For each exception day, what the exceptions up to it and including it change in a count of weekdays (a holiday
     * on a weekday takes one, a make-up weekend day adds one): a range's correction is two lookups, not a walk over
     * the years of holidays between a list's today and a deadline.
     */
    private final NavigableMap<LocalDate, Integer> correctionUpTo;
    private final Set<Integer> coveredYears;

    public WorkingCalendar(Map<LocalDate, DayKind> exceptions, Set<Integer> coveredYears) {
        this.exceptions = Map.copyOf(exceptions);
        TreeMap<LocalDate, Integer> corrections = new TreeMap<>();
        int correction = 0;
        for (Map.Entry<LocalDate, DayKind> exception : new TreeMap<>(exceptions).entrySet()) {
            boolean weekend = isWeekend(exception.getKey());
            if (exception.getValue() == DayKind.HOLIDAY && !weekend) {
                correction--;
            } else if (exception.getValue() == DayKind.MAKEUP_WORKDAY && weekend) {
                correction++;
            }
            corrections.put(exception.getKey(), correction);
        }
        this.correctionUpTo = Collections.unmodifiableNavigableMap(corrections);
        this.coveredYears = Set.copyOf(coveredYears);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayKind kind = exceptions.get(day);
        if (kind != null) {
            return kind == DayKind.MAKEUP_WORKDAY;
        }
        return !isWeekend(day);
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

    /** The n-th working day after the day (n ≥ 1), the day itself not counted. */
    public LocalDate plusWorkingDays(LocalDate day, int n) {
        LocalDate candidate = day;
        int counted = 0;
        for (int i = 0; i < SEARCH_LIMIT * (1 + n / 200); i++) {
            candidate = candidate.plusDays(1);
            if (isWorkingDay(candidate) && ++counted == n) {
                return candidate;
            }
        }
        throw new IllegalStateException("fewer than " + n + " working days found after " + day);
    }

    /**
     * Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after it. Counted as
     * the weekdays between them, corrected by the holidays and make-up days that fall between: every task of a list
     * asks this for its deadline, which may be years away.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        return (int) (weekdaysUpTo(to) - weekdaysUpTo(from) + correctionUpTo(to) - correctionUpTo(from));
    }

    private int correctionUpTo(LocalDate day) {
        Map.Entry<LocalDate, Integer> last = correctionUpTo.floorEntry(day);
        return last == null ? 0 : last.getValue();
    }

    /** Monday to Friday from {@link #FIRST_MONDAY} up to and including the day (negative before it). */
    private static long weekdaysUpTo(LocalDate day) {
        long sinceMonday = day.toEpochDay() - FIRST_MONDAY;
        return Math.floorDiv(sinceMonday, 7) * 5 + Math.min(Math.floorMod(sinceMonday, 7) + 1, 5);
    }

    private static boolean isWeekend(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
    }
}
