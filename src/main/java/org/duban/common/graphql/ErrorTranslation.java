package org.duban.common.graphql;

import java.net.ConnectException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import org.duban.common.DubanException;
import org.duban.common.ErrorCode;
import org.duban.common.sql.SqlStates;
import org.jboss.logging.Logger;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.GraphQLError;
import graphql.validation.ValidationError;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns whatever went wrong into what a client may see: one {@link ErrorCode}, a message without stack
 * traces, class names or SQL, and for VALIDATION the field. Unexpected faults are logged here with an
 * incident id that the client also gets.
 */
public final class ErrorTranslation {

    private static final Logger LOG = Logger.getLogger(ErrorTranslation.class);
    /** Requests failing for the database within this of each other belong to one outage. */
    private static final Duration OUTAGE_QUIET = Duration.ofMinutes(1);
    private static final AtomicLong lastUnavailable = new AtomicLong();
    private static final Pattern ARGUMENT_NAME = Pattern.compile("argument '([^']+)'");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[Vv]ariable '([^']+)'");

    public record Translated(ErrorCode code, String message, String field) {
    }

    private ErrorTranslation() {
    }

    static Translated of(GraphQLError error) {
        if (error instanceof ExceptionWhileDataFetching fetching) {
            return of(fetching.getException());
        }
        ErrorClassification type = error.getErrorType();
        // graphql-java refuses introspection that asks for the same type fields over and over ("in good faith").
        if (error instanceof ValidationError || type == ErrorType.ValidationError || type == ErrorType.InvalidSyntax
                || type == ErrorType.ExecutionAborted || type != null && "BadFaithIntrospection".equals(type.toSpecification(error))) {
            return InvalidInputMessages.of(error.getMessage())
                    .map(problem -> new Translated(ErrorCode.VALIDATION, problem.message(), problem.field()))
                    .orElseGet(() -> new Translated(ErrorCode.VALIDATION, InvalidInputMessages.withoutEchoedValue(error.getMessage()),
                            fieldNamedIn(error.getMessage())));
        }
        return internal(new IllegalStateException(error.getMessage()));
    }

    /** Also for the REST routes, whose failures answer with the same codes. */
    public static Translated of(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof DubanException known) {
                return new Translated(known.code(), known.getMessage(), known.field());
            }
            if (t instanceof UnauthorizedException || t instanceof AuthenticationException) {
                return new Translated(ErrorCode.UNAUTHENTICATED,
                        "Authentication required: send a valid token as Authorization: Bearer <token>", null);
            }
            if (t instanceof ForbiddenException) {
                return new Translated(ErrorCode.FORBIDDEN, "Your role may not perform this operation", null);
            }
            if (t instanceof ConstraintViolationException violations) {
                return violation(violations);
            }
            if (t instanceof DateTimeParseException unparsed) {
                // A batched field's argument reaches SmallRye's conversion only when the field is fetched.
                String text = unparsed.getParsedString();
                return new Translated(ErrorCode.VALIDATION, "not a date (YYYY-MM-DD) or a date and time (ISO-8601): "
                        + (text.length() > 40 ? text.substring(0, 40) + "…" : text), null);
            }
            String sqlState = SqlStates.of(t);
            if (sqlState != null) {
                return database(sqlState, thrown);
            }
            if (isConnectionFailure(t)) {
                return unavailable(thrown);
            }
        }
        return internal(thrown);
    }

    private static Translated violation(ConstraintViolationException violations) {
        ConstraintViolation<?> first = violations.getConstraintViolations().iterator().next();
        String field = first.getPropertyPath().toString();
        return new Translated(ErrorCode.VALIDATION, field + ": " + first.getMessage(), field);
    }

    private static Translated database(String state, Throwable thrown) {
        if (state.equals(SqlStates.UNIQUE_VIOLATION) || state.equals("40001") || state.equals("40P01")) {
            return new Translated(ErrorCode.CONFLICT, "The change collides with another one; reload and try again", null);
        }
        if (state.equals(SqlStates.REGION_NOT_GOVERNED)) {
            return new Translated(ErrorCode.FORBIDDEN, "This belongs to a region you oversee but do not administer", null);
        }
        if (state.equals(SqlStates.REGION_OUT_OF_SCOPE)) {
            return new Translated(ErrorCode.NOT_FOUND, "No such object", null);
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P03") || state.equals("53300")) {
            return unavailable(thrown);
        }
        return internal(thrown);
    }

    private static boolean isConnectionFailure(Throwable t) {
        if (t instanceof ConnectException || t instanceof java.nio.channels.ClosedChannelException) {
            return true;
        }
        String name = t.getClass().getName();
        return name.equals("io.vertx.sqlclient.ClosedConnectionException")
                || name.equals("io.netty.channel.ConnectTimeoutException")
                || name.startsWith("io.netty.channel.AbstractChannel$AnnotatedConnectException");
    }

    private static Translated unavailable(Throwable thrown) {
        String incident = incident();
        long now = System.nanoTime();
        long previous = lastUnavailable.getAndSet(now);
        if (previous == 0 || now - previous > OUTAGE_QUIET.toNanos()) {
            // The first failure of an outage carries the trace; the rest of it, one line each.
            LOG.warnf(thrown, "Incident %s: a dependency is unavailable", incident);
        } else {
            LOG.warnf("Incident %s: a dependency is unavailable (%s)", incident, thrown);
        }
        return new Translated(ErrorCode.UNAVAILABLE,
                "The service cannot reach its database right now; try again later (incident " + incident + ")", null);
    }

    private static Translated internal(Throwable thrown) {
        String incident = incident();
        LOG.errorf(thrown, "Incident %s: unexpected failure while answering a GraphQL request", incident);
        return new Translated(ErrorCode.INTERNAL, "Internal error (incident " + incident + ")", null);
    }

    private static String incident() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String fieldNamedIn(String message) {
        if (message == null) {
            return null;
        }
        Matcher argument = ARGUMENT_NAME.matcher(message);
        if (argument.find()) {
            return argument.group(1);
        }
        Matcher variable = VARIABLE_NAME.matcher(message);
        return variable.find() ? variable.group(1) : null;
    }
}
