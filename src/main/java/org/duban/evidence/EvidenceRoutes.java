package org.duban.evidence;

import java.util.Base64;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.duban.access.Callers.Caller;
import org.duban.access.RouteCallers;
import org.duban.common.DubanException;
import org.duban.common.ErrorCode;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.http.FileUploads;
import org.duban.common.http.RouteAnswers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.mutiny.Uni;
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

    private static final Logger LOG = Logger.getLogger(EvidenceRoutes.class);
    static final String FILE_PART = FileUploads.FILE_PART;
    private static final String UPLOAD_PATH = "/tasks/:taskId/evidence";

    private final EvidenceService service;
    private final FileUploads uploads;

    EvidenceRoutes(EvidenceService service, EvidenceSettings settings,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.service = service;
        long maxFileSize = settings.maxFileSize().asLongValue();
        this.uploads = new FileUploads("Evidence files", maxFileSize);
        if (maxBodySize.asLongValue() < maxFileSize + FileUploads.MULTIPART_OVERHEAD) {
            LOG.warnf("quarkus.http.limits.max-body-size (%d bytes) is below duban.evidence.max-file-size (%d bytes) and the"
                    + " multipart framing: uploads sent with \"Expect: 100-continue\" are refused sooner", maxBodySize.asLongValue(),
                    maxFileSize);
        }
    }

    void register(@Observes Router router) {
        router.post(UPLOAD_PATH).handler(this::upload);
        router.route(UPLOAD_PATH).handler(context -> RouteAnswers.methodNotAllowed(context, "POST"));
        router.get(Evidence.PATH + ":id").handler(this::download);
        router.route(Evidence.PATH + ":id").handler(context -> RouteAnswers.methodNotAllowed(context, "GET"));
    }

    private void upload(RoutingContext context) {
        if (uploads.refused(context)) {
            return;
        }
        context.request().pause();
        long taskId;
        try {
            taskId = Ids.parse(context.pathParam("taskId"), IdKind.TASK);
        } catch (DubanException notOurs) {
            RouteAnswers.fail(context, notOurs);
            return;
        }
        RouteCallers.of(context)
                .call(caller -> service.requireContributor(taskId, caller))
                .chain(caller -> uploads.receive(context).chain(file -> store(context, taskId, caller, file)))
                .subscribe().with(stored -> { }, failure -> RouteAnswers.fail(context, failure));
    }

    private Uni<Void> store(RoutingContext context, long taskId, Caller caller, FileUploads.Received file) {
        byte[] bytes = file.content().getBytes();
        var type = EvidenceType.of(bytes);
        if (type.isEmpty()) {
            RouteAnswers.respond(context, 415, RouteAnswers.error(ErrorCode.VALIDATION, "Evidence is a PDF, OFD, JPEG, PNG, DOCX"
                    + " or XLSX file, told by its content; this one is none of them"));
            return Uni.createFrom().voidItem();
        }
        return service.addFile(taskId, file.fileName(), type.get(), file.sha256(),
                io.vertx.mutiny.core.buffer.Buffer.newInstance(file.content()), caller)
                .invoke(evidence -> RouteAnswers.respond(context, 201, new JsonObject()
                        .put("id", Ids.of(IdKind.EVIDENCE, evidence.id()))
                        .put("fileName", evidence.fileName())
                        .put("contentType", evidence.contentType())
                        .put("sizeBytes", evidence.sizeBytes())
                        .put("sha256", evidence.sha256())
                        .put("downloadPath", evidence.downloadPath())))
                .replaceWithVoid();
    }

    private void download(RoutingContext context) {
        long id;
        try {
            id = Ids.parse(context.pathParam("id"), IdKind.EVIDENCE);
        } catch (DubanException notOurs) {
            RouteAnswers.fail(context, notOurs);
            return;
        }
        RouteCallers.of(context).chain(caller -> service.file(id, caller)).subscribe().with(file -> {
            if (file == null || file.content() == null) {
                RouteAnswers.fail(context, DubanException.notFound("Evidence", id));
                return;
            }
            Evidence evidence = file.evidence();
            context.response()
                    .putHeader("Content-Type", evidence.contentType())
                    .putHeader("Content-Disposition", RouteAnswers.attachment(evidence.fileName()))
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Cache-Control", "private, no-store")
                    .putHeader("ETag", "\"" + evidence.sha256() + "\"")
                    .putHeader("Digest", "sha-256=" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(evidence.sha256())))
                    .end(file.content().getDelegate());
        }, failure -> RouteAnswers.fail(context, failure));
    }
}
