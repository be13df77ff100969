package org.castkeeper.site;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.Publication;
import org.castkeeper.catalogue.PublicationCache;
import org.castkeeper.config.AnalyticsSettings;
import org.castkeeper.config.ShowSettings;
import org.castkeeper.distribution.Directory;
import org.castkeeper.distribution.Listings;
import org.castkeeper.feed.FeedUrls;
import org.castkeeper.feed.ShowNotesHtml;
import org.castkeeper.media.PlayTime;

/**
 * The public pages: the show and each live episode. Only the published catalogue is read, so drafts and
 * scheduled episodes never appear before their time.
 */
public final class SiteController {
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy");
    private static final int DESCRIPTION_CHARS = 300;

    private final PublicationCache publications;
    private final Listings listings;
    private final AnalyticsSettings counting;
    private final boolean countries;
    private final FeedUrls urls;

    /**
     * @param counting  what is counted and kept (analytics), for the privacy note
     * @param countries whether a country database is configured
     */
    public SiteController(
            PublicationCache publications,
            Listings listings,
            FeedUrls urls,
            AnalyticsSettings counting,
            boolean countries) {
        this.counting = counting;
        this.countries = countries;
        this.publications = publications;
        this.listings = listings;
        this.urls = urls;
    }

    private volatile Map<Directory, String> lastListings = Map.of();
    private volatile long listingsRetryAt = System.nanoTime();

    /**
     * The directories the show is listed in. When the database does not answer, the last ones read, and it is not
     * asked again for 30 s: the home page keeps answering, and at most one request in 30 s waits on the database.
     */
    private Map<Directory, String> listed() {
        long now = System.nanoTime();
        if (now - listingsRetryAt < 0) {
            return lastListings;
        }
        try {
            lastListings = listings.all();
        } catch (RuntimeException databaseAway) {
            listingsRetryAt = now + 30_000_000_000L;
            org.slf4j.LoggerFactory.getLogger(SiteController.class)
                    .warn("The listings cannot be read; showing the last ones: {}", databaseAway.toString());
        }
        return lastListings;
    }

    private ShowSettings show() {
        return publications.latestOrLoad().show();
    }

    private ZoneId timeZone() {
        return show().zone();
    }

    public void home(Context ctx) {
        Publication published = publications.currentOrLastGood();
        ShowSettings show = show();
        List<ShowPage.SubscribeLink> subscribe = new ArrayList<>();
        for (Map.Entry<Directory, String> listing : listed().entrySet()) {
            subscribe.add(new ShowPage.SubscribeLink(
                    listing.getKey().code(), "Listen on " + listing.getKey().title(), listing.getValue()));
        }
        subscribe.add(new ShowPage.SubscribeLink("rss", "RSS feed", urls.feed()));
        List<ShowPage.EpisodeLine> lines =
                published.live().stream().map(this::line).toList();
        SiteHead head = head(show.title(), show.description(), urls.site(), urls.showArtwork(), "website", null);
        render(
                ctx,
                "site/show.jte",
                new ShowPage(head, show.author(), subscribe, lines.isEmpty() ? null : lines.get(0), lines));
    }

    public void episode(Context ctx) {
        var published = publications.currentOrLastGood();
        Optional<Episode> found = published.bySlug(ctx.pathParam("slug"));
        if (found.isEmpty() && published.wasDeleted(ctx.pathParam("slug"))) {
            missing(ctx, HttpStatus.GONE, "This episode was deleted", "The show took this episode down for good.");
            return;
        }
        if (found.isEmpty()) {
            missing(ctx, HttpStatus.NOT_FOUND, "No such episode", "There is no episode at this address.");
            return;
        }
        Episode e = found.get();
        String notes = ShowNotesHtml.sanitize(e.description());
        String image = e.artworkPath() != null ? urls.media(e.artworkPath()) : urls.showArtwork();
        SiteHead head =
                head(e.title(), ShowNotesHtml.toPlainText(notes), urls.episodePage(e.slug()), image, "article", e);
        List<EpisodeSitePage.ChapterLine> chapters = chapterLines(e);
        render(
                ctx,
                "site/episode.jte",
                new EpisodeSitePage(
                        head,
                        line(e),
                        notes,
                        chapters,
                        e.transcripts().isEmpty()
                                ? null
                                : urls.media(e.transcripts().get(0).path())));
    }

    private static List<EpisodeSitePage.ChapterLine> chapterLines(Episode e) {
        return e.chapters().stream()
                .map(c -> new EpisodeSitePage.ChapterLine(
                        PlayTime.of(c.startMillis() / 1000), c.title(), c.startMillis() / 1000))
                .toList();
    }

