package org.duban.bulletin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.duban.access.RouteCallers;
import org.duban.common.DubanException;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.http.RouteAnswers;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * GET /bulletins/{id}.pdf and /bulletins/{id}.xlsx with the token: the files exactly as published, with their SHA-256
 * as the ETag and in a Digest header, so that anyone can check a copy against the bulletin.
 */
@ApplicationScoped
class BulletinRoutes {

    private final BulletinQueries queries;

    BulletinRoutes(BulletinQueries queries) {
        this.queries = queries;
    }

    void register(@Observes Router router) {
        router.get(Bulletin.PATH + ":file").handler(this::file);
        router.route(Bulletin.PATH + ":file").handler(context -> RouteAnswers.methodNotAllowed(context, "GET"));
    }

    private void file(RoutingContext context) {
        String name = context.pathParam("file");
        int dot = name == null ? -1 : name.lastIndexOf('.');
        BulletinQueries.File file = dot < 0 ? null : switch (name.substring(dot + 1)) {
            case "pdf" -> BulletinQueries.File.PDF;
            case "xlsx" -> BulletinQueries.File.XLSX;
            default -> null;
        };
        long id;
        try {
            if (file == null) {
                throw DubanException.notFound("Bulletin", name);
            }
            id = Ids.parse(name.substring(0, dot), IdKind.BULLETIN);
        } catch (DubanException notOurs) {
            RouteAnswers.fail(context, notOurs);
            return;
        }
        RouteCallers.of(context).chain(caller -> queries.file(id, file, caller)).subscribe().with(stored -> context.response()
                .putHeader("Content-Type", file.contentType)
                .putHeader("Content-Disposition", RouteAnswers.attachment(stored.bulletin().number() + " " + stored.bulletin().title()
                        + "." + file.column))
                .putHeader("ETag", "\"" + stored.sha256() + "\"")
                .putHeader("Digest", "sha-256=" + java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of()
                        .parseHex(stored.sha256())))
                .putHeader("Cache-Control", "private, no-cache")
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(stored.content().getDelegate()), failure -> RouteAnswers.fail(context, failure));
    }
}
