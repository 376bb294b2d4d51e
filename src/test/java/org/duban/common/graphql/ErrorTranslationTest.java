package org.duban.common.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;

import org.duban.common.DubanException;
import org.duban.common.ErrorCode;
import org.junit.jupiter.api.Test;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;

/** What a client learns from each kind of failure: nothing internal, ever. */
class ErrorTranslationTest {

    @Test
    void anUnexpectedFailureIsInternalWithAnIncidentIdAndNoDetail() {
        var t = ErrorTranslation.of(new IllegalStateException("select * from account where password_hash = 'x'"));
        assertThat(t.code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(t.message()).matches("Internal error \\(incident [0-9a-f]{8}\\)");
    }

    @Test
    void anSqlErrorIsInternalAndItsTextStaysInTheLog() {
        var t = ErrorTranslation.of(new RuntimeException(new PgException("relation \"x\" does not exist", "ERROR", "42P01", "detail")));
        assertThat(t.code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(t.message()).doesNotContain("relation", "42P01");
    }

    @Test
    void anUnreachableDatabaseIsUnavailable() {
        assertThat(ErrorTranslation.of(new RuntimeException(new ConnectException("Connection refused"))).code())
                .isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(ErrorTranslation.of(new PgException("terminating connection", "FATAL", "57P01", null)).code())
                .isEqualTo(ErrorCode.UNAVAILABLE);
    }

    @Test
    void aUniqueViolationIsAConflict() {
        assertThat(ErrorTranslation.of(new PgException("duplicate key", "ERROR", "23505", null)).code())
                .isEqualTo(ErrorCode.CONFLICT);
    }

    @Test
    void securityFailuresAreUnauthenticatedOrForbidden() {
        assertThat(ErrorTranslation.of(new UnauthorizedException()).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
        assertThat(ErrorTranslation.of(new AuthenticationFailedException("bad signature")).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
        assertThat(ErrorTranslation.of(new ForbiddenException()).code()).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void ourOwnFailuresKeepTheirCodeMessageAndField() {
        var t = ErrorTranslation.of(new RuntimeException("wrapped", DubanException.validation("input.code", "is blank")));
        assertThat(t.code()).isEqualTo(ErrorCode.VALIDATION);
        assertThat(t.field()).isEqualTo("input.code");
        assertThat(t.message()).isEqualTo("input.code: is blank");
    }
}
