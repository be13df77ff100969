package org.castkeeper.admin.episodes;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.castkeeper.admin.shared.Access;
import org.castkeeper.admin.shared.AdminRoute;
import org.castkeeper.admin.shared.AdminSecurity;
import org.castkeeper.admin.shared.Formats;
import org.castkeeper.admin.shared.InvalidInput;
import org.castkeeper.admin.shared.Pages;
import org.castkeeper.admin.shared.UploadReceiver;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.EpisodeRepository;
import org.castkeeper.catalogue.EpisodeRules;
import org.castkeeper.config.ShowSettings;
import org.castkeeper.episodes.EpisodeLifecycle;
import org.castkeeper.errors.Refusal;
import org.castkeeper.feed.FeedUrls;
import org.castkeeper.importing.EpisodeImporter;
import org.castkeeper.media.MediaStore;

/**
 * The episode editor: details, publishing (now, scheduled, unpublished), artwork, transcript and replacing the
 * audio. Every change goes through {@code episodes.EpisodeLifecycle}, so the feed shows it on the next request.
 */
public final class EpisodeEditController {
    private static final long MAX_SMALL_FILE = 20L * 1024 * 1024;

    private final EpisodeRepository episodes;
    private final EpisodeLifecycle lifecycle;
    private final EpisodeImporter importer;
    private final MediaStore media;
    private final Supplier<ShowSettings> show;
    private final FeedUrls urls;
    private final Clock clock;
    private final UploadReceiver uploads;

    /** @param show the show's settings as they are now (its time zone, its explicit flag) */
    public EpisodeEditController(
            EpisodeRepository episodes,
            EpisodeLifecycle lifecycle,
            EpisodeImporter importer,
            MediaStore media,
            Supplier<ShowSettings> show,
            FeedUrls urls,
            Clock clock,
            UploadReceiver uploads) {
        this.episodes = episodes;
        this.lifecycle = lifecycle;
        this.importer = importer;
        this.media = media;
        this.show = show;
        this.urls = urls;
        this.clock = clock;
        this.uploads = uploads;
    }

    /** This controller's routes under /admin, each with the access it needs (AdminRoutes registers them). */
    public List<AdminRoute> routes() {
        return List.of(
                new AdminRoute(HandlerType.GET, "/admin/episodes/{id}", Access.HOST, this::show),
                new AdminRoute(HandlerType.POST, "/admin/episodes/{id}", Access.HOST, this::save),
                new AdminRoute(HandlerType.POST, "/admin/episodes/{id}/publish", Access.HOST, this::publish),
                new AdminRoute(HandlerType.POST, "/admin/episodes/{id}/schedule", Access.HOST, this::schedule),
                new AdminRoute(HandlerType.POST, "/admin/episodes/{id}/unpublish", Access.HOST, this::unpublish),
                new AdminRoute(HandlerType.POST, "/admin/episodes/{id}/delete", Access.HOST, this::delete),
                new AdminRoute(
                        HandlerType.POST, "/admin/episodes/{id}/notices/dismiss", Access.HOST, this::dismissNotices),
                new AdminRoute(HandlerType.GET, "/admin/episodes/{id}/file/{kind}", Access.HOST, this::file),
                new AdminRoute(HandlerType.POST, "/admin/preview", Access.HOST, this::preview),
                new AdminRoute(HandlerType.POST, "/admin/episodes/{id}/artwork", Access.HOST, this::artwork),
                new AdminRoute(HandlerType.POST, "/admin/episodes/{id}/transcript", Access.HOST, this::transcript),
                new AdminRoute(HandlerType.PUT, "/admin/episodes/{id}/audio", Access.HOST, this::replaceAudio));
    }

    void show(Context ctx) {
        Optional<Episode> episode = find(ctx);
        if (episode.isEmpty()) {
            notFound(ctx);
            return;
        }
        render(
                ctx,
                episode.get(),
                EpisodeForm.of(episode.get(), defaultSchedule(episode.get()), timeZone()),
                messages(ctx),
                null,
                java.util.Map.of(),
                null);
    }

    /**
     * POST /admin/episodes/{id}: the editor's one form. "action" says which button: save, publish, schedule or
     * unpublish; each saves the typed details with the change of state, in one write, or refuses with the form
     * as typed. Scheduling a live episode and unpublishing ask first.
     */
    void save(Context ctx) {
        submit(ctx, ctx.formParam("action") == null ? "save" : ctx.formParam("action"));
    }

    void publish(Context ctx) {
        submit(ctx, "publish");
    }

