package org.duban.reminder;

import java.util.Locale;

/**
 * Who a reminder is for: a responsible unit, an escalation account, or, so that nothing is dropped
 * silently, an assigned unit set without members or a task without any unit (both undeliverable).
 */
public record Recipient(Kind kind, long id) {

    public enum Kind { UNIT, ACCOUNT, SET, TASK }

    /** The stable key in the reminder's unique constraint. */
    public String key() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + id;
    }

    /** The recipient a {@link #key()} names. */
    public static Recipient parse(String key) {
        int colon = key.indexOf(':');
        return new Recipient(Kind.valueOf(key.substring(0, colon).toUpperCase(Locale.ROOT)), Long.parseLong(key.substring(colon + 1)));
    }

    public Long unitId() {
        return kind == Kind.UNIT ? id : null;
    }

    public Long accountId() {
        return kind == Kind.ACCOUNT ? id : null;
    }
}
