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
    public static String daySql(String timestamp) {
        return "(" + timestamp + " at time zone '" + ZONE.getId() + "')::date";
    }
}
