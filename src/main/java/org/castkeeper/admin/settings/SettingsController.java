package org.castkeeper.admin.settings;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.castkeeper.admin.shared.Access;
import org.castkeeper.admin.shared.AdminRoute;
import org.castkeeper.admin.shared.AdminSecurity;
import org.castkeeper.admin.shared.Formats;
import org.castkeeper.admin.shared.InvalidInput;
import org.castkeeper.admin.shared.Pages;
import org.castkeeper.catalogue.ShowSettingsRepository;
import org.castkeeper.config.AppConfig;
import org.castkeeper.config.ApplePodcastCategories;
import org.castkeeper.config.ConfigProblem;
import org.castkeeper.config.ConfigValidator;
import org.castkeeper.config.ShowSettings;
import org.castkeeper.errors.Refusal;
import org.castkeeper.feed.CachedFeed;
import org.castkeeper.feed.FeedCache;
import org.castkeeper.feed.FeedUrls;
import org.castkeeper.media.ShowArtwork;
import org.castkeeper.show.ShowEditor;

/**
 * The show settings page: every setting of the show, edited in the browser and in the feed on the next request
 * (on every instance after its next change-stamp check), with the change log. Settings a directory acts on at
 * once (moving the feed, blocking a directory, marking the show complete) are saved only after the host confirms.
 */
public final class SettingsController {
    private static final long MAX_ARTWORK = 20L * 1024 * 1024;

    private final AppConfig config;
    private final ShowEditor editor;
    private final Supplier<ShowSettings> show;
    private final Supplier<ShowArtwork> showArtwork;
    private final FeedUrls urls;
    private final FeedCache feed;
    private final List<String> fileChangesNotApplied;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    /**
     * @param show                  the show's settings as the public sees them now (with the environment's)
     * @param fileChangesNotApplied settings feed-config.yml changed after it seeded the show
     */
    public SettingsController(
            AppConfig config,
            ShowEditor editor,
            Supplier<ShowSettings> show,
            Supplier<ShowArtwork> showArtwork,
            FeedUrls urls,
            FeedCache feed,
            List<String> fileChangesNotApplied) {
        this.config = config;
        this.editor = editor;
        this.show = show;
        this.showArtwork = showArtwork;
        this.urls = urls;
        this.feed = feed;
        this.fileChangesNotApplied = fileChangesNotApplied;
    }

    /** This controller's routes under /admin, each with the access it needs (AdminRoutes registers them). */
    public List<AdminRoute> routes() {
        return List.of(
                new AdminRoute(HandlerType.GET, "/admin/settings", Access.HOST, this::show),
                new AdminRoute(HandlerType.POST, "/admin/settings", Access.HOST, this::save),
                new AdminRoute(HandlerType.POST, "/admin/settings/artwork", Access.HOST, this::artwork));
    }

    void show(Context ctx) {
        ShowSettingsRepository.Stored stored = editor.current();
        String done = ctx.queryParam("done");
        String notice = done == null
                ? null
                : switch (done) {
                    case "saved" -> "Saved. The feed shows the change now.";
                    case "artwork" -> "Artwork saved. The feed names the new image now.";
                    case "unchanged" -> "Nothing had changed.";
                    default -> null;
                };
        render(ctx, ShowForm.values(stored.settings()), stored.version(), Map.of(), null, List.of(), notice);
    }

