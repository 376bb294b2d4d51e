package org.duban.account;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.AuthConfig;
import org.duban.common.DubanException;

/** The minimum a password set through the API must meet; a refusal is VALIDATION on the password field. */
@ApplicationScoped
public class PasswordPolicy {

    /** bcrypt ignores everything after 72 bytes. */
    private static final int BCRYPT_LIMIT_BYTES = 72;

    private final AuthConfig config;

    PasswordPolicy(AuthConfig config) {
        this.config = config;
    }

    public void check(String field, String username, String password) {
        if (password == null || password.length() < config.passwordMinLength()) {
            throw DubanException.validation(field, "must be at least " + config.passwordMinLength() + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_LIMIT_BYTES) {
            throw DubanException.validation(field, "must be at most " + BCRYPT_LIMIT_BYTES + " bytes long");
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            throw DubanException.validation(field, "must contain a letter and a digit");
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw DubanException.validation(field, "must not contain the username");
        }
    }
}
