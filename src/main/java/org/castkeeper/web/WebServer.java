package org.castkeeper.web;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.RoutesConfig;
import org.castkeeper.Castkeeper;
import org.castkeeper.admin.AdminRoutes;
import org.castkeeper.feed.ChaptersController;
import org.castkeeper.feed.FeedController;
import org.castkeeper.media.MediaController;
import org.castkeeper.site.SiteController;

/**
 * Builds the Javalin app with every route Castkeeper serves: this is the one route table. Tests start the very
 * same app on a random port.
 */
public final class WebServer {
    private WebServer() {
    }

    public static Javalin create(Castkeeper app) {
        FeedController feed = new FeedController(app.feed(), app.config().show().newFeedUrl());
        MediaController media = new MediaController(app.publications(), app.media(), app.showArtwork());
        ChaptersController chapters = new ChaptersController(app.publications());
        SiteController site = new SiteController(app);
        AdminRoutes admin = new AdminRoutes(app);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            // Network and worker threads (see NetworkThreads). The listener is made when the server starts, so
            // it reads the host and port that start(port) has just set.
            var jetty = config.jetty;
            jetty.threadPool = NetworkThreads.workers();
            jetty.addConnector((server, http) -> NetworkThreads.listener(server, http, jetty.host, jetty.port));
            // The feed is gzipped once when it is built, and audio does not compress: no gzip on the fly.
            config.http.compressionStrategy = CompressionStrategy.NONE;
            // Podcatchers and directories: GET and HEAD of /feed.xml, /media/* and /artwork/* are answered by
            // PodcatcherHandler in front of the servlet, for speed. Every other route is in the table below.
            config.jetty.modifyServer(server -> server.insertHandler(new PodcatcherHandler(feed, media)));
            RoutesConfig routes = config.routes;
            routes.get("/episodes/{slug}/chapters.json", chapters::get);

            // Artwork and transcripts are small; audio never goes through multipart (see UploadReceiver).
            config.jetty.multipartConfig.maxFileSize(25, io.javalin.config.SizeUnit.MB);
            config.jetty.multipartConfig.maxTotalRequestSize(30, io.javalin.config.SizeUnit.MB);

            // The host: every /admin route, with the access each needs, comes from AdminRoutes.
            admin.register(routes);

            // Listeners.
            routes.get("/", site::home);
            routes.get("/episodes/{slug}", site::episode);
            routes.get("/assets/site.css", site::stylesheet);
            routes.get("/health", ctx -> ctx.result("ok"));
        });
    }
}