    /** POST /admin/settings: the whole form. Refused saves show the form again exactly as typed. */
    void save(Context ctx) {
        Map<String, String> form = new LinkedHashMap<>();
        ctx.formParamMap().forEach((name, values) -> form.put(name, values.isEmpty() ? "" : values.get(0)));
        long version;
        try {
            version = Long.parseLong(form.getOrDefault("version", ""));
        } catch (NumberFormatException e) {
            ctx.status(HttpStatus.BAD_REQUEST).result("The form is incomplete; reload the settings page.");
            return;
        }
        ShowSettingsRepository.Stored stored = editor.current();
        ShowForm.Read read = ShowForm.read(form, stored.settings());
        Map<String, String> problems = new LinkedHashMap<>(read.problems());
        for (ConfigProblem p : ConfigValidator.validateShow(read.settings(), config.artworkFile(read.settings()))) {
            problems.putIfAbsent(ShowForm.fieldOf(p), ShowForm.label(ShowForm.fieldOf(p)) + ": " + p.message());
        }
        ShowSettings before = stored.settings();
        ShowSettings after = read.settings();
        if (after.newFeedUrl() != null
                && !after.newFeedUrl().equals(before.newFeedUrl())
                && !problems.containsKey("newFeedUrl")) {
            String refusal = answersWithFeed(after.newFeedUrl());
            if (refusal != null) {
                problems.put("newFeedUrl", refusal);
            }
        }
        if (!problems.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, form, version, problems, null, List.of(), null);
            return;
        }
        List<String> dangers = dangers(before, after);
        if (!dangers.isEmpty() && !"yes".equals(form.get("confirm"))) {
            render(ctx, form, version, Map.of(), null, dangers, null);
            return;
        }
        String user = AdminSecurity.session(ctx).user().username();
        try {
            List<ShowSettingsRepository.Change> changes = editor.save(after, version, user);
            ctx.redirect("/admin/settings?done=" + (changes.isEmpty() ? "unchanged" : "saved"), HttpStatus.SEE_OTHER);
        } catch (ShowSettingsRepository.StaleEdit stale) {
            ctx.status(HttpStatus.CONFLICT);
            render(
                    ctx,
                    form,
                    editor.current().version(),
                    Map.of(),
                    "Someone else saved the settings while you were editing (see the changes at the bottom). "
                            + "Your values are still in the form: check them, then save again to keep yours.",
                    List.of(),
                    null);
        }
    }

    /** POST /admin/settings/artwork: new show artwork, checked as episode art is, stored under a new name. */
    void artwork(Context ctx) throws IOException {
        ShowSettingsRepository.Stored stored = editor.current();
        try {
            UploadedFile file = ctx.uploadedFile("artwork");
            if (file == null || file.size() == 0) {
                throw new InvalidInput("Choose an image to upload.");
            }
            if (file.size() > MAX_ARTWORK) {
                throw new InvalidInput("That file is bigger than " + MAX_ARTWORK / (1024 * 1024) + " MB.", 413);
            }
            byte[] bytes;
            try (InputStream in = file.content()) {
                bytes = in.readAllBytes();
            }
            editor.replaceArtwork(
                    bytes, stored.version(), AdminSecurity.session(ctx).user().username());
            ctx.redirect("/admin/settings?done=artwork", HttpStatus.SEE_OTHER);
        } catch (Refusal refused) {
            ctx.status(refused.status());
            render(
                    ctx,
                    ShowForm.values(stored.settings()),
                    stored.version(),
                    Map.of("artwork", refused.getMessage()),
                    refused.getMessage(),
                    List.of(),
                    null);
        } catch (ShowSettingsRepository.StaleEdit stale) {
            ctx.status(HttpStatus.CONFLICT);
            ShowSettingsRepository.Stored now = editor.current();
            render(
                    ctx,
                    ShowForm.values(now.settings()),
                    now.version(),
                    Map.of(),
                    "Someone else saved the settings at the same moment; upload the artwork again.",
                    List.of(),
                    null);
        }
    }

    /** What the directories do at once when these changes are saved, for the host to confirm first. */
    private static List<String> dangers(ShowSettings before, ShowSettings after) {
        List<String> dangers = new ArrayList<>();
        if (after.newFeedUrl() != null && !after.newFeedUrl().equals(before.newFeedUrl())) {
            dangers.add("Move the feed to " + after.newFeedUrl() + ": /feed.xml will answer every app and directory "
                    + "with a permanent redirect there, and Apple Podcasts updates its listing to the new address. "
                    + "To undo, empty this field: the feed is served here again, but apps that already moved stay "
                    + "at the new address.");
        }
        if (after.blocksApple() && !before.blocksApple()) {
            dangers.add("Block the show from Apple Podcasts (itunes:block): Apple removes it from its directory "
                    + "and search within about a day. Listeners already subscribed keep their episodes. Unblocking "
                    + "later brings it back, but it can take days.");
        }
        if (after.blocksYouTube() && !before.blocksYouTube()) {
            dangers.add("Block the show from YouTube Music (googleplay:block): YouTube stops importing it.");
        }
        if (after.complete() && !before.complete()) {
            dangers.add("Mark the show complete (itunes:complete): Apple Podcasts treats it as finished and stops "
                    + "checking for new episodes. Publish nothing more after this.");
        }
        return dangers;
    }

    /** Why an address could not be reached, in words: the exceptions for these say little or nothing. */
    private static String why(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return "nothing answers there";
            }
            if (t instanceof java.net.UnknownHostException) {
                return "there is no such host";
            }
            if (t instanceof java.net.http.HttpTimeoutException) {
                return "it did not answer within 10 seconds";
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return "its https certificate is not valid";
            }
        }
        return e.getMessage() != null ? e.getMessage() : "the connection failed";
    }

    /** Null when {@code url} answers with an RSS feed now; else what is wrong, for the host. */
    private String answersWithFeed(String url) {
        try {
            HttpResponse<InputStream> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .header("User-Agent", "Castkeeper (checking a new feed address)")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return "New feed address: " + url + " answers HTTP " + response.statusCode()
                            + ", not a feed. Set up the feed there first: every app will follow the move.";
                }
                String start = new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                if (!start.contains("<rss")) {
                    return "New feed address: " + url + " answers, but not with a podcast feed (no <rss>). "
                            + "Set up the feed there first: every app will follow the move.";
                }
                return null;
            }
        } catch (IOException | IllegalArgumentException e) {
            return "New feed address: " + url + " cannot be reached (" + why(e) + "). Set up the feed there first:"
                    + " every app will follow the move.";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "New feed address: the check was interrupted; try again.";
        }
    }

    private void render(
            Context ctx,
            Map<String, String> values,
            long version,
            Map<String, String> problems,
            String error,
            List<String> dangers,
            String notice) {
        Map<String, String> environment = new LinkedHashMap<>();
        config.showOverrides()
                .values()
                .forEach((key, variable) -> environment.put(
                        ShowForm.fieldOfKey(key),
                        "Set by the environment (" + variable.name() + " = \"" + variable.value()
                                + "\"): that value is the " + "one in the feed, whatever is saved here."));
        List<String> categories = new ArrayList<>();
        for (String c : ApplePodcastCategories.categories()) {
            categories.add(c);
            for (String sub : ApplePodcastCategories.subcategories(c)) {
                categories.add(c + " › " + sub);
            }
        }
        ShowSettings live = show.get();
        var artwork = showArtwork.get();
        List<List<String>> history = editor.history(50).stream()
                .map(c -> List.of(
                        Formats.dateTime(c.at(), show.get().zone()),
                        c.by(),
                        ShowForm.settingName(c.setting()),
                        c.oldValue() == null ? "(not set)" : c.oldValue(),
                        c.newValue() == null ? "(not set)" : c.newValue()))
                .toList();
        Pages.render(
                ctx,
                "admin/settings.jte",
                new SettingsPage(
                        AdminSecurity.session(ctx).csrfToken(),
                        urls.feed(),
                        version,
                        values,
                        problems,
                        environment,
                        categories,
                        dangers,
                        error,
                        notice,
                        artwork == null ? null : "/artwork/" + artwork.publicName(),
                        live.podcastGuid(),
                        editor.guidFixedAt()
                                .map(at -> Formats.dateTime(at, show.get().zone()))
                                .orElse(null),
                        fileChangesNotApplied.stream().map(k -> "show." + k).toList(),
                        config.source().toAbsolutePath().toString(),
                        history,
                        latestItem()));
    }

    private String latestItem() {
        CachedFeed feed = this.feed.page(1).orElse(null);
        if (feed == null) {
            return null;
        }
        String xml = new String(feed.xml(), StandardCharsets.UTF_8);
        int start = xml.indexOf("<item>");
        int end = xml.indexOf("</item>");
        return start < 0 || end < 0 ? null : xml.substring(start, end + "</item>".length());
    }
}
