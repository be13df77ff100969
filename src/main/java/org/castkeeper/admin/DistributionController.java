package org.castkeeper.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.castkeeper.Castkeeper;
import org.castkeeper.distribution.Check;
import org.castkeeper.distribution.Directory;
import org.castkeeper.distribution.Listings;
import org.castkeeper.distribution.ReadinessChecks;

/** /admin/distribution: readiness per directory, where to submit, and the listing URLs the directories gave back. */
final class DistributionController {
    private final Castkeeper app;

    DistributionController(Castkeeper app) {
        this.app = app;
    }

    void show(Context ctx) throws Exception {
        render(ctx, null);
    }

    void saveListings(Context ctx) throws Exception {
        try {
            for (Directory d : Directory.values()) {
                app.listings().save(d, ctx.formParam("listing-" + d.code()));
            }
            ctx.redirect("/admin/distribution", HttpStatus.SEE_OTHER);
        } catch (Listings.BadListing bad) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, bad.getMessage());
        }
    }

    private void render(Context ctx, String error) throws Exception {
        // The server checks its own media through its own local address: the public URL may point at a proxy
        // or CDN that this machine cannot reach the same way.
        String self = ctx.scheme() + "://" + ctx.host();
        ReadinessChecks.Report report = app.readiness().run(self);
        Map<Directory, String> listings = app.listings().all();
        List<DistributionPage.Entry> entries = new ArrayList<>();
        for (Directory d : Directory.values()) {
            entries.add(new DistributionPage.Entry(d.code(), d.title(), d.submitUrl(), listings.getOrDefault(d, ""),
                    report.count(d, Check.Status.FAIL), report.count(d, Check.Status.WARN), report.checks().get(d)));
        }
        var show = app.show();
        List<List<String>> settings = List.of(
                List.of("Blocked from Apple Podcasts (itunes:block)", show.blocksApple() ? "yes" : "no"),
                List.of("Blocked from YouTube Music (googleplay:block)", show.blocksYouTube() ? "yes" : "no"),
                List.of("Verification codes (podcast:txt)", show.txt().isEmpty() ? "none"
                        : String.join(", ", show.txt().stream().map(t -> (t.purpose() == null ? "" : t.purpose() + ": ")
                        + t.value()).toList())),
                List.of("Moved to (itunes:new-feed-url and a 301 from /feed.xml)",
                        show.newFeedUrl() == null ? "not moved" : show.newFeedUrl()),
                List.of("Notified on publish", app.config().notifications().websubHubs().size() + " WebSub hub(s)"
                        + (app.config().notifications().podping() == null ? "" : " and podping")));
        Pages.render(ctx, "admin/distribution.jte", new DistributionPage(AdminSecurity.session(ctx).csrfToken(),
                app.urls().feed(), entries, settings, error));
    }
}
