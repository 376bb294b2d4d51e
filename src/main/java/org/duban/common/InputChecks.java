package org.duban.common;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What every input record is held to besides its Bean Validation constraints, field by field, nested records and
 * lists of them included: dates within {@link DateBounds}, and text that PostgreSQL can store as it was sent (no
 * NUL character, no half of a surrogate pair, which would be stored as "?"); and text that must not be empty
 * ({@code @NotBlank}, or {@code @Size} of at least one) holds something a reader can see, not only spaces or
 * invisible format characters such as zero-width spaces.
 */
public final class InputChecks {

    private InputChecks() {
    }

    /** VALIDATION naming the first field of {@code value} (at {@code path}) that fails. */
    public static void check(String path, Object value) {
        if (value instanceof LocalDate date) {
            DateBounds.check(path, date);
        } else if (value instanceof String text) {
            requireStorable(path, text);
        } else if (value instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                check(path + "[" + i + "]", items.get(i));
            }
        } else if (value != null && value.getClass().isRecord() && value.getClass().getRecordComponents() != null) {
            // Null where a native image keeps no record metadata for the type: then the database's own checks remain.
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    Object field = component.getAccessor().invoke(value);
                    check(path + "." + component.getName(), field);
                    if (field instanceof String text && mustShowSomething(component) && !showsSomething(text)) {
                        throw DubanException.validation(path + "." + component.getName(), "must not be blank");
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + path + "." + component.getName(), e);
                }
            }
        }
    }

    private static boolean mustShowSomething(RecordComponent component) {
        Size size = component.getAccessor().getAnnotation(Size.class);
        return component.getAccessor().isAnnotationPresent(NotBlank.class) || size != null && size.min() > 0;
    }

    private static boolean showsSomething(String text) {
        return text.codePoints().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && Character.getType(c) != Character.FORMAT);
    }

    /** The text, or VALIDATION when it holds a NUL or an unpaired surrogate. */
    public static String requireStorable(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                throw DubanException.validation(field, "contains a NUL character");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw DubanException.validation(field, "contains half of a UTF-16 surrogate pair at position " + i);
            }
        }
        return text;
    }
}
