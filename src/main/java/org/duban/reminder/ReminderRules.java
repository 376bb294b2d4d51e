package org.duban.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.duban.calendar.WorkingCalendar;

/**
 * The reminder policy as a function of the calendar: which reminders an open occurrence gives on the days
 * of a window. Pure, so that the preview and the scheduler cannot disagree.
 */
public final class ReminderRules {

    private final WorkingCalendar calendar;
    private final LocalTime timeOfDay;
    private final ZoneId zone;

    public ReminderRules(WorkingCalendar calendar, LocalTime timeOfDay, ZoneId zone) {
        this.calendar = calendar;
        this.timeOfDay = timeOfDay;
        this.zone = zone;
    }

    /** The reminders of the occurrence that fall on days from {@code from} to {@code to}, both included. */
    public List<DueReminder> remindersBetween(OpenOccurrence occurrence, LocalDate from, LocalDate to) {
        LocalDate due = occurrence.dueOn();
        Map<LocalDate, ReminderKind> unitDays = new TreeMap<>();
        Map<LocalDate, Integer> daysLeft = new TreeMap<>();
        for (int n : occurrence.daysBefore()) {
            LocalDate day = calendar.minusWorkingDays(due, n);
            collapse(unitDays, day, ReminderKind.BEFORE_DEADLINE);
            daysLeft.merge(day, n, Math::min);
        }
        // A deadline on a holiday is still owed on the day: the reminder comes on the last working day before.
        collapse(unitDays, calendar.workingDayOnOrBefore(due), ReminderKind.DUE_TODAY);
        unitDays.keySet().removeIf(day -> day.isBefore(from) || day.isAfter(to));

        List<DueReminder> result = new ArrayList<>();
        unitDays.forEach((day, kind) -> addForUnits(result, occurrence, day, kind, 0,
                kind == ReminderKind.BEFORE_DEADLINE ? daysLeft.get(day) : 0));

        LocalDate firstOverdue = from.isAfter(due) ? from : due.plusDays(1);
        int overdueDays = calendar.workingDaysBetween(due, firstOverdue.minusDays(1));
        for (LocalDate day = firstOverdue; !day.isAfter(to); day = day.plusDays(1)) {
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            overdueDays++;
            OverdueCadence cadence = occurrence.cadence();
            if (cadence.urgesOn(overdueDays)) {
                addForUnits(result, occurrence, day, ReminderKind.URGING, overdueDays, 0);
            } else if (cadence.remindsOn(overdueDays)) {
                addForUnits(result, occurrence, day, ReminderKind.OVERDUE, overdueDays, 0);
            }
            int escalated = overdueDays - occurrence.escalateAfterDays();
            if (escalated == 1 || (escalated > 1 && cadence.remindsOn(overdueDays))) {
                for (long account : occurrence.escalationAccountIds()) {
                    result.add(reminder(occurrence, new Recipient(Recipient.Kind.ACCOUNT, account), day,
                            ReminderKind.ESCALATION, overdueDays, 0));
                }
            }
        }
        return result;
    }

    /**
     * The first day on which the occurrence may give a reminder whose time is after {@code after}: whom it goes to
     * does not matter. While the occurrence stays open, every working day after its deadline is such a day (the
     * cadence may leave it without one), so there always is one.
     */
    public LocalDate nextReminderDay(OpenOccurrence occurrence, Instant after) {
        LocalDate due = occurrence.dueOn();
        LocalDate first = after.atZone(zone).toLocalDate();
        if (!isAfter(first, after)) {
            first = first.plusDays(1);
        }
        LocalDate next = null;
        List<LocalDate> beforeOrOnDue = new ArrayList<>(List.of(calendar.workingDayOnOrBefore(due)));
        occurrence.daysBefore().forEach(n -> beforeOrOnDue.add(calendar.minusWorkingDays(due, n)));
        for (LocalDate day : beforeOrOnDue) {
            if (!day.isBefore(first) && (next == null || day.isBefore(next))) {
                next = day;
            }
        }
        if (next != null) {
            return next;
        }
        LocalDate overdue = first.isAfter(due) ? first : due.plusDays(1);
        for (int i = 0; i < MAX_DAYS_OFF && !calendar.isWorkingDay(overdue); i++) {
            overdue = overdue.plusDays(1);
        }
        return overdue;
    }

    /** Longer than any run of holidays and weekends a calendar holds. */
    private static final int MAX_DAYS_OFF = 60;

    private boolean isAfter(LocalDate day, Instant after) {
        return day.atTime(timeOfDay).atZone(zone).toInstant().isAfter(after);
    }

    private void addForUnits(List<DueReminder> result, OpenOccurrence occurrence, LocalDate day, ReminderKind kind,
            int overdueDays, int daysLeft) {
        List<Recipient> recipients = occurrence.recipients().isEmpty()
                ? List.of(new Recipient(Recipient.Kind.TASK, occurrence.taskId()))
                : occurrence.recipients();
        for (Recipient recipient : recipients) {
            result.add(reminder(occurrence, recipient, day, kind, overdueDays, daysLeft));
        }
    }

    private DueReminder reminder(OpenOccurrence occurrence, Recipient recipient, LocalDate day, ReminderKind kind,
            int overdueDays, int daysLeft) {
        boolean calendarMissing = !calendar.covers(day) || !calendar.covers(occurrence.dueOn());
        return new DueReminder(occurrence.taskId(), occurrence.dueOn(), recipient, day,
                day.atTime(timeOfDay).atZone(zone).toInstant(), kind, calendarMissing, overdueDays, daysLeft,
                occurrence.milestone());
    }

    private static void collapse(Map<LocalDate, ReminderKind> days, LocalDate day, ReminderKind kind) {
        days.merge(day, kind, (a, b) -> a.urgency() >= b.urgency() ? a : b);
    }
}
