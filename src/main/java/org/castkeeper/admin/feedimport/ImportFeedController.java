package org.castkeeper.admin.feedimport;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.castkeeper.admin.shared.Access;
import org.castkeeper.admin.shared.AdminRoute;
import org.castkeeper.admin.shared.AdminSecurity;
import org.castkeeper.admin.shared.Formats;
import org.castkeeper.admin.shared.Pages;
import org.castkeeper.auth.Session;
import org.castkeeper.feedimport.FeedImport;
import org.castkeeper.feedimport.FeedImportJobs;

/**
 * /admin/import: move a show in from its old feed. The host pastes the address, previews what would come (a dry
 * run) or imports it; the import runs in the background and the page shows how far it is, then the same summary
 * `castkeeper import-feed` prints.
 */
public final class ImportFeedController {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ImportFeedController.class);

    private final FeedImportJobs jobs;
    private final Supplier<ZoneId> zone;

    public ImportFeedController(FeedImportJobs jobs, Supplier<ZoneId> zone) {
        this.jobs = jobs;
        this.zone = zone;
    }

    /** This controller's routes under /admin, each with the access it needs (AdminRoutes registers them). */
    public List<AdminRoute> routes() {
        return List.of(
                new AdminRoute(HandlerType.GET, "/admin/import", Access.HOST, this::show),
                new AdminRoute(HandlerType.POST, "/admin/import", Access.HOST, this::start));
    }

    void show(Context ctx) {
        render(ctx, ctx.queryParam("url"), null);
    }

    void start(Context ctx) {
        String url = String.valueOf(java.util.Objects.requireNonNullElse(ctx.formParam("url"), ""))
                .strip();
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, url, "Paste the old feed's address: it starts with https:// (or http://).");
            return;
        }
        Session session = AdminSecurity.session(ctx);
        boolean dryRun = "preview".equals(ctx.formParam("action"));
        boolean owns = ctx.formParam("i-own-this-show") != null;
        String by = session.user().username();
        if (owns) {
            LOG.warn("{} declared they own the show at {} (podcast:locked may be set)", by, url);
        }
        if (!jobs.start(url, new FeedImport.Options(dryRun, owns, by))) {
            ctx.status(HttpStatus.CONFLICT);
            render(ctx, url, "An import is running already; wait for it to finish.");
            return;
        }
        ctx.redirect("/admin/import", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, String url, String error) {
        Session session = AdminSecurity.session(ctx);
        FeedImportJobs.Status status = jobs.status();
        Pages.render(
                ctx,
                "admin/import.jte",
                new ImportPage(
                        session.csrfToken(),
                        url != null ? url : status == null ? "" : status.url(),
                        error,
                        status,
                        status == null ? null : Formats.dateTime(status.startedAt(), zone.get())));
    }
}
