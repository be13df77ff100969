package org.castkeeper.site;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.castkeeper.Castkeeper;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.Publication;
import org.castkeeper.feed.ShowNotesHtml;

/**
 * The public pages: the show and each live episode. Plain for now; drafts and scheduled episodes never appear
 * before their time because only the published catalogue is read.
 */
public final class SiteController {
    private final Castkeeper app;

    public SiteController(Castkeeper app) {
        this.app = app;
    }

    public void home(Context ctx) {
        Publication published = app.publications().current();
        StringBuilder html = page(app.config().show().title());
        html.append("<h1>").append(escape(app.config().show().title())).append("</h1>")
                .append("<p><a href=\"").append(escape(app.urls().feed())).append("\">RSS feed</a></p><ul>");
        for (Episode e : published.live()) {
            html.append("<li><a href=\"/episodes/").append(escape(e.slug())).append("\">")
                    .append(escape(e.title())).append("</a></li>");
        }
        ctx.html(html.append("</ul></main></body></html>").toString());
    }

    public void episode(Context ctx) {
        Optional<Episode> found = app.publications().current().bySlug(ctx.pathParam("slug"));
        if (found.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).html(page("Not found") + "<h1>No such episode</h1></main></body></html>");
            return;
        }
        Episode e = found.get();
        ctx.html(page(e.title()) + "<h1>" + escape(e.title()) + "</h1>"
                + "<audio controls preload=\"none\" src=\"" + escape(app.urls().media(e.audio().path())) + "\"></audio>"
                + ShowNotesHtml.sanitize(e.description()) + "</main></body></html>");
    }

    private StringBuilder page(String title) {
        return new StringBuilder("<!doctype html><html lang=\"").append(escape(app.config().show().language()))
                .append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
                .append("<title>").append(escape(title)).append("</title>")
                .append("<link rel=\"alternate\" type=\"application/rss+xml\" href=\"")
                .append(escape(app.urls().feed())).append("\"></head><body><main>");
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
