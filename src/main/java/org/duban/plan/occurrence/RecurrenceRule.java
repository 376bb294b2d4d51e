package org.duban.plan.occurrence;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.duban.common.DateBounds;
import org.duban.common.DubanException;

/**
 * The subset of RFC 5545 recurrence rules that obligations use: FREQ (DAILY, WEEKLY, MONTHLY, YEARLY),
 * INTERVAL, BYDAY (with an ordinal such as 1MO or -1FR in monthly and yearly rules), BYMONTHDAY
 * (negative counts from the month's end), COUNT and UNTIL. Weeks start on Monday (WKST=MO). Dates only:
 * an occurrence is a deadline day.
 */
public final class RecurrenceRule {

    public enum Frequency { DAILY, WEEKLY, MONTHLY, YEARLY }

    /** A BYDAY entry: a weekday, and for monthly and yearly rules optionally which one (1 first, -1 last). */
    record WeekdayNum(int ordinal, DayOfWeek day) {
    }

    private static final Map<String, DayOfWeek> WEEKDAYS = Map.of("MO", DayOfWeek.MONDAY, "TU", DayOfWeek.TUESDAY,
            "WE", DayOfWeek.WEDNESDAY, "TH", DayOfWeek.THURSDAY, "FR", DayOfWeek.FRIDAY, "SA", DayOfWeek.SATURDAY,
            "SU", DayOfWeek.SUNDAY);
    /** Periods tried without finding an occurrence before a rule is taken to yield nothing more. */
    private static final int EMPTY_PERIOD_LIMIT = 2000;

    private final String text;
    private final Frequency frequency;
    private final int interval;
    private final List<WeekdayNum> byDay;
    private final List<Integer> byMonthDay;
    private final Integer count;
    private final LocalDate until;

    private RecurrenceRule(String text, Frequency frequency, int interval, List<WeekdayNum> byDay,
            List<Integer> byMonthDay, Integer count, LocalDate until) {
        this.text = text;
        this.frequency = frequency;
        this.interval = interval;
        this.byDay = byDay;
        this.byMonthDay = byMonthDay;
        this.count = count;
        this.until = until;
    }

    /** Parses a rule such as {@code FREQ=MONTHLY;BYMONTHDAY=-1}; VALIDATION on {@code field} if it is not one. */
    public static RecurrenceRule parse(String text, String field) {
        String rule = text.strip();
        if (rule.regionMatches(true, 0, "RRULE:", 0, 6)) {
            rule = rule.substring(6);
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : rule.split(";")) {
            int eq = part.indexOf('=');
            if (eq <= 0 || parts.put(part.substring(0, eq).strip().toUpperCase(Locale.ROOT),
                    part.substring(eq + 1).strip().toUpperCase(Locale.ROOT)) != null) {
                throw invalid(field, "expected NAME=VALUE parts separated by ';', each name once");
            }
        }
        Frequency frequency = frequency(parts.remove("FREQ"), field);
        int interval = parts.containsKey("INTERVAL") ? positive(parts.remove("INTERVAL"), "INTERVAL", field) : 1;
        List<WeekdayNum> byDay = parts.containsKey("BYDAY") ? byDay(parts.remove("BYDAY"), frequency, field) : List.of();
        List<Integer> byMonthDay = parts.containsKey("BYMONTHDAY") ? byMonthDay(parts.remove("BYMONTHDAY"), field) : List.of();
        Integer count = parts.containsKey("COUNT") ? positive(parts.remove("COUNT"), "COUNT", field) : null;
        LocalDate until = parts.containsKey("UNTIL") ? until(parts.remove("UNTIL"), field) : null;
        parts.remove("WKST");
        if (!parts.isEmpty()) {
            throw invalid(field, "unsupported part(s) " + parts.keySet()
                    + "; supported: FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL");
        }
        if (count != null && until != null) {
            throw invalid(field, "COUNT and UNTIL exclude each other");
        }
        if (frequency == Frequency.WEEKLY && !byMonthDay.isEmpty()) {
            throw invalid(field, "BYMONTHDAY does not go with FREQ=WEEKLY");
        }
        return new RecurrenceRule(rule, frequency, interval, byDay, byMonthDay, count, until);
    }

