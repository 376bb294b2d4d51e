package org.duban.reminder;

/**
 * How overdue work is reminded: every working day for the first {@code dailyDays} working days overdue, then every
 * {@code everyDays}; once, after {@code urgeAfterDays} (null: never), an automatic urging in place of that day's
 * reminder; and a unit with more than {@code digestAbove} overdue items gets them in a weekly digest instead.
 */
public record OverdueCadence(Integer urgeAfterDays, int dailyDays, int everyDays, int digestAbove) {

    /** Whether the {@code n}th working day overdue (1 the first) gives an overdue reminder. */
    public boolean remindsOn(int n) {
        return n <= dailyDays || (n - dailyDays) % everyDays == 0;
    }

    /** Whether the {@code n}th working day overdue is the ladder's automatic urging. */
    public boolean urgesOn(int n) {
        return urgeAfterDays != null && n == urgeAfterDays + 1;
    }
}
