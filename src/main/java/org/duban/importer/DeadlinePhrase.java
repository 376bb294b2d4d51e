package org.duban.importer;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.duban.common.DateBounds;
import org.duban.common.DubanException;

/**
 * A deadline as notices write it ("9月底前", "2022年9月15日前", "9月中下旬", "每月5日前", "长期坚持") read into what
 * a task is due by: a date, a window (a start and a deadline), a recurrence, or nothing (a standing task). The
 * year a phrase leaves out is the first one at or after the plan's issue date puts the day in: issued 2022-09-05,
 * "11月底前" is 2022-11-30 and "3月底前" 2023-03-31. "前" includes the day (DOMAIN.md); a trailing 完成 or 前完成
 * says nothing more. Deterministic and total over the forms below; anything else is a VALIDATION error listing them.
 */
public final class DeadlinePhrase {

    /** What a phrase gives; the fields it does not speak of are null. */
    public record Reading(String phrase, LocalDate startDate, LocalDate deadline, String recurrence) {
    }

    static final List<String> FORMS = List.of("2022年9月15日前", "9月15日前", "9月底前", "2023年12月底前", "年底前",
            "2023年底前", "9月中下旬 (上旬, 中旬, 下旬, 上中旬, 中下旬; with 前 only the end)", "立即", "长期坚持", "持续推进",
            "每月5日前", "每月底前", "每季度末");

    private static final String YEAR = "(?:(\\d{4})年)?";
    private static final Pattern DAY = Pattern.compile(YEAR + "(\\d{1,2})月(\\d{1,2})[日号]前?");
    private static final Pattern MONTH_END = Pattern.compile(YEAR + "(\\d{1,2})月(?:底|末|份)前?");
    private static final Pattern YEAR_END = Pattern.compile("(?:(\\d{4})年|年)(?:底|末|内)前?|年内");
    private static final Pattern TEN_DAYS = Pattern.compile(YEAR + "(\\d{1,2})月(上|中|下|上中|中下)旬(前)?");
    private static final Pattern MONTHLY = Pattern.compile("每月(\\d{1,2})[日号]前?");
    private static final Set<String> MONTHLY_END = Set.of("每月底", "每月底前", "每月末", "每月末前");
    private static final Set<String> QUARTERLY_END = Set.of("每季度末", "每季度末前", "每季度底前");
    private static final Set<String> AT_ONCE = Set.of("立即", "立即整改", "立行立改", "即知即改");
    private static final Set<String> STANDING = Set.of("长期坚持", "持续推进", "长期", "常态化", "长期推进");

    private DeadlinePhrase() {
    }

    /** Whether the text is a date as the file format writes one (YYYY-MM-DD) rather than a phrase. */
    static boolean isIsoDate(String text) {
        return text.matches("\\d{4}-\\d{2}-\\d{2}");
    }

    public static Reading read(String phrase, LocalDate issuedOn, String field) {
        String text = Normalizer.normalize(phrase, Normalizer.Form.NFKC).replaceAll("\\s+", "")
                .replaceFirst("完成$", "");
        if (AT_ONCE.contains(text)) {
            return new Reading(phrase, null, issuedOn, null);
        }
        if (STANDING.contains(text)) {
            return new Reading(phrase, null, null, null);
        }
        if (MONTHLY_END.contains(text)) {
            return new Reading(phrase, null, null, "FREQ=MONTHLY;BYMONTHDAY=-1");
        }
        if (QUARTERLY_END.contains(text)) {
            // every third month-end counted from the last month of the issue date's quarter: 3/31, 6/30, 9/30, 12/31
            int lastMonthOfQuarter = (issuedOn.getMonthValue() - 1) / 3 * 3 + 3;
            return new Reading(phrase, issuedOn.withDayOfMonth(1).withMonth(lastMonthOfQuarter), null,
                    "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1");
        }
        Matcher m = MONTHLY.matcher(text);
        if (m.matches()) {
            int day = number(m.group(1), 1, 31, phrase, field);
            return new Reading(phrase, null, null, "FREQ=MONTHLY;BYMONTHDAY=" + day);
        }
        m = DAY.matcher(text);
        if (m.matches()) {
            int month = number(m.group(2), 1, 12, phrase, field);
            int day = number(m.group(3), 1, 31, phrase, field);
            return new Reading(phrase, null, dated(m.group(1), issuedOn, year -> validDay(year, month, day, phrase, field),
                    phrase, field), null);
        }
        m = MONTH_END.matcher(text);
        if (m.matches()) {
            int month = number(m.group(2), 1, 12, phrase, field);
            return new Reading(phrase, null, dated(m.group(1), issuedOn, year -> YearMonth.of(year, month).atEndOfMonth(),
                    phrase, field), null);
        }
        m = YEAR_END.matcher(text);
        if (m.matches()) {
            return new Reading(phrase, null, dated(m.group(1), issuedOn, year -> LocalDate.of(year, 12, 31), phrase, field),
                    null);
        }
        m = TEN_DAYS.matcher(text);
        if (m.matches()) {
            int month = number(m.group(2), 1, 12, phrase, field);
            String which = m.group(3);
            LocalDate end = dated(m.group(1), issuedOn, year -> endOfTenDays(YearMonth.of(year, month), which), phrase, field);
            LocalDate start = end.withDayOfMonth(which.startsWith("上") ? 1 : which.startsWith("中") ? 11 : 21);
            return m.group(4) != null ? new Reading(phrase, null, end, null) : new Reading(phrase, start, end, null);
        }
        throw DubanException.validation(field, "not a date (YYYY-MM-DD) nor a deadline phrase Duban reads: " + phrase
                + "; it reads " + FORMS);
    }

    private static LocalDate endOfTenDays(YearMonth month, String which) {
        return which.endsWith("上") ? month.atDay(10) : which.endsWith("中") ? month.atDay(20) : month.atEndOfMonth();
    }

    /** The day in the year the phrase names, or else in the first year that does not put it before the issue date. */
    private static LocalDate dated(String year, LocalDate issuedOn, Function<Integer, LocalDate> inYear, String phrase,
            String field) {
        LocalDate date;
        if (year != null) {
            date = inYear.apply(Integer.parseInt(year));
        } else {
            date = inYear.apply(issuedOn.getYear());
            if (date.isBefore(issuedOn)) {
                date = inYear.apply(issuedOn.getYear() + 1);
            }
        }
        return DateBounds.check(field, date);
    }

    private static LocalDate validDay(int year, int month, int day, String phrase, String field) {
        if (day > YearMonth.of(year, month).lengthOfMonth()) {
            throw DubanException.validation(field, "no such day: " + phrase);
        }
        return LocalDate.of(year, month, day);
    }

    private static int number(String digits, int min, int max, String phrase, String field) {
        int value = Integer.parseInt(digits);
        if (value < min || value > max) {
            throw DubanException.validation(field, "no such day or month: " + phrase);
        }
        return value;
    }
}
