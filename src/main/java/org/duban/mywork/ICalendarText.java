package org.duban.mywork;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes RFC 5545 text: CRLF line ends, lines folded at 75 octets without splitting a UTF-8 character,
 * TEXT values escaped, DATE and UTC DATE-TIME forms. Written by hand rather than with an iCalendar library,
 * which would need reflection registered for a native executable; the tests parse the output with ical4j.
 */
final class ICalendarText {

    private static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder();

    /** A property whose value is already in its RFC 5545 form (no escaping). */
    ICalendarText raw(String name, String value) {
        fold(name + ":" + value);
        return this;
    }

    ICalendarText text(String name, String value) {
        return raw(name, escape(value));
    }

    ICalendarText date(String name, LocalDate day) {
        return raw(name + ";VALUE=DATE", DATE.format(day));
    }

    ICalendarText utc(String name, Instant instant) {
        return raw(name, UTC.format(instant));
    }

    String build() {
        return out.toString();
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    private void fold(String line) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < line.length();) {
            int codePoint = line.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = MAX_OCTETS - 1; // the leading space of a continuation line counts
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