    void schedule(Context ctx) {
        submit(ctx, "schedule");
    }

    void unpublish(Context ctx) {
        submit(ctx, "unpublish");
    }

    private void submit(Context ctx, String action) {
        Episode e = found(ctx);
        if (e == null) {
            return;
        }
        EpisodeForm form = EpisodeForm.typed(ctx, e, defaultSchedule(e), timeZone());
        String by = AdminSecurity.session(ctx).user().username();
        Instant now = clock.instant();
        try {
            // The old single-purpose forms send no details: then only the state changes.
            EpisodeLifecycle.Details details = form.hasDetails() ? form.details(e) : null;
            // A confirmation counts only for the action it was asked for.
            boolean confirmed = action.equals(ctx.formParam("confirm"));
            switch (action) {
                case "save" -> {
                    if (details == null) {
                        throw new InvalidInput("An episode needs a title.", 422, "title");
                    }
                    lifecycle.save(e, details, by);
                    redirect(ctx, e, "saved");
                }
                case "publish" -> {
                    EpisodeLifecycle.Republish how = "new".equals(ctx.formParam("republish"))
                            ? EpisodeLifecycle.Republish.AS_NEW_NOW
                            : EpisodeLifecycle.Republish.KEEP_FIRST_DATE;
                    lifecycle.publishNow(e, details, how, by);
                    redirect(ctx, e, "published");
                }
                case "schedule" -> {
                    Instant at = form.scheduleInstant(timeZone());
                    // Checked before asking to confirm: never ask "schedule it anyway?" about a time that is refused.
                    EpisodeRules.scheduleTime(at, now);
                    if (e.isLive(now) && !confirmed) {
                        askFirst(
                                ctx,
                                e,
                                form,
                                "schedule",
                                "This episode is in the feed now. Scheduling it takes it "
                                        + "out of the feed until " + Formats.dateTime(at, timeZone())
                                        + ": its page and "
                                        + "audio are unavailable until then, and apps that have not downloaded it yet cannot. "
                                        + "Schedule it anyway?");
                        return;
                    }
                    lifecycle.schedule(e, details, at, by);
                    redirect(ctx, e, "scheduled");
                }
                case "unpublish" -> {
                    if (!confirmed) {
                        askFirst(
                                ctx,
                                e,
                                form,
                                "unpublish",
                                "Unpublishing takes the episode out of the feed and "
                                        + "off its page now. Apps that downloaded it keep their copy. You can publish it "
                                        + "again later, in its old place or as new. Unpublish it?");
                        return;
                    }
                    lifecycle.unpublish(e, details, by);
                    redirect(ctx, e, "unpublished");
                }
                default -> throw new InvalidInput("Unknown action.", 400);
            }
        } catch (java.time.DateTimeException bad) {
            refuse(ctx, e, form, new InvalidInput("Give a date and a time, e.g. 2026-12-01 and 07:00.", 422, "date"));
        } catch (Refusal refused) {
            refuse(ctx, e, form, refused);
        }
    }

    /**
     * POST /admin/episodes/{id}/delete. A draft that was never public goes at once; one that apps may have is
     * deleted only once the host has confirmed, having been told what it means.
     */
    void delete(Context ctx) {
        Episode e = found(ctx);
        if (e == null) {
            return;
        }
        if (e.hasBeenPublic(clock.instant()) && !"delete".equals(ctx.formParam("confirm"))) {
            askFirst(
                    ctx,
                    e,
                    EpisodeForm.of(e, defaultSchedule(e), timeZone()),
                    "delete",
                    "Delete \"" + e.title() + "\" for good? It leaves the feed, and its page, audio, chapters and "
                            + "transcript answer \"gone\". Apps that downloaded it keep their copy. Its identity "
                            + "(guid) is never used again, so it cannot come back as the same episode. "
                            + "There is no undo.");
            return;
        }
        lifecycle.delete(e.id(), AdminSecurity.session(ctx).user().username());
        ctx.redirect("/admin?done=deleted", HttpStatus.SEE_OTHER);
    }

