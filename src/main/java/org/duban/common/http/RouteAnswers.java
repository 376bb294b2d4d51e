package org.duban.common.http;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.duban.common.ErrorCode;
import org.duban.common.graphql.ErrorTranslation;

import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * How the plain HTTP routes (uploads, downloads, exports) answer a failure: the same codes and messages GraphQL gives,
 * as a JSON body {@code {code, message}} with the matching HTTP status, never a stack trace or class name.
 */
public final class RouteAnswers {

    private static final Logger LOG = Logger.getLogger(RouteAnswers.class);

    private RouteAnswers() {
    }

    public static void fail(RoutingContext context, Throwable failure) {
        if (failure instanceof AuthenticationFailedException) {
            respond(context, 401, error(ErrorCode.UNAUTHENTICATED, "Sign in and send Authorization: Bearer <token>"));
            return;
        }
        if (failure instanceof FileTooLarge tooLarge) {
            // The rest of the body is not read: the connection closes after the answer.
            context.response().putHeader("Connection", "close");
            respond(context, 413, error(ErrorCode.VALIDATION, tooLarge.getMessage()));
            return;
        }
        ErrorTranslation.Translated translated = ErrorTranslation.of(failure);
        int status = switch (translated.code()) {
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case UNAUTHENTICATED -> 401;
            case CONFLICT -> 409;
            case UNAVAILABLE -> 503;
            case INTERNAL -> 500;
            default -> 400;
        };
        respond(context, status, error(translated.code(), translated.message()));
    }

    public static void methodNotAllowed(RoutingContext context, String allowed) {
        context.response().putHeader("Allow", allowed);
        respond(context, 405, error(ErrorCode.VALIDATION, context.request().method().name() + " " + context.request().path()
                + " is not taken: " + allowed + " it"));
    }

    /**
     * Sends a file made for this request as a download, and deletes it once sent (or once the client went away). The
     * name is given as UTF-8 (RFC 6266), so 任务台账.xlsx arrives as it is called.
     */
    public static void temporaryAttachment(RoutingContext context, Path file, String contentType, String fileName) {
        if (context.response().closed()) {
            delete(file);
            return;
        }
        context.response()
                .putHeader("Content-Type", contentType)
                .putHeader("Content-Disposition", attachment(fileName))
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Cache-Control", "private, no-store")
                .sendFile(file.toString())
                .onComplete(sent -> delete(file));
    }

    /** A Content-Disposition that names the file in UTF-8 (RFC 6266), as browsers save it. */
    public static String attachment(String fileName) {
        return "attachment; filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not delete the temporary file %s: %s", file, e.getMessage());
        }
    }

    public static JsonObject error(ErrorCode code, String message) {
        return new JsonObject().put("code", code.name()).put("message", message);
    }

    public static void respond(RoutingContext context, int status, JsonObject body) {
        if (context.response().ended()) {
            return;
        }
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
}
