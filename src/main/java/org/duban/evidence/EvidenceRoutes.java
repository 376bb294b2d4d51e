package org.duban.evidence;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.duban.access.Callers;
import org.duban.access.Callers.Caller;
import org.duban.common.DubanException;
import org.duban.common.ErrorCode;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.graphql.ErrorTranslation;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerFileUpload;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * POST /tasks/{taskId}/evidence (multipart, one part named "file") and GET /evidence/{id}, with the same bearer
 * token as GraphQL. The upload is streamed: its digest and size are taken as it arrives, it is refused as soon
 * as it passes the limit, and its type is told from its content before anything is stored.
 */
@ApplicationScoped
class EvidenceRoutes {

    private static final BiConsumer<RoutingContext, Throwable> LEAVE_TO_FAIL = (context, failure) -> {
    };
    private static final Logger LOG = Logger.getLogger(EvidenceRoutes.class);
    static final String FILE_PART = "file";
    private static final String UPLOAD_PATH = "/tasks/:taskId/evidence";
    /** Room for the multipart boundaries and headers around the file itself. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final EvidenceService service;
    private final long maxFileSize;

    EvidenceRoutes(EvidenceService service, EvidenceSettings settings,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.service = service;
        this.maxFileSize = settings.maxFileSize().asLongValue();
        if (maxBodySize.asLongValue() < maxFileSize + MULTIPART_OVERHEAD) {
            LOG.warnf("quarkus.http.limits.max-body-size (%d bytes) is below duban.evidence.max-file-size (%d bytes) and the"
                    + " multipart framing: uploads sent with \"Expect: 100-continue\" are refused sooner", maxBodySize.asLongValue(),
                    maxFileSize);
        }
    }

    void register(@Observes Router router) {
        router.post(UPLOAD_PATH).handler(this::upload);
        router.route(UPLOAD_PATH).handler(context -> methodNotAllowed(context, "POST"));
        router.get(Evidence.PATH + ":id").handler(this::download);
        router.route(Evidence.PATH + ":id").handler(context -> methodNotAllowed(context, "GET"));
    }

    private static void methodNotAllowed(RoutingContext context, String allowed) {
        context.response().putHeader("Allow", allowed);
        respond(context, 405, error(ErrorCode.VALIDATION, context.request().method().name() + " " + context.request().path()
                + " is not taken: " + allowed + " it"));
    }

    private void upload(RoutingContext context) {
        HttpServerRequest request = context.request();
        String contentType = request.getHeader("Content-Type");
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            // Anything else would never reach the upload handler, and the request would wait for a file that never comes.
            respond(context, 415, error(ErrorCode.VALIDATION, "Send the file as multipart/form-data, in the part named \""
                    + FILE_PART + "\""));
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null && parseLength(length) > maxFileSize + MULTIPART_OVERHEAD) {
            tooLarge(context);
            return;
        }
        request.pause();
        long taskId;
        try {
            taskId = Ids.parse(context.pathParam("taskId"), IdKind.TASK);
        } catch (DubanException notOurs) {
            fail(context, notOurs);
            return;
        }
        caller(context)
                .call(caller -> service.requireContributor(taskId, caller))
                .subscribe().with(caller -> receive(context, taskId, caller), failure -> fail(context, failure));
    }

    private void receive(RoutingContext context, long taskId, Caller caller) {
        HttpServerRequest request = context.request();
        Receiving receiving = new Receiving();
        request.setExpectMultipart(true);
        request.uploadHandler(upload -> receiving.start(upload));
        request.exceptionHandler(failure -> receiving.failed = true);
        request.endHandler(end -> {
            if (receiving.failed) {
                fail(context, DubanException.validation(FILE_PART, "the upload broke off"));
            } else if (receiving.tooLarge) {
                tooLarge(context);
            } else if (receiving.fileName == null) {
                fail(context, DubanException.validation(FILE_PART, "send the file as the multipart part named \"" + FILE_PART + "\""));
            } else {
                store(context, taskId, caller, receiving);
            }
        });
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            // The caller may add evidence to this task: now the file may come.
            request.response().writeContinue();
        }
        request.resume();
    }

    private void store(RoutingContext context, long taskId, Caller caller, Receiving receiving) {
        byte[] bytes = receiving.content.getBytes();
        var type = EvidenceType.of(bytes);
        if (type.isEmpty()) {
            respond(context, 415, error(ErrorCode.VALIDATION, "Evidence is a PDF, OFD, JPEG, PNG, DOCX or XLSX file, told by its"
                    + " content; this one is none of them"));
            return;
        }
        String sha256 = HexFormat.of().formatHex(receiving.digest.digest());
        service.addFile(taskId, receiving.fileName, type.get(), sha256,
                io.vertx.mutiny.core.buffer.Buffer.newInstance(receiving.content), caller)
                .subscribe().with(evidence -> respond(context, 201, new JsonObject()
                        .put("id", Ids.of(IdKind.EVIDENCE, evidence.id()))
                        .put("fileName", evidence.fileName())
                        .put("contentType", evidence.contentType())
                        .put("sizeBytes", evidence.sizeBytes())
                        .put("sha256", evidence.sha256())
                        .put("downloadPath", evidence.downloadPath())), failure -> fail(context, failure));
    }

    private void download(RoutingContext context) {
        long id;
        try {
            id = Ids.parse(context.pathParam("id"), IdKind.EVIDENCE);
        } catch (DubanException notOurs) {
            fail(context, notOurs);
            return;
        }
        caller(context).chain(caller -> service.file(id, caller)).subscribe().with(file -> {
            if (file == null || file.content() == null) {
                fail(context, DubanException.notFound("Evidence", id));
                return;
            }
            Evidence evidence = file.evidence();
            context.response()
                    .putHeader("Content-Type", evidence.contentType())
                    .putHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                            + URLEncoder.encode(evidence.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Cache-Control", "private, no-store")
                    .putHeader("ETag", "\"" + evidence.sha256() + "\"")
                    .putHeader("Digest", "sha-256=" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(evidence.sha256())))
                    .end(file.content().getDelegate());
        }, failure -> fail(context, failure));
    }

    /** The signed-in caller; UNAUTHENTICATED without a valid token. */
    private static Uni<Caller> caller(RoutingContext context) {
        // A failure to establish who asks (the database out of reach, say) is answered by fail(), with its status,
        // not by Quarkus' default handler with a bare 500.
        context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, LEAVE_TO_FAIL);
        Uni<SecurityIdentity> identity = context.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        if (identity == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return identity.map(Callers::of).invoke(caller -> {
            if (caller.accountId() == null) {
                throw new AuthenticationFailedException();
            }
        });
    }