    /**
     * GET /admin/episodes/{id}/file/{kind}: the episode's audio or artwork for the editor's player and preview,
     * whatever its state (the public /media/ route serves only live episodes). Byte ranges, for seeking.
     */
    void file(Context ctx) throws IOException {
        Episode e = found(ctx);
        if (e == null) {
            return;
        }
        String kind = ctx.pathParam("kind");
        String path = switch (kind) {
            case "audio" -> e.audio().path();
            case "artwork" -> e.artworkPath();
            default -> null;
        };
        Optional<MediaStore.Stat> stat = path == null ? Optional.empty() : media.stat(path);
        if (stat.isEmpty()) {
            notFound(ctx);
            return;
        }
        String type = kind.equals("audio") ? e.audio().mimeType() : path.endsWith(".png") ? "image/png" : "image/jpeg";
        ctx.header("Cache-Control", "private, max-age=60");
        // Through the store, on this disk or in a bucket; Javalin answers the player's ranges from the stream.
        ctx.writeSeekableStream(
                media.read(path, 0, Long.MAX_VALUE), type, stat.get().size());
    }

    /** POST /admin/preview: the show notes as the feed will carry them, for the editor's preview. */
    void preview(Context ctx) {
        String markdown = ctx.body();
        ctx.contentType("text/html; charset=utf-8")
                .result(org.castkeeper.feed.ShowNotesHtml.sanitize(Markdown.toHtml(EpisodeRules.cleanText(markdown))));
    }

    /** POST /admin/episodes/{id}/notices/dismiss: the host has read the audio's warnings. */
    void dismissNotices(Context ctx) {
        Episode e = found(ctx);
        if (e != null) {
            lifecycle.dismissNotices(e);
            redirect(ctx, e, "dismissed");
        }
    }

    private void askFirst(Context ctx, Episode e, EpisodeForm form, String action, String question) {
        render(ctx, e, form, List.of(), null, java.util.Map.of(), new EpisodePage.Confirm(action, question));
    }

    private void refuse(Context ctx, Episode e, EpisodeForm form, Refusal refused) {
        ctx.status(refused.status());
        java.util.Map<String, String> problems = refused.problems();
        render(ctx, e, form, List.of(), problems.isEmpty() ? refused.getMessage() : null, problems, null);
    }

    /** The suggested schedule: the episode's own time to come, else this time tomorrow. */
    private Instant defaultSchedule(Episode e) {
        Instant now = clock.instant();
        return e.publishAt() != null && e.publishAt().isAfter(now) ? e.publishAt() : now.plusSeconds(86400);
    }

    void artwork(Context ctx) throws IOException {
        Episode e = found(ctx);
        if (e == null) {
            return;
        }
        try {
            byte[] bytes = smallFile(ctx.uploadedFile("artwork"), "an image");
            lifecycle.setArtwork(e, bytes, AdminSecurity.session(ctx).user().username());
            redirect(ctx, e, "artwork");
        } catch (Refusal refused) {
            refuse(ctx, e, EpisodeForm.of(e, defaultSchedule(e), timeZone()), refused);
        }
    }

    void transcript(Context ctx) throws IOException {
        Episode e = found(ctx);
        if (e == null) {
            return;
        }
        try {
            UploadedFile file = ctx.uploadedFile("transcript");
            byte[] bytes = smallFile(file, "a transcript");
            lifecycle.attachTranscript(
                    e,
                    file == null ? null : file.filename(),
                    bytes,
                    AdminSecurity.session(ctx).user().username());
            redirect(ctx, e, "transcript");
        } catch (Refusal refused) {
            refuse(ctx, e, EpisodeForm.of(e, defaultSchedule(e), timeZone()), refused);
        }
    }

