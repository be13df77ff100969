package org.castkeeper.web;

import io.javalin.Javalin;
import org.castkeeper.Castkeeper;
import org.castkeeper.catalogue.Episode;

/**
 * Builds the Javalin app with every route Castkeeper serves. Tests start the very same app on a random port.
 */
public final class WebServer {
    private WebServer() {
    }

    public static Javalin create(Castkeeper app) {
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.routes.get("/", ctx -> ctx.html(homePage(app)));
            config.routes.get("/health", ctx -> ctx.result("ok"));
        });
        return javalin;
    }

    /** A plain catalogue listing until the public show site exists. */
    private static String homePage(Castkeeper app) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>" + escape(app.config().show().title()) + "</title></head><body><h1>"
                + escape(app.config().show().title()) + "</h1><ul>");
        for (Episode e : app.episodes().all()) {
            html.append("<li>").append(escape(e.title())).append(" (")
                    .append(e.stateAt(app.clock().instant()).code()).append(")</li>");
        }
        return html.append("</ul></body></html>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
