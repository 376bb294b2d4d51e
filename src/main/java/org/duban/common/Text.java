package org.duban.common;

import java.util.List;

/** Normalising free text from inputs and documents. */
public final class Text {

    private Text() {
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static String[] stripped(List<String> values) {
        return values == null ? new String[0] : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toArray(String[]::new);
    }
}
