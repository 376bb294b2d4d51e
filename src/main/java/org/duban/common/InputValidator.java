package org.duban.common;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Checks an input record against its Bean Validation constraints before a write starts, so that bad
 * input changes nothing; every problem is listed, the first one also as {@code extensions.field}.
 */
@ApplicationScoped
public class InputValidator {

    private final Validator validator;

    InputValidator(Validator validator) {
        this.validator = validator;
    }

    public <T> T check(String argument, T input) {
        if (input == null) {
            throw DubanException.validation(argument, "is required");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (violations.isEmpty()) {
            InputChecks.check(argument, input);
            return input;
        }
        List<String[]> problems = violations.stream()
                .map(v -> new String[] { argument + "." + v.getPropertyPath(), v.getMessage() })
                .sorted(Comparator.comparing((String[] p) -> p[0]))
                .toList();
        String message = problems.stream().map(p -> p[0] + ": " + p[1]).collect(Collectors.joining("; "));
        throw new DubanException(ErrorCode.VALIDATION, message, problems.get(0)[0]);
    }
}
