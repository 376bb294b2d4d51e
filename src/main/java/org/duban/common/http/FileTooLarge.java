package org.duban.common.http;

/** An upload over its route's limit: answered 413 and the connection closed, the rest of the body unread. */
public final class FileTooLarge extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FileTooLarge(String what, long maxBytes) {
        super(what + " are at most " + maxBytes + " bytes", null, false, false);
    }
}
