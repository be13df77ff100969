package org.castkeeper.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.castkeeper.Castkeeper;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.EpisodeState;
import org.castkeeper.catalogue.EpisodeType;
import org.castkeeper.feed.ShowNotesHtml;
import org.castkeeper.importing.EpisodeImporter;
import org.castkeeper.media.ArtworkRules;
import org.castkeeper.media.MediaFolder;

/**
 * The episode editor: details, publishing (now, scheduled, unpublished), artwork, transcript and replacing the
 * audio. Every change goes through the repository, so the feed shows it on the next request.
 */
final class EpisodeEditController {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EpisodeEditController.class);
    private static final long MAX_SMALL_FILE = 20L * 1024 * 1024;
    /** A schedule further ahead is a typing mistake (and past what the catalogue stores as epoch milliseconds). */
    private static final java.time.Duration MAX_SCHEDULE_AHEAD = java.time.Duration.ofDays(3653);

    private final Castkeeper app;
    private final UploadReceiver uploads;

    EpisodeEditController(Castkeeper app, UploadReceiver uploads) {
        this.app = app;
        this.uploads = uploads;
    }

    void show(Context ctx) {
        Optional<Episode> episode = find(ctx);
        if (episode.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).result("No such episode");
            return;
        }
        render(ctx, episode.get(), messages(ctx), null, null);
    }

    void save(Context ctx) {
        Episode e = found(ctx);
        if (e == null) {
            return;
        }
        String title = ctx.formParam("title") == null ? "" : ctx.formParam("title").strip();
        try {
            if (title.isEmpty()) {
                throw new InvalidInput("An episode needs a title.");
            }
            String markdown = ctx.formParam("notes") == null ? "" : ctx.formParam("notes");
            String explicit = ctx.formParam("explicit");
            Episode edited = e.edit()
                    .title(title)
                    .notes(markdown, Markdown.toHtml(markdown))
                    .season(number(ctx.formParam("season"), "Season"))
                    .episodeNumber(number(ctx.formParam("number"), "Episode number"))
                    .type(type(ctx.formParam("type")))
                    .explicit(explicit == null || explicit.isEmpty() ? null : Boolean.valueOf(explicit))
                    .chapters(ChapterText.parse(ctx.formParam("chapters"), e.audio().durationSeconds() * 1000L))
                    .soundbites(SoundbiteText.parse(ctx.formParam("soundbites"), e.audio().durationSeconds() * 1000L))
                    .build();
            app.episodes().update(edited);
            redirect(ctx, e, "saved");
        } catch (InvalidInput invalid) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, e, List.of(), invalid.getMessage(), ctx.formParam("chapters"), ctx.formParam("soundbites"));
        }
    }

    void publish(Context ctx) {
        Episode e = found(ctx);
        if (e != null) {
            Instant now = app.clock().instant();
            if (e.state() != EpisodeState.PUBLISHED || e.publishAt() == null || e.publishAt().isAfter(now)) {
                app.episodes().update(e.withState(EpisodeState.PUBLISHED, firstPublishDate(e, now)));
            }
            redirect(ctx, e, "published");
        }
    }

    /** The replaced file leaves the store now (it was recorded as retired with the change); see RetiredMedia. */
    private void retireReplacedFiles() {
        try {
            app.sweepRetiredMedia();
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("Could not move replaced files out of the media store yet; the server will retry: {}", e.toString());
        }
    }

    /**
     * The date an episode goes out with: published again after an unpublish, it keeps the date it first had, so
     * the feed's order and the apps' "new episode" stay as they were; a draft, or one scheduled for later, is now.
     */
    private static Instant firstPublishDate(Episode e, Instant now) {
        boolean wentOutBefore = e.state() == EpisodeState.UNPUBLISHED && e.publishAt() != null
                && !e.publishAt().isAfter(now);
        return wentOutBefore ? e.publishAt() : now;
    }

    void schedule(Context ctx) {
        Episode e = found(ctx);
        if (e == null) {
            return;
        }
        try {
            ZoneId zone = app.timeZone();
            Instant at = LocalDate.parse(String.valueOf(ctx.formParam("date")))
                    .atTime(LocalTime.parse(String.valueOf(ctx.formParam("time")))).atZone(zone).toInstant();
            if (!at.isAfter(app.clock().instant())) {
                throw new InvalidInput("That time has passed. Choose a time to come, or publish now.");
            }
            if (at.isAfter(app.clock().instant().plus(MAX_SCHEDULE_AHEAD))) {
                throw new InvalidInput("That is more than ten years away. Choose a date within the next ten years.");
            }
            app.episodes().update(e.withState(EpisodeState.SCHEDULED, at));
            redirect(ctx, e, "scheduled");
        } catch (java.time.DateTimeException bad) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, e, List.of(), "Give a date and a time, e.g. 2026-12-01 and 07:00.", null);
        } catch (InvalidInput invalid) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, e, List.of(), invalid.getMessage(), null);
        }
    }

    void unpublish(Context ctx) {
        Episode e = found(ctx);
        if (e != null) {
            app.episodes().update(e.withState(EpisodeState.UNPUBLISHED, e.publishAt()));
            redirect(ctx, e, "unpublished");
        }
    }

    void artwork(Context ctx) throws IOException {
        Episode e = found(ctx);
        if (e == null) {
            return;
        }
        try {
            byte[] bytes = smallFile(ctx.uploadedFile("artwork"), "an image");
            String extension;
            try {
                extension = ArtworkRules.check(bytes);
            } catch (ArtworkRules.Broken broken) {
                throw new InvalidInput(broken.getMessage());
            }
            String name = MediaFolder.artworkName(bytes, extension);
            app.media().writeIfAbsent(bytes, name);
            app.episodes().update(e.edit().artworkPath(name).build());
            retireReplacedFiles();
            redirect(ctx, e, "artwork");
        } catch (InvalidInput invalid) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, e, List.of(), invalid.getMessage(), null);
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
            String text = new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "");
            String lower = file.filename().toLowerCase(Locale.ROOT);
            String type;
            if (text.startsWith("WEBVTT")) {
                type = "text/vtt";
            } else if (lower.endsWith(".srt") && text.strip().matches("(?s)^\\d+\\R\\d\\d:\\d\\d:\\d\\d,\\d{3} --> .*")) {
                type = "application/x-subrip";
            } else {
                throw new InvalidInput("A transcript must be a WebVTT file (starting with WEBVTT) or an SRT file.");
            }
            String name = "transcripts/" + e.slug() + "-" + org.castkeeper.auth.Tokens.sha256(text).substring(0, 8)
                    + (type.equals("text/vtt") ? ".vtt" : ".srt");
            app.media().writeIfAbsent(text.getBytes(StandardCharsets.UTF_8), name);
            app.episodes().update(e.edit().transcript(name, type).build());
            retireReplacedFiles();
            redirect(ctx, e, "transcript");
        } catch (InvalidInput invalid) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, e, List.of(), invalid.getMessage(), null);
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
            EpisodeImporter.Replacement replacement = app.importer().prepareReplacement(received, e);
            if (replacement.audio() == null) {
                ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).json(Map.of("error", replacement.refusal()));
                return;
            }
            app.episodes().update(e.edit().audio(replacement.audio()).build());
            retireReplacedFiles();
            ctx.json(Map.of("id", e.id(), "edit", "/admin/episodes/" + e.id()));
        } finally {
            Files.deleteIfExists(received);
        }
    }

    private void render(Context ctx, Episode e, List<String> messages, String error, String chaptersText) {
        render(ctx, e, messages, error, chaptersText, null);
    }

    /** The typed chapters and soundbites, when given, are shown back as typed (a refused save loses nothing). */
    private void render(Context ctx, Episode e, List<String> messages, String error, String chaptersText,
                        String soundbitesText) {
        ZoneId zone = app.timeZone();
        Instant now = app.clock().instant();
        Instant suggested = e.publishAt() != null && e.publishAt().isAfter(now) ? e.publishAt()
                : now.plusSeconds(86400);
        var local = suggested.atZone(zone);
        String notes = e.notesMarkdown() != null ? e.notesMarkdown() : ShowNotesHtml.toPlainText(e.description());
        Pages.render(ctx, "admin/episode.jte", new EpisodePage(
                AdminSecurity.session(ctx).csrfToken(), e.id(), e.title(), e.stateAt(now).code(), e.isLive(now),
                e.publishAt() == null ? null : (e.isLive(now) ? "published " : "goes live ")
                        + Formats.dateTime(e.publishAt(), zone),
                app.urls().episodePage(e.slug()), notes,
                e.season() == null ? "" : e.season().toString(),
                e.episodeNumber() == null ? "" : e.episodeNumber().toString(),
                e.type().code(), e.explicit() == null ? "" : e.explicit().toString(),
                Boolean.TRUE.equals(app.show().explicit()) ? "yes" : "no",
                chaptersText != null ? chaptersText : ChapterText.format(e.chapters()),
                soundbitesText != null ? soundbitesText : SoundbiteText.format(e.soundbites()),
                e.audio().path() + ", " + Formats.duration(e.audio().durationSeconds()) + ", "
                        + Formats.size(e.audio().sizeBytes()) + ", " + e.audio().bitrateKbps() + " kbps",
                e.transcriptPath() != null,
                local.toLocalDate().toString(), local.toLocalTime().withSecond(0).withNano(0).toString(),
                zone.getId(), messages, error));
    }

    private static List<String> messages(Context ctx) {
        String done = ctx.queryParam("done");
        List<String> messages = new ArrayList<>();
        if (done != null) {
            messages.add(switch (done) {
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
            return app.episodes().findById(Integer.parseInt(ctx.pathParam("id")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Episode found(Context ctx) {
        Optional<Episode> e = find(ctx);
        if (e.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).result("No such episode");
            return null;
        }
        return e.get();
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

    private static Integer number(String value, String label) throws InvalidInput {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 0 || n > 100_000) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidInput(label + " must be a whole number.");
        }
    }

    private static EpisodeType type(String value) throws InvalidInput {
        try {
            return EpisodeType.fromCode(value == null ? "full" : value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("Type must be full, trailer or bonus.");
        }
    }
}
