package org.duban.common.graphql;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.json.JsonObject;

/**
 * SmallRye reports a bad scalar inside an input object as "argument 'filter' with value 'StringValue{value='{…the
 * whole input…}'}' is not a valid 'Unknown Scalar Type [org.duban.plan.TaskFilter]'": the input echoed and a class
 * named. This finds the field of the input whose value does not parse as its type and says only that.
 */
final class InvalidInputMessages {

    private static final Pattern SMALLRYE_INPUT = Pattern.compile(
            "argument '([^']+)' with value 'StringValue\\{value='(.*)'}' is not a valid 'Unknown Scalar Type \\[([\\w.$]+)]'",
            Pattern.DOTALL);

    /**
     * graphql-java's own validation messages quote the argument as its syntax tree ("with value
     * 'ObjectValue{objectFields=[ObjectField{name='planId', …}]}'"): the names of its classes, and the input again.
     */
    private static final Pattern ECHOED_VALUE = Pattern.compile(
            " with value '(?:Object|Array|String|Int|Float|Enum|Boolean|Null)Value\\{.*}'(?= is | contains | must )", Pattern.DOTALL);
    /** SmallRye's conversion messages quote single values as syntax-tree nodes, after a message number. */
    private static final Pattern NODE_VALUE = Pattern.compile("\\b(?:String|Int|Float|Enum|Boolean)Value\\{(?:value|name)=(.*?)}");
    private static final Pattern MESSAGE_NUMBER = Pattern.compile("SRGQL\\d+: ");
    private static final Pattern RULE_PREFIX = Pattern.compile("^Validation error \\(\\w+@\\[([^\\]]*)]\\) : ");

    record Problem(String field, String message) {
    }

    /** The message without the syntax tree of the value it refuses, nor the name of graphql-java's rule. */
    static String withoutEchoedValue(String message) {
        if (message == null) {
            return null;
        }
        String shorter = ECHOED_VALUE.matcher(message).replaceFirst("");
        shorter = MESSAGE_NUMBER.matcher(NODE_VALUE.matcher(shorter).replaceAll("$1")).replaceAll("");
        return RULE_PREFIX.matcher(shorter)
                .replaceFirst(path -> path.group(1).isEmpty() ? "" : Matcher.quoteReplacement(path.group(1) + ": "));
    }

    private InvalidInputMessages() {
    }

    static Optional<Problem> of(String message) {
        Matcher input = message == null ? null : SMALLRYE_INPUT.matcher(message);
        if (input == null || !input.matches()) {
            return Optional.empty();
        }
        String argument = input.group(1);
        try {
            JsonObject values = new JsonObject(input.group(2));
            Class<?> type = Class.forName(input.group(3), false, InvalidInputMessages.class.getClassLoader());
            if (type.isRecord() && type.getRecordComponents() != null) {
                for (RecordComponent component : type.getRecordComponents()) {
                    Object value = values.getValue(component.getName());
                    String problem = value instanceof String text ? problem(component.getType(), text) : null;
                    if (problem != null) {
                        return Optional.of(new Problem(argument + "." + component.getName(),
                                argument + "." + component.getName() + ": " + problem));
                    }
                }
            }
        } catch (RuntimeException | ClassNotFoundException unreadable) {
            // said in general below
        }
        return Optional.of(new Problem(argument, argument + ": a value in it is not of its field's type"));
    }

    /** Why the text is not a value of the type, or null when it is (or the type is not a scalar with a format). */
    private static String problem(Class<?> type, String text) {
        try {
            if (type == LocalDate.class) {
                LocalDate.parse(text);
            } else if (type == Instant.class || type == OffsetDateTime.class) {
                OffsetDateTime.parse(text);
            } else if (type == BigDecimal.class) {
                new BigDecimal(text);
            } else {
                return null;
            }
            return null;
        } catch (RuntimeException e) {
            String expected = type == LocalDate.class ? "a date (YYYY-MM-DD)"
                    : type == BigDecimal.class ? "a decimal number" : "a date and time with its offset (ISO-8601)";
            return "not " + expected + ": " + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
        }
    }
}
