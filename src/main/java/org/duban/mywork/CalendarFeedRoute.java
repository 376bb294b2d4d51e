package org.duban.mywork;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** GET /calendar/{secret}.ics: the feed, or 404 for a secret nobody holds (or an account since disabled). */
@ApplicationScoped
class CalendarFeedRoute {

    private static final Logger LOG = Logger.getLogger(CalendarFeedRoute.class);
    private static final String SUFFIX = ".ics";

    private final CalendarFeeds feeds;

    CalendarFeedRoute(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    void register(@Observes Router router) {
        router.get(CalendarFeeds.PATH + ":file").handler(this::serve);
    }

    private void serve(RoutingContext context) {
        String file = context.pathParam("file");
        if (file == null || !file.endsWith(SUFFIX)) {
            context.response().setStatusCode(404).end();
            return;
        }
        feeds.feed(file.substring(0, file.length() - SUFFIX.length())).subscribe().with(ics -> {
            if (ics == null) {
                context.response().setStatusCode(404).end();
                return;
            }
            context.response()
                    .putHeader("Content-Type", "text/calendar; charset=utf-8")
                    .putHeader("Cache-Control", "private, max-age=300")
                    .putHeader("Referrer-Policy", "no-referrer")
                    .end(ics);
        }, failure -> {
            LOG.error("Calendar feed failed", failure); // the secret is in the URL, never in the log
            context.response().setStatusCode(503).end();
        });
    }
}
