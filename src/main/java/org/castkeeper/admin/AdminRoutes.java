package org.castkeeper.admin;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.castkeeper.feed.Op3;
import org.castkeeper.feed.podcast.PodcastTags;

/**
 * Every route under /admin, each with the access it needs. {@link #register} puts each handler behind
 * {@link AdminSecurity}; nothing is registered under /admin any other way, and AdminRoutesIT walks this list.
 */
public final class AdminRoutes {
    /** The cookies that tell a signed-in host and a known device (see {@link AdminSecurity}). */
    public static final String SESSION_COOKIE = AdminSecurity.SESSION_COOKIE;

    public static final String DEVICE_COOKIE = AdminSecurity.DEVICE_COOKIE;

    private final List<AdminRoute> routes;
    private final AdminSecurity security;

    public AdminRoutes(AdminParts app) {
        security = new AdminSecurity(
                app.accounts(), app.config().server().baseUrl().startsWith("https://"));
        UploadReceiver uploads = new UploadReceiver(
                app.config().uploadSpoolDir(), app.config().server().uploadLimitBytes());
        SignInController signIn =
                new SignInController(app.accounts(), app.loginThrottle(), app.deviceCookies(), security);
        EpisodeListController list = new EpisodeListController(
                app.episodes(),
                app.importer(),
                app.clock(),
                app::timeZone,
                app.config().server(),
                uploads);
        EpisodeEditController edit = new EpisodeEditController(
                app.episodes(),
                app.lifecycle(),
                app.importer(),
                app.media(),
                app.show(),
                app.urls(),
                app.clock(),
                uploads);
        SettingsController settings = new SettingsController(
                app.config(),
                app.showSettings(),
                app.show(),
                app.showArtwork(),
                app.urls(),
                app.feed(),
                app.fileChangesNotApplied());
        DistributionController distribution = new DistributionController(
                app.readiness(), app.listings(), app.show(), app.config().notifications(), app.urls());
        AccountController account = new AccountController(app.accounts(), app::timeZone);
        ImportFeedController importFeed = new ImportFeedController(app.feedImports(), app::timeZone);
        StatsController stats =
                new StatsController(app.stats(), app.config().analytics().enabled(), () -> {
                    var show = app.show().get();
                    return show.op3() ? Op3.showPage(PodcastTags.guid(show, app.urls())) : null;
                });
        routes = List.of(
                new AdminRoute(GET, "/admin/login", Access.PUBLIC, signIn::loginForm),
                new AdminRoute(POST, "/admin/login", Access.PUBLIC, signIn::login),
                new AdminRoute(GET, "/admin/setup", Access.PUBLIC, signIn::setupForm),
                new AdminRoute(POST, "/admin/setup", Access.PUBLIC, signIn::setup),
                new AdminRoute(GET, "/admin/assets/{file}", Access.PUBLIC, AdminRoutes::asset),
                new AdminRoute(POST, "/admin/logout", Access.HOST, signIn::logout),
                new AdminRoute(GET, "/admin", Access.HOST, list::list),
                new AdminRoute(PUT, "/admin/upload", Access.HOST, list::upload),
                new AdminRoute(GET, "/admin/episodes/{id}", Access.HOST, edit::show),
                new AdminRoute(POST, "/admin/episodes/{id}", Access.HOST, edit::save),
                new AdminRoute(POST, "/admin/episodes/{id}/publish", Access.HOST, edit::publish),
                new AdminRoute(POST, "/admin/episodes/{id}/schedule", Access.HOST, edit::schedule),
                new AdminRoute(POST, "/admin/episodes/{id}/unpublish", Access.HOST, edit::unpublish),
                new AdminRoute(POST, "/admin/episodes/{id}/delete", Access.HOST, edit::delete),
                new AdminRoute(POST, "/admin/episodes/{id}/notices/dismiss", Access.HOST, edit::dismissNotices),
                new AdminRoute(GET, "/admin/episodes/{id}/file/{kind}", Access.HOST, edit::file),
                new AdminRoute(POST, "/admin/preview", Access.HOST, edit::preview),
                new AdminRoute(POST, "/admin/episodes/{id}/artwork", Access.HOST, edit::artwork),
                new AdminRoute(POST, "/admin/episodes/{id}/transcript", Access.HOST, edit::transcript),
                new AdminRoute(PUT, "/admin/episodes/{id}/audio", Access.HOST, edit::replaceAudio),
                new AdminRoute(GET, "/admin/settings", Access.HOST, settings::show),
                new AdminRoute(POST, "/admin/settings", Access.HOST, settings::save),
                new AdminRoute(POST, "/admin/settings/artwork", Access.HOST, settings::artwork),
                new AdminRoute(GET, "/admin/distribution", Access.HOST, distribution::show),
                new AdminRoute(GET, "/admin/stats", Access.HOST, stats::show),
                new AdminRoute(GET, "/admin/stats.csv", Access.HOST, stats::csv),
                new AdminRoute(GET, "/admin/account", Access.HOST, account::show),
                new AdminRoute(GET, "/admin/import", Access.HOST, importFeed::show),
                new AdminRoute(POST, "/admin/import", Access.HOST, importFeed::start),
                new AdminRoute(POST, "/admin/account/password", Access.HOST, account::changePassword),
                new AdminRoute(POST, "/admin/account/add", Access.HOST, account::add),
                new AdminRoute(POST, "/admin/distribution/listings", Access.HOST, distribution::saveListings));
    }

    public List<AdminRoute> routes() {
        return routes;
    }

    /** Whether an admin page was rendered for this request (so an error page must not replace it). */
    public static boolean answered(Context ctx) {
        return ctx.attribute(Pages.RENDERED) != null;
    }

    /** The admin's "not found" page (the status is already 404). */
    public static void notFound(Context ctx) {
        Pages.notFound(ctx, "There is nothing at this address. It may have been deleted, or mistyped.");
    }

    public void register(RoutesConfig config) {
        for (AdminRoute route : routes) {
            config.addHttpHandler(route.method(), route.path(), security.guard(route));
        }
    }

    /** The admin stylesheet and script, from the classpath. Only these two names exist. */
    private static void asset(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        String type = switch (file) {
            case "admin.css" -> "text/css; charset=utf-8";
            case "admin.js" -> "text/javascript; charset=utf-8";
            default -> null;
        };
        if (type == null) {
            ctx.status(HttpStatus.NOT_FOUND).result("Not found");
            return;
        }
        try (InputStream in = AdminRoutes.class.getResourceAsStream("/public/admin/" + file)) {
            ctx.contentType(type).header("Cache-Control", "public, max-age=300").result(in.readAllBytes());
        }
    }
}
