package org.duban.importer;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.duban.access.Callers.Caller;
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
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The files an office imports from, uploaded (multipart, one part named "file") with an ADMIN's token:
 * <ul>
 * <li>POST /notices/text: a notice as a Word document or a text file; answers its text as {@code importNotice} reads it,
 * which the draft's spans point into, so that a front-end shows the two side by side;</li>
 * <li>POST /imports/sheets: a task list as a spreadsheet (XLSX), kept for {@code importPlanSheet}; answers its id and
 * each sheet's name, rows and first row, to choose the columns from.</li>
 * </ul>
 */
@ApplicationScoped
class ImportRoutes {

    static final String NOTICE_TEXT = "/notices/text";
    static final String SHEETS = "/imports/sheets";

    private final FileUploads uploads;
    private final SheetUploads sheets;

    ImportRoutes(SheetUploads sheets, @ConfigProperty(name = "duban.imports.max-file-size", defaultValue = "20M") MemorySize maxFileSize) {
        this.sheets = sheets;
        this.uploads = new FileUploads("Files to import", maxFileSize.asLongValue());
    }

    void register(@Observes Router router) {
        router.post(NOTICE_TEXT).handler(context -> upload(context, 200, this::noticeText));
        router.route(NOTICE_TEXT).handler(context -> RouteAnswers.methodNotAllowed(context, "POST"));
        router.post(SHEETS).handler(context -> upload(context, 201, this::sheet));
        router.route(SHEETS).handler(context -> RouteAnswers.methodNotAllowed(context, "POST"));
    }

    /** The file an ADMIN sent, answered as {@code answer} makes of it; the body is read only once the caller is known. */
    private void upload(RoutingContext context, int status, Function<Upload, Uni<JsonObject>> answer) {
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
                .chain(caller -> uploads.receive(context).chain(file -> answer.apply(new Upload(caller, file))))
                .subscribe().with(json -> RouteAnswers.respond(context, status, json), failure -> RouteAnswers.fail(context, failure));
    }

    private record Upload(Caller caller, FileUploads.Received file) {
    }

    private Uni<JsonObject> noticeText(Upload upload) {
        return WorkerThreads.run(() -> NoticeFiles.read(upload.file().content().getBytes()))
                .map(read -> new JsonObject().put("fileName", upload.file().fileName()).put("format", read.format())
                        .put("text", read.text()));
    }

    private Uni<JsonObject> sheet(Upload upload) {
        FileUploads.Received file = upload.file();
        return WorkerThreads.run(() -> {
            try (var book = TaskSheet.open(file.content().getBytes())) {
                return TaskSheet.outline(book);
            }
        }).chain(outline -> sheets.store(upload.caller().accountId(), file.fileName(),
                io.vertx.mutiny.core.buffer.Buffer.newInstance(file.content()), file.sha256())
                .map(id -> {
                    JsonArray described = new JsonArray();
                    outline.forEach(sheet -> described.add(new JsonObject().put("name", sheet.name()).put("rows", sheet.rows())
                            .put("firstRow", new JsonArray(sheet.firstRow()))));
                    return new JsonObject().put("id", Ids.of(IdKind.SHEET_UPLOAD, id)).put("fileName", file.fileName())
                            .put("sha256", file.sha256()).put("sheets", described);
                }));
    }
}
