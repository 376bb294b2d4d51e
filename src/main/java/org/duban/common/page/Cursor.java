package org.duban.common.page;

import java.nio.charset.StandardCharsets;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.util.Base64;
import java.util.List;

import org.duban.common.DubanException;

/**
 * Opaque keyset cursors: the sort key of the last row seen, so a page continues after that row however
 * many rows were inserted or deleted meanwhile (an offset would shift).
 */
public final class Cursor {

    private static final String VERSION = "1";
    private static final String SEPARATOR = "|";

    private Cursor() {
    }

    /** A cursor of a kind (one per ordering), so that one from another list is refused. */
    public static String encode(String kind, String... parts) {
        StringBuilder plain = new StringBuilder(VERSION).append(SEPARATOR).append(kind);
        for (String part : parts) {
            plain.append(SEPARATOR).append(URLEncoder.encode(part, StandardCharsets.UTF_8));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor made by {@link #encode}; VALIDATION on {@code after} for anything else. */
    public static List<String> decode(String cursor, String kind, int expectedParts) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(plain.split("\\" + SEPARATOR, -1));
            if (parts.size() == expectedParts + 2 && parts.get(0).equals(VERSION) && parts.get(1).equals(kind)) {
                return parts.subList(2, parts.size()).stream().map(p -> URLDecoder.decode(p, StandardCharsets.UTF_8)).toList();
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw invalid();
    }

    /** A row id carried in a cursor; VALIDATION on {@code after} if it is not one. */
    public static long id(String part) {
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    public static DubanException invalid() {
        return DubanException.validation("after", "not a cursor returned by this API");
    }
}
