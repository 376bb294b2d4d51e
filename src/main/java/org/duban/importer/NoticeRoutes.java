package org.duban.importer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.duban.access.Roles;
import org.duban.access.RouteCallers;
import org.duban.common.WorkerThreads;
import org.duban.common.http.FileUploads;
import org.duban.common.http.RouteAnswers;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.ForbiddenException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * POST /notices/text (multipart, one part named "file"), with the GraphQL token of an ADMIN: the text of a notice
 * uploaded as a Word document or a text file, as {@code importNotice} reads it. The draft's spans point into this
 * text, so a front-end shows it beside the draft.
 */
@ApplicationScoped
class NoticeRoutes {

    static final String PATH = "/notices/text";

    private final FileUploads uploads;

    NoticeRoutes(@ConfigProperty(name = "duban.imports.max-file-size", defaultValue = "20M") MemorySize maxFileSize) {
        this.uploads = new FileUploads("Notice files", maxFileSize.asLongValue());
    }

    void register(@Observes Router router) {
        router.post(PATH).handler(this::upload);
        router.route(PATH).handler(context -> RouteAnswers.methodNotAllowed(context, "POST"));
    }

    private void upload(RoutingContext context) {
        if (uploads.refused(context)) {
            return;
        }
        context.request().pause();
        RouteCallers.of(context)
                .invoke(caller -> {
                    if (!caller.is(Roles.ADMIN)) {
                        throw new ForbiddenException();
                    }
                })
                .chain(caller -> uploads.receive(context))
                .chain(file -> WorkerThreads.run(() -> NoticeFiles.read(file.content().getBytes()))
                        .map(read -> new JsonObject().put("fileName", file.fileName()).put("format", read.format())
                                .put("text", read.text())))
                .subscribe().with(answer -> RouteAnswers.respond(context, 200, answer),
                        failure -> RouteAnswers.fail(context, failure));
    }
}