    /** The codes GraphQL answers with, as HTTP statuses; the database out of reach is 503, as for calendar feeds. */
    private static void fail(RoutingContext context, Throwable failure) {
        if (failure instanceof AuthenticationFailedException) {
            respond(context, 401, error(ErrorCode.UNAUTHENTICATED, "Sign in and send Authorization: Bearer <token>"));
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

    private void tooLarge(RoutingContext context) {
        // The rest of the body is not read: the connection closes after the answer.
        context.response().putHeader("Connection", "close");
        respond(context, 413, error(ErrorCode.VALIDATION, "Evidence files are at most " + maxFileSize + " bytes"));
    }

    private static JsonObject error(ErrorCode code, String message) {
        return new JsonObject().put("code", code.name()).put("message", message);
    }

    private static void respond(RoutingContext context, int status, JsonObject body) {
        if (context.response().ended()) {
            return;
        }
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    private static long parseLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** One upload as it arrives: the first part named "file"; other parts are read and dropped. */
    private final class Receiving {
        final Buffer content = Buffer.buffer();
        final MessageDigest digest = sha256();
        String fileName;
        boolean tooLarge;
        boolean failed;

        void start(HttpServerFileUpload upload) {
            if (!FILE_PART.equals(upload.name()) || fileName != null) {
                upload.handler(ignored -> { });
                return;
            }
            fileName = upload.filename();
            upload.handler(chunk -> {
                if (tooLarge) {
                    return;
                }
                if ((long) content.length() + chunk.length() > maxFileSize) {
                    tooLarge = true;
                    return;
                }
                content.appendBuffer(chunk);
                digest.update(chunk.getBytes());
            });
            upload.exceptionHandler(failure -> failed = true);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