    /** PUT /admin/episodes/{id}/audio with the new MP3 as the body. The guid, and so the episode in every app, stays. */
    void replaceAudio(Context ctx) throws Exception {
        Episode e = found(ctx);
        if (e == null) {
            return;
        }
        Path received = uploads.receiveOrAnswer(ctx);
        if (received == null) {
            return;
        }
        try {
            EpisodeImporter.Replacement replacement = importer.prepareReplacement(received, e);
            if (replacement.audio() == null) {
                ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).json(Map.of("error", replacement.refusal()));
                return;
            }
            lifecycle.replaceAudio(
                    e,
                    replacement.audio(),
                    replacement.warnings(),
                    AdminSecurity.session(ctx).user().username());
            ctx.json(Map.of("id", e.id(), "edit", "/admin/episodes/" + e.id(), "warnings", replacement.warnings()));
        } finally {
            Files.deleteIfExists(received);
        }
    }

    /**
     * The editor page. {@code form} holds the values to show: the episode's, or what the host typed when a save
     * was refused or needs confirming, so nothing typed is ever lost.
     */
    private void render(
            Context ctx,
            Episode e,
            EpisodeForm form,
            List<String> messages,
            String error,
            java.util.Map<String, String> problems,
            EpisodePage.Confirm confirm) {
        ZoneId zone = timeZone();
        Instant now = clock.instant();
        List<String> notices = new ArrayList<>(messages);
        if (error == null && problems.isEmpty()) {
            notices.addAll(EpisodeRules.notesWarnings(form.notes()));
        }
        Pages.render(
                ctx,
                "admin/episode.jte",
                new EpisodePage(
                        AdminSecurity.session(ctx).csrfToken(),
                        e.id(),
                        e.title(),
                        e.stateAt(now).code(),
                        e.isLive(now),
                        publishAtText(e, now, zone),
                        urls.episodePage(e.slug()),
                        form,
                        Boolean.TRUE.equals(show.get().explicit()) ? "yes" : "no",
                        "/admin/episodes/" + e.id() + "/file/audio",
                        e.audio().path() + ", " + Formats.duration(e.audio().durationSeconds()) + ", "
                                + Formats.size(e.audio().sizeBytes()) + ", "
                                + e.audio().bitrateKbps() + " kbps",
                        e.artworkPath() == null ? null : "/admin/episodes/" + e.id() + "/file/artwork",
                        !e.transcripts().isEmpty(),
                        e.state() == org.castkeeper.catalogue.EpisodeState.UNPUBLISHED && e.hasBeenPublic(now),
                        !e.hasBeenPublic(now),
                        zone.getId(),
                        notices,
                        episodes.notices().of(e.id()),
                        error,
                        problems,
                        confirm,
                        e.isLive(now) ? embedSnippet(urls.site() + "embed/episodes/" + e.slug(), e.title()) : null));
    }

    /**
     * When the episode went or goes out, in words true at {@code now}: "published" while live, "goes live" only
     * for a time still to come, "first published" for one taken out of the feed since; nothing for a draft.
     */
    static String publishAtText(Episode e, Instant now, ZoneId zone) {
        if (e.publishAt() == null) {
            return null;
        }
        String when = Formats.dateTime(e.publishAt(), zone);
        if (e.isLive(now)) {
            return "published " + when;
        }
        if (e.publishAt().isAfter(now)) {
            return e.state() == org.castkeeper.catalogue.EpisodeState.SCHEDULED ? "goes live " + when : null;
        }
        return e.hasBeenPublic(now) ? "first published " + when : null;
    }

    /** The iframe another site pastes to play the episode: the player is 150 px high, chapters fold out. */
    static String embedSnippet(String src, String title) {
        String escapedTitle =
                title.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
        return "<iframe src=\"" + src + "\" title=\"" + escapedTitle + "\" width=\"100%\" height=\"150\""
                + " style=\"border:0\" loading=\"lazy\"></iframe>";
    }

    private ZoneId timeZone() {
        return show.get().zone();
    }

    private static List<String> messages(Context ctx) {
        String done = ctx.queryParam("done");
        List<String> messages = new ArrayList<>();
        if (done != null) {
            messages.add(
                    switch (done) {
                        case "dismissed" -> "Warnings dismissed.";
                        case "saved" -> "Saved. The feed shows the change now.";
                        case "published" -> "Published. It is in the feed now.";
                        case "scheduled" -> "Scheduled. It goes into the feed at the time shown.";
                        case "unpublished" -> "Unpublished. It is no longer in the feed.";
                        case "artwork" -> "Artwork saved.";
                        case "transcript" -> "Transcript saved.";
                        default -> "Done.";
                    });
        }
        return messages;
    }

    private Optional<Episode> find(Context ctx) {
        try {
            return episodes.findById(Integer.parseInt(ctx.pathParam("id")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Episode found(Context ctx) {
        Optional<Episode> e = find(ctx);
        if (e.isEmpty()) {
            notFound(ctx);
            return null;
        }
        return e.get();
    }

    private static void notFound(Context ctx) {
        ctx.status(HttpStatus.NOT_FOUND);
        Pages.notFound(ctx, "There is no such episode. It may have been deleted.");
    }

    private static void redirect(Context ctx, Episode e, String done) {
        ctx.redirect("/admin/episodes/" + e.id() + "?done=" + done, HttpStatus.SEE_OTHER);
    }

    private static byte[] smallFile(UploadedFile file, String what) throws IOException, InvalidInput {
        if (file == null || file.size() == 0) {
            throw new InvalidInput("Choose " + what + " to upload.");
        }
        if (file.size() > MAX_SMALL_FILE) {
            throw new InvalidInput("That file is bigger than " + MAX_SMALL_FILE / (1024 * 1024) + " MB.", 413);
        }
        try (InputStream in = file.content()) {
            return in.readAllBytes();
        }
    }
}
