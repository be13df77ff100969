package org.castkeeper.web;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.net.URI;
import java.time.DateTimeException;
import java.util.List;
import org.castkeeper.Castkeeper;
import org.castkeeper.admin.AdminRoutes;
import org.castkeeper.admin.accounts.AccountController;
import org.castkeeper.admin.accounts.SignInController;
import org.castkeeper.admin.distribution.DistributionController;
import org.castkeeper.admin.episodes.EpisodeEditController;
import org.castkeeper.admin.episodes.EpisodeListController;
import org.castkeeper.admin.feedimport.ImportFeedController;
import org.castkeeper.admin.settings.SettingsController;
import org.castkeeper.admin.shared.AdminSecurity;
import org.castkeeper.admin.shared.UploadReceiver;
import org.castkeeper.admin.stats.StatsController;
import org.castkeeper.config.AddressRanges;
import org.castkeeper.config.AppConfig;
import org.castkeeper.feed.ChaptersController;
import org.castkeeper.feed.FeedController;
import org.castkeeper.feed.Op3;
import org.castkeeper.feed.podcast.PodcastTags;
import org.castkeeper.media.MediaController;
import org.castkeeper.site.SiteController;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Javalin app with every route Castkeeper serves, and the Jetty handlers in front of it. Tests start
 * the very same app on a random port.
 *
 * <p>A request passes, outermost first: {@link GracefulHandler} (on stop, requests in flight finish),
 * {@link PodcatcherHandler} (feed, media, artwork and /health, answered there; common headers on everything),
 * {@link RouteLimits} (how many admin, upload and site requests may run at once), {@link SlowBodyGuard}, then
 * Javalin's routes.
 */
public final class WebServer {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    /** A request body slower than this, once {@link #BODY_GRACE} has passed, is cut. */
    static final long MIN_BODY_BYTES_PER_SECOND = 1024;

    static final java.time.Duration BODY_GRACE = java.time.Duration.ofSeconds(10);
    /** Form posts (show notes included) are far smaller; audio never goes through a form. */
    static final long MAX_FORM_BYTES = 1024 * 1024;

    private WebServer() {}

