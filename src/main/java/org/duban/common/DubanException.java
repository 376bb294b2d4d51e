package org.duban.common;

/**
 * A failure the caller should see as it is: the message is meant for the client, the code goes to
 * {@code extensions.code}, and {@code field} (for VALIDATION) to {@code extensions.field}.
 */
public class DubanException extends RuntimeException {

    private final ErrorCode code;
    private final String field;

    public DubanException(ErrorCode code, String message, String field) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
    }

    public static DubanException validation(String field, String problem) {
        return new DubanException(ErrorCode.VALIDATION, field + ": " + problem, field);
    }

    /** Echoes an id as the caller wrote it; a row key (a number) is never written out, since ids keep theirs secret. */
    public static DubanException notFound(String what, Object id) {
        return new DubanException(ErrorCode.NOT_FOUND, id instanceof Number || id == null ? what + " not found"
                : what + " not found: " + id, null);
    }

    public static DubanException conflict(String message) {
        return new DubanException(ErrorCode.CONFLICT, message, null);
    }

    public static DubanException invalidTransition(String message) {
        return new DubanException(ErrorCode.INVALID_TRANSITION, message, null);
    }

    public ErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }
}
