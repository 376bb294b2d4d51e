package org.duban.ledger;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.duban.common.DubanException;

import io.vertx.core.MultiMap;

/**
 * An export's filters as query parameters, read as GraphQL reads the same filter's fields: names as in the API, ids
 * as the API gives them, dates YYYY-MM-DD, enums by name (a list comma-separated or repeated), booleans true/false.
 * An unknown parameter is VALIDATION rather than silently ignored: a mistyped filter would export everything.
 */
final class QueryParameters {

    private final MultiMap params;

    QueryParameters(MultiMap params, Set<String> known) {
        this.params = params;
        for (String name : params.names()) {
            if (!known.contains(name)) {
                throw DubanException.validation(name, "is not a filter of this export; it takes " + String.join(", ", known));
            }
        }
    }

    String text(String name) {
        String value = params.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    LocalDate date(String name) {
        String value = text(name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw DubanException.validation(name, "is not a date (YYYY-MM-DD)");
        }
    }

    Boolean bool(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw DubanException.validation(name, "is true or false");
        };
    }

    <E extends Enum<E>> List<E> enums(String name, Class<E> type) {
        List<E> values = new ArrayList<>();
        for (String listed : params.getAll(name)) {
            for (String item : listed.split(",")) {
                if (!item.isBlank()) {
                    values.add(enumValue(name, type, item.strip()));
                }
            }
        }
        return values.isEmpty() ? null : values;
    }

    <E extends Enum<E>> E one(String name, Class<E> type) {
        String value = text(name);
        return value == null ? null : enumValue(name, type, value);
    }

    private static <E extends Enum<E>> E enumValue(String name, Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw DubanException.validation(name, "is one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