    /** Whether the rule ends (COUNT or UNTIL), so that all its occurrences can be listed. */
    public boolean isBounded() {
        return count != null || until != null;
    }

    /** The occurrences from {@code start} (DTSTART) that fall in [from, to], in order. */
    public List<LocalDate> occurrences(LocalDate start, LocalDate from, LocalDate to) {
        List<LocalDate> result = new ArrayList<>();
        int produced = 0;
        int emptyPeriods = 0;
        for (long period = 0; ; period++) {
            LocalDate periodStart = periodStart(start, period);
            if (periodStart.isAfter(to) || (until != null && periodStart.isAfter(until))) {
                return result;
            }
            List<LocalDate> candidates = candidates(start, periodStart);
            emptyPeriods = candidates.isEmpty() ? emptyPeriods + 1 : 0;
            if (emptyPeriods > EMPTY_PERIOD_LIMIT) {
                return result;
            }
            for (LocalDate day : candidates) {
                if (day.isBefore(start)) {
                    continue;
                }
                if ((until != null && day.isAfter(until)) || (count != null && produced >= count) || day.isAfter(to)) {
                    return result;
                }
                produced++;
                if (!day.isBefore(from)) {
                    result.add(day);
                }
            }
        }
    }

    private LocalDate periodStart(LocalDate start, long period) {
        long steps = period * interval;
        return switch (frequency) {
            case DAILY -> start.plusDays(steps);
            case WEEKLY -> start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(steps);
            case MONTHLY -> start.withDayOfMonth(1).plusMonths(steps);
            case YEARLY -> start.withDayOfYear(1).plusYears(steps);
        };
    }

    private List<LocalDate> candidates(LocalDate start, LocalDate periodStart) {
        TreeSet<LocalDate> days = new TreeSet<>();
        switch (frequency) {
            case DAILY -> days.add(periodStart);
            case WEEKLY -> {
                if (byDay.isEmpty()) {
                    days.add(periodStart.with(TemporalAdjusters.nextOrSame(start.getDayOfWeek())));
                } else {
                    byDay.forEach(d -> days.add(periodStart.with(TemporalAdjusters.nextOrSame(d.day()))));
                }
            }
            case MONTHLY -> days.addAll(inMonth(YearMonth.from(periodStart), start, true));
            case YEARLY -> {
                if (byMonthDay.isEmpty() && byDay.isEmpty()) {
                    YearMonth month = YearMonth.of(periodStart.getYear(), start.getMonth());
                    if (month.isValidDay(start.getDayOfMonth())) {
                        days.add(month.atDay(start.getDayOfMonth()));
                    }
                } else if (byMonthDay.isEmpty()) {
                    days.addAll(weekdaysIn(periodStart, periodStart.plusYears(1).minusDays(1)));
                } else {
                    for (int m = 1; m <= 12; m++) {
                        days.addAll(inMonth(YearMonth.of(periodStart.getYear(), m), start, false));
                    }
                }
            }
        }
        if (frequency == Frequency.DAILY || frequency == Frequency.WEEKLY) {
            days.removeIf(day -> !matchesLimits(day));
        }
        return new ArrayList<>(days);
    }

    /** A monthly period: BYMONTHDAY and/or BYDAY expand the month, else DTSTART's day of the month. */
    private List<LocalDate> inMonth(YearMonth month, LocalDate start, boolean defaultToStartDay) {
        List<LocalDate> days = new ArrayList<>();
        if (!byMonthDay.isEmpty()) {
            for (int n : byMonthDay) {
                int day = n > 0 ? n : month.lengthOfMonth() + n + 1;
                if (day >= 1 && day <= month.lengthOfMonth()) {
                    days.add(month.atDay(day));
                }
            }
            if (!byDay.isEmpty()) {
                days.removeIf(day -> byDay.stream().noneMatch(d -> d.day() == day.getDayOfWeek()));
            }
        } else if (!byDay.isEmpty()) {
            days.addAll(weekdaysIn(month.atDay(1), month.atEndOfMonth()));
        } else if (defaultToStartDay && month.isValidDay(start.getDayOfMonth())) {
            days.add(month.atDay(start.getDayOfMonth()));
        }
        return days;
    }

