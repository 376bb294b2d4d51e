package org.duban.common.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import org.duban.common.DubanException;
import org.duban.common.ErrorCode;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerFileUpload;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * One file sent as multipart/form-data in the part named {@value #FILE_PART}, received in memory up to a limit. A
 * route checks the request's headers first ({@link #refused}), pauses it while it decides whether the caller may
 * upload at all, then {@link #receive}s: the body is read only once the caller is known, and a file over the limit
 * is dropped as it arrives.
 */
public final class FileUploads {

    public static final String FILE_PART = "file";
    /** Room for the multipart boundaries and headers around the file itself. */
    public static final long MULTIPART_OVERHEAD = 64 * 1024;

    /** A received file, its SHA-256 taken as it arrived. */
    public record Received(String fileName, Buffer content, String sha256) {
    }

    private final String what;
    private final long maxBytes;

    /** {@code what}: the files' name in messages, plural ("Evidence files"). */
    public FileUploads(String what, long maxBytes) {
        this.what = what;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Answers and returns true when the headers already rule the upload out: not multipart (the request would wait
     * for a file that never comes), or announced larger than the limit.
     */
    public boolean refused(RoutingContext context) {
        HttpServerRequest request = context.request();
        String contentType = request.getHeader("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            RouteAnswers.respond(context, 415, RouteAnswers.error(ErrorCode.VALIDATION,
                    "Send the file as multipart/form-data, in the part named \"" + FILE_PART + "\""));
            return true;
        }
        String length = request.getHeader("Content-Length");
        if (length != null && parseLength(length) > maxBytes + MULTIPART_OVERHEAD) {
            RouteAnswers.fail(context, new FileTooLarge(what, maxBytes));
            return true;
        }
        return false;
    }

    /** Reads the paused request's body; fails with {@link FileTooLarge} or VALIDATION. */
    public Uni<Received> receive(RoutingContext context) {
        return Uni.createFrom().emitter(emitter -> {
            HttpServerRequest request = context.request();
            Receiving receiving = new Receiving();
            request.setExpectMultipart(true);
            request.uploadHandler(receiving::start);
            request.exceptionHandler(failure -> receiving.failed = true);
            request.endHandler(end -> {
                if (receiving.failed) {
                    emitter.fail(DubanException.validation(FILE_PART, "the upload broke off"));
                } else if (receiving.tooLarge) {
                    emitter.fail(new FileTooLarge(what, maxBytes));
                } else if (receiving.fileName == null) {
                    emitter.fail(DubanException.validation(FILE_PART, "send the file as the multipart part named \"" + FILE_PART + "\""));
                } else {
                    emitter.complete(new Received(receiving.fileName, receiving.content,
                            HexFormat.of().formatHex(receiving.digest.digest())));
                }
            });
            if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
                // The caller may upload here: now the file may come.
                request.response().writeContinue();
            }
            request.resume();
        });
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
                if ((long) content.length() + chunk.length() > maxBytes) {
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
