package org.duban.supervisionnotice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.duban.access.RouteCallers;
import org.duban.common.DubanException;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.WorkerThreads;
import org.duban.common.http.RouteAnswers;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** GET /notices/{id}.pdf with the GraphQL token: the supervision notice as its paper, for whoever may see its task. */
@ApplicationScoped
class SupervisionNoticeRoutes {

    private static final String SUFFIX = ".pdf";

    private final SupervisionNoticeQueries queries;

    SupervisionNoticeRoutes(SupervisionNoticeQueries queries) {
        this.queries = queries;
    }

    void register(@Observes Router router) {
        router.get(SupervisionNotice.PATH + ":file").handler(this::pdf);
    }

    private void pdf(RoutingContext context) {
        String file = context.pathParam("file");
        if (file == null || !file.endsWith(SUFFIX)) {
            context.next();
            return;
        }
        long id;
        try {
            id = Ids.parse(file.substring(0, file.length() - SUFFIX.length()), IdKind.SUPERVISION_NOTICE);
        } catch (DubanException notOurs) {
            RouteAnswers.fail(context, notOurs);
            return;
        }
        RouteCallers.of(context)
                .chain(caller -> queries.visible(id, caller))
                .chain(notice -> WorkerThreads.run(() -> SupervisionNoticePaper.pdf(notice)).map(pdf -> new Paper(notice, pdf)))
                .subscribe().with(paper -> context.response()
                        .putHeader("Content-Type", "application/pdf")
                        .putHeader("Content-Disposition", RouteAnswers.attachment("督办通知单-" + paper.notice().number() + SUFFIX)
                                .replace("attachment", "inline"))
                        .putHeader("Cache-Control", "private, no-store")
                        .putHeader("X-Content-Type-Options", "nosniff")
                        .end(io.vertx.core.buffer.Buffer.buffer(paper.pdf())),
                        failure -> RouteAnswers.fail(context, failure));
    }

    private record Paper(SupervisionNotice notice, byte[] pdf) {
    }
}
