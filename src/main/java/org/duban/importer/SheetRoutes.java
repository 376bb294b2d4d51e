package org.duban.importer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.duban.access.Roles;
import org.duban.access.RouteCallers;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.WorkerThreads;
import org.duban.common.http.FileUploads;
import org.duban.common.http.RouteAnswers;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.ForbiddenException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * POST /imports/sheets (multipart, one part named "file"), with an ADMIN's token: a task list as a spreadsheet (XLSX),
 * kept for {@code importPlanSheet}; the answer gives its id and each sheet's name, rows and first row, to choose the
 * columns from.
 */
@ApplicationScoped
class SheetRoutes {

    static final String PATH = "/imports/sheets";

    private final FileUploads uploads;
    private final SheetUploads stored;

    SheetRoutes(SheetUploads stored, @ConfigProperty(name = "duban.imports.max-file-size", defaultValue = "20M") MemorySize maxFileSize) {
        this.stored = stored;
        this.uploads = new FileUploads("Spreadsheets", maxFileSize.asLongValue());
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
                .chain(caller -> uploads.receive(context)
                        .chain(file -> WorkerThreads.run(() -> {
                            try (var book = TaskSheet.open(file.content().getBytes())) {
                                return TaskSheet.outline(book);
                            }
                        }).chain(sheets -> stored.store(caller.accountId(), file.fileName(),
                                io.vertx.mutiny.core.buffer.Buffer.newInstance(file.content()), file.sha256())
                                .map(id -> {
                                    JsonArray outline = new JsonArray();
                                    sheets.forEach(sheet -> outline.add(new JsonObject().put("name", sheet.name())
                                            .put("rows", sheet.rows()).put("firstRow", new JsonArray(sheet.firstRow()))));
                                    return new JsonObject().put("id", Ids.of(IdKind.SHEET_UPLOAD, id)).put("fileName", file.fileName())
                                            .put("sha256", file.sha256()).put("sheets", outline);
                                }))))
                .subscribe().with(answer -> RouteAnswers.respond(context, 201, answer), failure -> RouteAnswers.fail(context, failure));
    }
}
