package org.duban.reminder;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "duban.reminders")
public interface ReminderSettings {

    /** How often the scheduler runs (a Quarkus "every" value); "off" disables it. */
    @WithDefault("60s")
    String every();

    /** Time of day, Asia/Shanghai, at which a day's reminders fall due. */
    @WithDefault("09:00")
    String timeOfDay();

    /** Default policy: reminders this many working days before a deadline. */
    @WithDefault("7,3,1")
    List<Integer> daysBefore();

    /** Default policy: overdue reminders also go to the leading group after this many working days. */
    @WithDefault("3")
    int escalateAfterDays();

    /** Default policy: the automatic urging after this many working days overdue; unset, none. */
    java.util.Optional<Integer> urgeAfterDays();

    /** Default policy: overdue reminders every working day for this many working days overdue. */
    @WithDefault("3")
    int overdueDailyDays();

    /** Default policy: after those, an overdue reminder every this many working days. */
    @WithDefault("5")
    int overdueEveryDays();

    /** Default policy: a unit with more overdue items than this gets them in a weekly digest, not one message each. */
    @WithDefault("3")
    int digestAbove();

    /** Reminders whose time passed while no instance ran still go out if younger than this. */
    @WithDefault("PT72H")
    Duration catchUp();

    /** A reminder written this long after its time is marked late. */
    @WithDefault("PT15M")
    Duration lateAfter();

    /**
     * How many due tasks a run claims, plans and writes per transaction: bounds a run's memory and how long a task
     * edit may wait for the run's lock, whatever the number of due tasks.
     */
    @WithDefault("2000")
    int chunkTasks();

    /** Readiness fails when no run has completed for this long (since start, at first). */
    @WithDefault("PT5M")
    Duration readyWithin();
}
