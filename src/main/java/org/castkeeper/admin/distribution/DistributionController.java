package org.castkeeper.admin.distribution;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.castkeeper.admin.shared.Access;
import org.castkeeper.admin.shared.AdminRoute;
import org.castkeeper.admin.shared.AdminSecurity;
import org.castkeeper.admin.shared.Pages;
import org.castkeeper.config.NotifySettings;
import org.castkeeper.config.ShowSettings;
import org.castkeeper.distribution.Check;
import org.castkeeper.distribution.Directory;
import org.castkeeper.distribution.Listings;
import org.castkeeper.distribution.ReadinessChecks;
import org.castkeeper.feed.FeedUrls;

/** /admin/distribution: readiness per directory, where to submit, and the listing URLs the directories gave back. */
public final class DistributionController {
    private final Supplier<ReadinessChecks> readiness;
    private final Listings listings;
    private final Supplier<ShowSettings> show;
    private final NotifySettings notifications;
    private final FeedUrls urls;

    public DistributionController(
            Supplier<ReadinessChecks> readiness,
            Listings listings,
            Supplier<ShowSettings> show,
            NotifySettings notifications,
            FeedUrls urls) {
        this.readiness = readiness;
        this.listings = listings;
        this.show = show;
        this.notifications = notifications;
        this.urls = urls;
    }

    /** This controller's routes under /admin, each with the access it needs (AdminRoutes registers them). */
    public List<AdminRoute> routes() {
        return List.of(
                new AdminRoute(HandlerType.GET, "/admin/distribution", Access.HOST, this::show),
                new AdminRoute(HandlerType.POST, "/admin/distribution/listings", Access.HOST, this::saveListings));
    }

    void show(Context ctx) throws Exception {
        render(ctx, "listings".equals(ctx.queryParam("saved")) ? "Listings saved." : null, listings.all(), Map.of());
    }

    /** All or nothing: every address checked first, every problem shown by its field, what was typed kept. */
    void saveListings(Context ctx) throws Exception {
        Map<Directory, String> typed = new java.util.EnumMap<>(Directory.class);
        for (Directory d : Directory.values()) {
            String value = ctx.formParam(Listings.field(d));
            typed.put(d, value == null ? "" : value.strip());
        }
        try {
            listings.saveAll(typed);
            ctx.redirect("/admin/distribution?saved=listings#listings", HttpStatus.SEE_OTHER);
        } catch (Listings.BadListing bad) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, null, typed, bad.problems());
        }
    }

    private void render(Context ctx, String saved, Map<Directory, String> listed, Map<String, String> problems)
            throws Exception {
        // The server checks its own media through its own local address: the public URL may point at a proxy
        // or CDN that this machine cannot reach the same way.
        String self = ctx.scheme() + "://" + ctx.host();
        ReadinessChecks.Report report = readiness.get().run(self);
        List<DistributionPage.Entry> entries = new ArrayList<>();
        for (Directory d : Directory.values()) {
            entries.add(new DistributionPage.Entry(
                    d.code(),
                    d.title(),
                    d.submitUrl(),
                    java.util.Objects.requireNonNullElse(listed.get(d), ""),
                    problems.get(Listings.field(d)),
                    report.count(d, Check.Status.FAIL),
                    report.count(d, Check.Status.WARN),
                    report.checks().get(d)));
        }
        ShowSettings show = this.show.get();
        List<List<String>> settings = List.of(
                List.of("Blocked from Apple Podcasts (itunes:block)", show.blocksApple() ? "yes" : "no"),
                List.of("Blocked from YouTube Music (googleplay:block)", show.blocksYouTube() ? "yes" : "no"),
                List.of(
                        "Verification codes (podcast:txt)",
                        show.txt().isEmpty()
                                ? "none"
                                : String.join(
                                        ", ",
                                        show.txt().stream()
                                                .map(t -> (t.purpose() == null ? "" : t.purpose() + ": ") + t.value())
                                                .toList())),
                List.of(
                        "Moved to (itunes:new-feed-url and a 301 from /feed.xml)",
                        show.newFeedUrl() == null ? "not moved" : show.newFeedUrl()),
                List.of(
                        "Notified on publish",
                        notifications.websubHubs().size() + " WebSub hub(s)"
                                + (notifications.podping() == null ? "" : " and podping")));
        Pages.render(
                ctx,
                "admin/distribution.jte",
                new DistributionPage(
                        AdminSecurity.session(ctx).csrfToken(), urls.feed(), entries, settings, saved, problems));
    }
}