    /** The BYDAY days within [first, last]; an ordinal picks the n-th (or n-th from last) in that span. */
    private List<LocalDate> weekdaysIn(LocalDate first, LocalDate last) {
        List<LocalDate> days = new ArrayList<>();
        for (WeekdayNum wanted : byDay) {
            List<LocalDate> all = new ArrayList<>();
            for (LocalDate d = first.with(TemporalAdjusters.nextOrSame(wanted.day())); !d.isAfter(last); d = d.plusWeeks(1)) {
                all.add(d);
            }
            if (wanted.ordinal() == 0) {
                days.addAll(all);
            } else {
                int index = wanted.ordinal() > 0 ? wanted.ordinal() - 1 : all.size() + wanted.ordinal();
                if (index >= 0 && index < all.size()) {
                    days.add(all.get(index));
                }
            }
        }
        return days;
    }

    private boolean matchesLimits(LocalDate day) {
        if (!byDay.isEmpty() && byDay.stream().noneMatch(d -> d.day() == day.getDayOfWeek())) {
            return false;
        }
        if (!byMonthDay.isEmpty()) {
            int length = day.lengthOfMonth();
            return byMonthDay.stream().anyMatch(n -> (n > 0 ? n : length + n + 1) == day.getDayOfMonth());
        }
        return true;
    }

    private static Frequency frequency(String value, String field) {
        if (value == null) {
            throw invalid(field, "FREQ is required");
        }
        try {
            return Frequency.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw invalid(field, "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY, was " + value);
        }
    }

    private static List<WeekdayNum> byDay(String value, Frequency frequency, String field) {
        List<WeekdayNum> days = new ArrayList<>();
        for (String item : value.split(",")) {
            String entry = item.strip();
            if (entry.length() < 2 || !WEEKDAYS.containsKey(entry.substring(entry.length() - 2))) {
                throw invalid(field, "BYDAY entries are MO..SU with an optional ordinal such as 1MO or -1FR, was " + entry);
            }
            int ordinal = 0;
            String number = entry.substring(0, entry.length() - 2);
            if (!number.isEmpty()) {
                ordinal = integer(number, "BYDAY", field);
                if (ordinal == 0 || Math.abs(ordinal) > 53) {
                    throw invalid(field, "a BYDAY ordinal is between 1 and 53 or -53 and -1, was " + number);
                }
                if (frequency != Frequency.MONTHLY && frequency != Frequency.YEARLY) {
                    throw invalid(field, "BYDAY ordinals go with FREQ=MONTHLY or YEARLY only");
                }
            }
            days.add(new WeekdayNum(ordinal, WEEKDAYS.get(entry.substring(entry.length() - 2))));
        }
        return List.copyOf(days);
    }

    private static List<Integer> byMonthDay(String value, String field) {
        List<Integer> days = new ArrayList<>();
        for (String item : value.split(",")) {
            int day = integer(item.strip(), "BYMONTHDAY", field);
            if (day == 0 || Math.abs(day) > 31) {
                throw invalid(field, "BYMONTHDAY is between 1 and 31 or -31 and -1, was " + item.strip());
            }
            days.add(day);
        }
        return List.copyOf(days);
    }

    private static LocalDate until(String value, String field) {
        String date = value.length() >= 8 ? value.substring(0, 8) : value;
        try {
            LocalDate until = LocalDate.parse(date, DateTimeFormatter.BASIC_ISO_DATE);
            if (DateBounds.contains(until)) {
                return until;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw invalid(field, "UNTIL is a date from 19000101 to 22001231, such as 20231231, was " + value);
    }

    private static int positive(String value, String name, String field) {
        int number = integer(value, name, field);
        if (number < 1) {
            throw invalid(field, name + " must be at least 1, was " + value);
        }
        return number;
    }

    private static int integer(String value, String name, String field) {
        try {
            return Integer.parseInt(value.startsWith("+") ? value.substring(1) : value);
        } catch (NumberFormatException e) {
            throw invalid(field, name + " must be a whole number, was " + value);
        }
    }

    private static DubanException invalid(String field, String why) {
        return DubanException.validation(field, "not a supported recurrence rule: " + why);
    }

    @Override
    public String toString() {
        return text;
    }
}