    /**
     * GET /embed/episodes/{slug}: a small page with the player, the artwork, the title and chapters that seek,
     * for other sites to put in an iframe (the one route family that may be framed).
     */
    public void embed(Context ctx) {
        var published = publications.currentOrLastGood();
        Optional<Episode> found = published.bySlug(ctx.pathParam("slug"));
        if (found.isEmpty()) {
            boolean gone = published.wasDeleted(ctx.pathParam("slug"));
            ctx.status(gone ? HttpStatus.GONE : HttpStatus.NOT_FOUND)
                    .contentType("text/plain; charset=utf-8")
                    .result(gone ? "This episode was deleted." : "There is no episode at this address.");
            return;
        }
        renderEmbed(ctx, found.get());
    }

    /** GET /embed/latest: the newest episode's player, for a site that always shows the latest. */
    public void embedLatest(Context ctx) {
        var live = publications.currentOrLastGood().live();
        if (live.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND)
                    .contentType("text/plain; charset=utf-8")
                    .result("No episode has been published yet.");
            return;
        }
        renderEmbed(ctx, live.get(0));
    }

    private void renderEmbed(Context ctx, Episode e) {
        ShowSettings show = show();
        String image = e.artworkPath() != null ? urls.media(e.artworkPath()) : urls.showArtwork();
        // A short cache: the latest changes when an episode goes out.
        ctx.header("Cache-Control", "public, max-age=300");
        render(
                ctx,
                "site/embed.jte",
                new EmbedPage(
                        show.language(), show.title(), line(e), image, chapterLines(e), urls.episodePage(e.slug())));
    }

    /** The player's script: chapters that seek, on the episode page and in the embed. */
    public void playerScript(Context ctx) throws IOException {
        try (InputStream in = SiteController.class.getResourceAsStream("/public/player.js")) {
            ctx.contentType("text/javascript; charset=utf-8")
                    .header("Cache-Control", "public, max-age=300")
                    .result(in.readAllBytes());
        }
    }

    /** GET /privacy: what is counted of listeners, in plain words. */
    public void privacy(Context ctx) {
        ShowSettings show = show();
        SiteHead head = head(
                "Privacy · " + show.title(),
                "What this site counts of its listeners, and what not.",
                urls.site() + "privacy",
                urls.showArtwork(),
                "website",
                null);
        render(
                ctx,
                "site/privacy.jte",
                new PrivacyPage(head, counting.enabled(), counting.keepRawDays(), countries, show.op3()));
    }

    /** An episode page that is not there, in the site's own look (not indexed: it is no page of the show). */
    private void missing(Context ctx, HttpStatus status, String heading, String explanation) {
        ShowSettings show = show();
        SiteHead head =
                head(heading + " · " + show.title(), explanation, urls.site(), urls.showArtwork(), "website", null);
        ctx.status(status);
        render(ctx, "site/missing.jte", new MissingPage(head, heading, explanation));
    }

    /** GET /assets/favicon.svg: the icon of every page, the admin's too (no page asks for /favicon.ico). */
    public void favicon(Context ctx) throws IOException {
        try (InputStream in = SiteController.class.getResourceAsStream("/public/favicon.svg")) {
            ctx.contentType("image/svg+xml")
                    .header("Cache-Control", "public, max-age=86400")
                    .result(in.readAllBytes());
        }
    }

    /** The public stylesheet. */
    public void stylesheet(Context ctx) throws IOException {
        try (InputStream in = SiteController.class.getResourceAsStream("/public/site.css")) {
            ctx.contentType("text/css; charset=utf-8")
                    .header("Cache-Control", "public, max-age=300")
                    .result(in.readAllBytes());
        }
    }

    private SiteHead head(String title, String description, String url, String image, String type, Episode audio) {
        ShowSettings show = show();
        String shortDescription = description == null ? "" : description.strip();
        if (shortDescription.length() > DESCRIPTION_CHARS) {
            shortDescription =
                    shortDescription.substring(0, DESCRIPTION_CHARS - 1).strip() + "…";
        }
        return new SiteHead(
                show.language(),
                title,
                shortDescription,
                show.title(),
                urls.feed(),
                url,
                image,
                type,
                audio == null ? null : urls.media(audio.audio().path()),
                audio == null ? null : audio.audio().mimeType());
    }

    private ShowPage.EpisodeLine line(Episode e) {
        ZoneId zone = timeZone();
        return new ShowPage.EpisodeLine(
                e.title(),
                urls.episodePage(e.slug()),
                DATE.withZone(zone).format(e.publishAt()),
                PlayTime.of(e.audio().durationSeconds()),
                urls.media(e.audio().path()));
    }

    private static void render(Context ctx, String template, Object page) {
        StringOutput out = new StringOutput();
        TEMPLATES.render(template, page, out);
        ctx.html(out.toString());
    }
}
