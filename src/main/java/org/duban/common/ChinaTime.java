package org.duban.common;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Deadlines are calendar dates in China Standard Time, whatever zone the server runs in. */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The instant the day begins in Asia/Shanghai: a period from..to is [startOf(from), startOf(to + 1)). */
    public static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toOffsetDateTime();
    }

    /** SQL for the Asia/Shanghai day of a timestamptz expression. */
    /** A date as documents write it: 2022年9月5日. */
    public static String dateWords(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    public static String daySql(String timestamp) {
        return "(" + timestamp + " at time zone '" + ZONE.getId() + "')::date";
    }
}