    /**
     * @param stopGrace how long requests in flight may take to finish when the server stops (server.drainSeconds),
     *                  and how long one may make no progress meanwhile. Jetty spends at
     *                  least a second stopping its threads whenever this is above zero, so tests that start and
     *                  stop a server per test pass zero; the packaged jar's own test keeps the real value.
     */
    public static Javalin create(Castkeeper app, java.time.Duration stopGrace) {
        FeedController feed = new FeedController(app.feed(), app.publications(), app.feedPolls());
        MediaController media = new MediaController(
                app.publications(),
                app.media(),
                app::showArtwork,
                app.retiredMedia().retention(),
                app.clock(),
                app.mediaRequests(),
                app.config().storage().mediaBaseUrl());
        ChaptersController chapters = new ChaptersController(app.publications());
        SiteController site = new SiteController(
                app.publications(),
                app.listings(),
                app.urls(),
                app.config().analytics(),
                app.config().geoipFile() != null);
        AdminRoutes admin = adminRoutes(app);
        PodcatcherHandler.Health health = () -> {
            String database = app.database().problem();
            if (database != null) {
                return database;
            }
            return app.feed().isBuilt() ? null : "The feed has not been built yet.";
        };
        // Pages load artwork and audio from the public URL's origin and, behind a CDN, from the CDN's: browsers
        // check a redirected media request against the CSP too.
        String mediaOrigins = java.util.stream.Stream.of(
                        origin(app.config().server().baseUrl()),
                        origin(app.config().storage().mediaBaseUrl()))
                .filter(java.util.Objects::nonNull)
                .distinct()
                .collect(java.util.stream.Collectors.joining(" "));
        PodcatcherHandler podcatchers =
                new PodcatcherHandler(feed, media, health, mediaOrigins.isEmpty() ? null : mediaOrigins);
        AddressRanges trustedProxies = new AddressRanges(app.config().server().trustedProxies());
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            // Network and worker threads (see NetworkThreads). The listener is made when the server starts, so
            // it reads the host and port that start(port) has just set.
            var jetty = config.jetty;
            jetty.threadPool = NetworkThreads.workers();
            java.time.Duration headerDeadline =
                    java.time.Duration.ofSeconds(app.config().server().headerSeconds());
            jetty.addConnector(
                    (server, http) -> NetworkThreads.listener(server, http, jetty.host, jetty.port, headerDeadline));
            String addressHeader = app.config().server().clientAddressHeader();
            jetty.modifyHttpConfiguration(http -> http.addCustomizer(new ClientAddress(trustedProxies, addressHeader)));
            // The feed is gzipped once when it is built, and audio does not compress: no gzip on the fly.
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.http.maxRequestSize = MAX_FORM_BYTES;
            jetty.modifyServer(server -> wrap(server, podcatchers, stopGrace, knownHost(app)));
            RoutesConfig routes = config.routes;
            routes.get("/episodes/{slug}/chapters.json", chapters::get);

            // Artwork and transcripts are small; audio never goes through multipart (see UploadReceiver).
            jetty.multipartConfig.maxFileSize(25, io.javalin.config.SizeUnit.MB);
            jetty.multipartConfig.maxTotalRequestSize(30, io.javalin.config.SizeUnit.MB);

            // The host: every /admin route, with the access each needs, comes from AdminRoutes.
            admin.register(routes);

            // Listeners.
            routes.get("/", site::home);
            routes.get("/episodes/{slug}", site::episode);
            routes.get("/privacy", site::privacy);
            routes.get("/assets/site.css", site::stylesheet);
            routes.get("/assets/favicon.svg", site::favicon);
            routes.get("/assets/player.js", site::playerScript);
            routes.get("/embed/episodes/{slug}", site::embed);
            routes.get("/embed/latest", site::embedLatest);

            badInputIsNotAServerError(routes);
            // The admin's own "not found" page, for a mistyped /admin address as for a deleted episode.
            routes.error(404, ctx -> {
                // Only where no handler wrote its own answer (a deleted episode's page says more).
                if (ctx.path().startsWith("/admin") && !AdminRoutes.answered(ctx)) {
                    AdminRoutes.notFound(ctx);
                }
            });
        });
    }

    /**
     * The admin's route table: each feature's controllers, built here with only the parts of the application
     * they use (no admin page knows the whole {@code Castkeeper}).
     */
    public static AdminRoutes adminRoutes(Castkeeper app) {
        AppConfig config = app.config();
        AdminSecurity security =
                new AdminSecurity(app.accounts(), config.server().baseUrl().startsWith("https://"));
        UploadReceiver uploads =
                new UploadReceiver(config.uploadSpoolDir(), config.server().uploadLimitBytes());
        java.util.function.Supplier<java.time.ZoneId> zone = () -> app.show().zone();
        return new AdminRoutes(
                security,
                List.of(
                        new SignInController(app.accounts(), app.loginThrottle(), app.deviceCookies(), security)
                                .routes(),
                        new EpisodeListController(
                                        app.episodes(), app.importer(), app.clock(), zone, config.server(), uploads)
                                .routes(),
                        new EpisodeEditController(
                                        app.episodes(),
                                        app.lifecycle(),
                                        app.importer(),
                                        app.media(),
                                        app::show,
                                        app.urls(),
                                        app.clock(),
                                        uploads)
                                .routes(),
                        new SettingsController(
                                        config,
                                        new org.castkeeper.show.ShowEditor(app.showSettings(), config),
                                        app::show,
                                        app::showArtwork,
                                        app.urls(),
                                        app.feed(),
                                        app.fileChangesNotApplied())
                                .routes(),
                        new DistributionController(
                                        app::readiness, app.listings(), app::show, config.notifications(), app.urls())
                                .routes(),
                        new StatsController(app.stats(), config.analytics().enabled(), () -> {
                                    var show = app.show();
                                    return show.op3() ? Op3.showPage(PodcastTags.guid(show, app.urls())) : null;
                                })
                                .routes(),
                        new AccountController(app.accounts(), zone).routes(),
                        new ImportFeedController(app.feedImports(), zone).routes()));
    }

    /**
     * On SIGTERM, before the server stops: no new connection is accepted, and the responses in flight (a download
     * at the listener's pace, paused or throttled as podcatchers do) get up to {@code max} to finish. Jetty's own
     * graceful stop closes any connection that makes no progress for a second, which cut such downloads; so the
     * waiting is done here, and the stop that follows finds nothing left to cut.
     *
     * @return whether everything in flight finished in time
     */
    public static boolean drain(Javalin web, java.time.Duration max) throws InterruptedException {
        Server server = web.jettyServer().server();
        for (var connector : server.getConnectors()) {
            if (connector instanceof org.eclipse.jetty.server.NetworkConnector listening) {
                listening.close();
            }
        }
        GracefulHandler graceful = server.getDescendant(GracefulHandler.class);
        long deadline = System.nanoTime() + max.toNanos();
        while (graceful != null && graceful.getCurrentRequestCount() > 0) {
            if (System.nanoTime() >= deadline) {
                LOG.warn(
                        "Stopping with {} responses still in flight after {} s (server.drainSeconds)",
                        graceful.getCurrentRequestCount(),
                        max.toSeconds());
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /**
     * Whether a request comes from the host: a session seen valid lately, or a device cookie this server signed.
     * Only sorts requests into their share of the admin ({@link RouteLimits}); the admin's own guard decides
     * what they may do.
     */
    private static java.util.function.Predicate<org.eclipse.jetty.server.Request> knownHost(Castkeeper app) {
        return request -> {
            for (org.eclipse.jetty.http.HttpCookie c : org.eclipse.jetty.server.Request.getCookies(request)) {
                if ((c.getName().equals(AdminRoutes.SESSION_COOKIE)
                                && app.accounts().recentlyValid(c.getValue()))
                        || (c.getName().equals(AdminRoutes.DEVICE_COOKIE)
                                && app.deviceCookies().isGenuine(c.getValue()))) {
                    return true;
                }
            }
            return false;
        };
    }

    /** The handlers in front of Javalin's, innermost inserted first. */
    private static void wrap(
            Server server,
            PodcatcherHandler podcatchers,
            java.time.Duration stopGrace,
            java.util.function.Predicate<org.eclipse.jetty.server.Request> knownHost) {
        server.insertHandler(new SlowBodyGuard(MIN_BODY_BYTES_PER_SECOND, BODY_GRACE));
        var limits = RouteLimits.handlers(knownHost);
        for (int i = limits.size() - 1; i >= 0; i--) {
            server.insertHandler(limits.get(i));
        }
        server.insertHandler(podcatchers);
        GracefulHandler graceful = new GracefulHandler() {
            // Only counts requests: it must not make Jetty hand polls to a worker (see PodcatcherHandler).
            @Override
            public InvocationType getInvocationType() {
                return InvocationType.NON_BLOCKING;
            }
        };
        server.insertHandler(graceful);
        server.setStopTimeout(stopGrace.toMillis());
        server.setErrorHandler(new ErrorHeaders(server.getErrorHandler()));
    }

    /**
     * A request the server cannot use is the client's mistake: a 4xx with words, never a 500 (which would also
     * look like an outage to a monitor). Anything else unexpected is still a 500, and logged.
     */
    private static void badInputIsNotAServerError(RoutesConfig routes) {
        // The one error convention: an expected "no" says its own status and message (errors.Refusal).
        routes.exception(org.castkeeper.errors.Refusal.class, (e, ctx) -> plain(ctx, e.status(), e.getMessage()));
        routes.exception(DateTimeException.class, (e, ctx) -> plain(ctx, 400, "That date or time is not valid."));
        routes.exception(
                jakarta.servlet.ServletException.class,
                (e, ctx) -> unreadable(ctx, "The form could not be read: " + e.getMessage()));
        routes.exception(
                java.io.UncheckedIOException.class,
                (e, ctx) -> inputOutput(ctx, e.getCause(), ctx.method() + " " + ctx.path()));
        routes.exception(java.io.IOException.class, (e, ctx) -> inputOutput(ctx, e, ctx.method() + " " + ctx.path()));
        routes.exception(HttpResponseException.class, (e, ctx) -> plain(ctx, e.getStatus(), e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            if (isBadRequestBody(e)) {
                unreadable(ctx, "The request could not be read: " + e.getMessage());
                return;
            }
            if (org.castkeeper.errors.DiskFull.caused(e)) {
                plain(ctx, 507, DISK_FULL);
                return;
            }
            String database = databaseAway(e);
            if (database != null) {
                LOG.warn("{} {} refused: {}", ctx.method(), ctx.path(), database);
                plain(ctx, 503, database);
                return;
            }
            LOG.warn("{} {} failed", ctx.method(), ctx.path(), e);
            plain(ctx, 500, "Something went wrong on the server. The error is in its log.");
        });
    }

    private static final String DISK_FULL = "The server's disk is full, so nothing was saved. Free some space on"
            + " it (old backups, the episodes folder), then save again: what you typed is still on the page.";

    /**
     * An IOException is the client's only when reading its request failed (cut off, too slow): a 400. A full disk
     * is a 507 in plain words, and anything else the server's fault: a 500, logged.
     */
    private static void inputOutput(io.javalin.http.Context ctx, Throwable e, String what) {
        if (e instanceof org.castkeeper.media.StoreUnavailable) {
            LOG.warn("{} failed: {}", what, e.getMessage());
            ctx.header("Retry-After", "30");
            plain(ctx, 503, org.castkeeper.media.StoreUnavailable.WORDS);
        } else if (org.castkeeper.errors.DiskFull.caused(e)) {
            plain(ctx, 507, DISK_FULL);
        } else if (isBadRequestBody(e) || isReadingTheRequest(e)) {
            unreadable(ctx, "The request could not be read: it was cut off or too slow.");
        } else {
            LOG.warn("{} failed", what, e);
            plain(ctx, 500, "Something went wrong on the server. The error is in its log.");
        }
    }

    /** Reading the request body failed: the client went away, or sent too slowly. */
    private static boolean isReadingTheRequest(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.io.EofException
                    || t instanceof java.io.EOFException
                    || t instanceof java.net.SocketTimeoutException
                    || t instanceof org.eclipse.jetty.http.BadMessageException
                    || String.valueOf(t.getMessage()).contains("Early EOF")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why the catalogue cannot take a write now, when that is the reason {@code e} was thrown: its SQLite file is
     * gone or replaced, or the database does not answer. Null for any other fault.
     */
    private static String databaseAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.castkeeper.db.Database.Unavailable away) {
                return away.getMessage();
            }
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.net.ConnectException
                    || "08001".equals(sqlState(t))
                    || "08006".equals(sqlState(t))
                    || "57P01".equals(sqlState(t))) {
                return "The catalogue's database does not answer, so nothing was saved. What you typed is still on"
                        + " the page: save again in a moment. The feed and the media keep being served meanwhile.";
            }
        }
        return null;
    }

    private static String sqlState(Throwable t) {
        return t instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
    }

    /** Jetty reports a malformed form or multipart body as one of these, wrapping the parser's complaint. */
    private static boolean isBadRequestBody(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.BadMessageException
                    || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A 400 for a body that could not be read, on a connection that is then closed: what is left of the body is
     * unknown, and a multipart parser's late failure must not land on the next request sent on the same
     * connection (HardeningIT saw a 500 there).
     */
    private static void unreadable(Context ctx, String message) {
        ctx.header("Connection", "close");
        plain(ctx, 400, message);
    }

    /**
     * A refusal in words: plain text for pages and forms; for the uploads (the admin's PUTs, read by its upload
     * queue) the one JSON shape they answer everything in, {"error": "..."}.
     */
    private static void plain(Context ctx, int status, String message) {
        if (ctx.method() == io.javalin.http.HandlerType.PUT) {
            ctx.status(status).json(java.util.Map.of("error", message));
        } else {
            ctx.status(status).contentType("text/plain; charset=utf-8").result(message);
        }
    }

    /** "https://podcast.example.org" of "https://podcast.example.org/show", or null for an unusable URL. */
    private static String origin(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(baseUrl);
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
