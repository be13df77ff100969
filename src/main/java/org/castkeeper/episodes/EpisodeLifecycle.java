package org.castkeeper.episodes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.castkeeper.catalogue.CatalogueChanges;
import org.castkeeper.catalogue.Chapter;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.EpisodeAudio;
import org.castkeeper.catalogue.EpisodeRepository;
import org.castkeeper.catalogue.EpisodeRules;
import org.castkeeper.catalogue.EpisodeState;
import org.castkeeper.catalogue.EpisodeType;
import org.castkeeper.catalogue.NewEpisode;
import org.castkeeper.catalogue.Soundbite;
import org.castkeeper.errors.Refusal;
import org.castkeeper.media.ArtworkRules;
import org.castkeeper.media.ContentHash;
import org.castkeeper.media.MediaFolder;
import org.castkeeper.media.MediaStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns every change to an episode: saving, publishing, scheduling, unpublishing, deleting, and its files (audio,
 * artwork, transcripts) and notices. Each change of an existing episode is one write to the catalogue, so the
 * details typed with a "Publish" are never lost and never half-saved; a file an episode stops using is recorded as
 * retired in that same write and moved out of the store afterwards. (Creating an episode writes it, then its
 * notices, if any.) Each operation then tells {@link #events()} what happened. Pages and commands change
 * episodes only through here, never through the repository.
 */
public final class EpisodeLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(EpisodeLifecycle.class);

    private final EpisodeRepository episodes;
    private final MediaStore media;
    private final Clock clock;
    private final Runnable sweepRetiredFiles;
    private final EpisodeEvents events = new EpisodeEvents();
    private final GoLiveTimer goLiveTimer;

    /**
     * @param media             where an episode's artwork and transcripts are stored
     * @param sweepRetiredFiles moves files no episode uses any more out of the media store (best effort)
     */
    public EpisodeLifecycle(EpisodeRepository episodes, MediaStore media, Clock clock, Runnable sweepRetiredFiles) {
        this.episodes = episodes;
        this.media = media;
        this.clock = clock;
        this.sweepRetiredFiles = sweepRetiredFiles;
        this.goLiveTimer = new GoLiveTimer(episodes, clock, events);
    }

    /** What happens to episodes, for subscribers (notifications, later analytics). */
    public EpisodeEvents events() {
        return events;
    }

    /** Tells of scheduled episodes going live at their time; the server starts it. */
    public GoLiveTimer goLiveTimer() {
        return goLiveTimer;
    }

    /**
     * Many changes in a row on this thread (an import): the feed is rebuilt every few seconds and once at the
     * end, not once per episode. Close it when done, with try-with-resources.
     */
    public CatalogueChanges.Batch batch() {
        return episodes.batch();
    }

    /** The fields the host edits in the editor, each already checked by {@link EpisodeRules}. */
    public record Details(
            String title,
            String notesMarkdown,
            String notesHtml,
            Integer season,
            Integer number,
            EpisodeType type,
            Boolean explicit,
            List<Chapter> chapters,
            List<Soundbite> soundbites,
            String socialUri) {}

    /** When "Publish" is pressed on an episode that went out before and was unpublished. */
    public enum Republish {
        /** Back in its old place: apps that had it see nothing new. */
        KEEP_FIRST_DATE,
        /** As a new episode at the top, dated now. */
        AS_NEW_NOW
    }

    /**
     * A new episode from an imported or uploaded file, or an old feed's item, with what the host should know about
     * its audio (stored just after it, as notices). An import publishes its episodes quietly: a back catalogue
     * brought in at once must not ping every directory hundreds of times, so nothing is told as going live here
     * ({@code Changed} only).
     */
    public Episode create(NewEpisode episode, List<String> notices) {
        Episode created = episodes.create(episode);
        episodes.notices().add(created.id(), notices);
        events.publish(new EpisodeEvents.Changed(created));
        return created;
    }

    /** An import publishes a draft it finds again, at {@code at}, quietly (see {@link #create}). */
    public Episode publishImported(Episode draft, Instant at) {
        Episode saved = episodes.update(draft.withState(EpisodeState.PUBLISHED, at));
        events.publish(new EpisodeEvents.Changed(saved));
        return saved;
    }

    /**
     * Brings an episode moved in from a feed in line with what its old host changed since (import-feed --update),
     * recording the item's new fingerprint in the same write. Quietly, as an import: nothing goes live here.
     */
    public Episode updateFromFeed(Episode edited, String fingerprint, String by) {
        Episode saved = episodes.update(edited, fingerprint);
        LOG.info("{} updated episode {} \"{}\" from its old feed", by, saved.id(), saved.title());
        events.publish(new EpisodeEvents.Changed(saved));
        return saved;
    }

    public Episode save(Episode e, Details details, String by) {
        Episode saved = episodes.update(apply(e, details));
        LOG.info("{} saved episode {} \"{}\"", by, e.id(), saved.title());
        events.publish(new EpisodeEvents.Changed(saved));
        return saved;
    }

    /** Saves {@code details} (when given) and publishes, in one write. Publishing a live episode changes nothing else. */
    public Episode publishNow(Episode e, Details details, Republish republish, String by) {
        Instant now = clock.instant();
        if (e.isLive(now) && details == null) {
            return e; // A second click: nothing to write, and the feed must not change.
        }
        Episode edited = details == null ? e : apply(e, details);
        if (!e.isLive(now)) {
            boolean wentOutBefore = e.hasBeenPublic(now) && e.publishAt() != null;
            Instant at = wentOutBefore && republish == Republish.KEEP_FIRST_DATE ? e.publishAt() : now;
            edited = edited.withState(EpisodeState.PUBLISHED, at);
        }
        Episode saved = episodes.update(edited);
        LOG.info("{} published episode {} \"{}\"", by, e.id(), saved.title());
        events.publish(new EpisodeEvents.Changed(saved));
        if (!e.isLive(now) && saved.isLive(now)) {
            events.publish(new EpisodeEvents.WentLive(saved));
        }
        return saved;
    }

    /** Saves {@code details} (when given) and schedules the episode for {@code at}, in one write. */
    public Episode schedule(Episode e, Details details, Instant at, String by) throws EpisodeRules.Refused {
        EpisodeRules.scheduleTime(at, clock.instant());
        Episode edited = (details == null ? e : apply(e, details)).withState(EpisodeState.SCHEDULED, at);
        Episode saved = episodes.update(edited);
        LOG.info("{} scheduled episode {} \"{}\" for {}", by, e.id(), saved.title(), at);
        events.publish(new EpisodeEvents.Changed(saved));
        goLiveTimer.plan();
        return saved;
    }

    /** Saves {@code details} (when given) and takes the episode out of the feed, in one write. */
    public Episode unpublish(Episode e, Details details, String by) {
        Episode edited = (details == null ? e : apply(e, details)).withState(EpisodeState.UNPUBLISHED, e.publishAt());
        Episode saved = episodes.update(edited);
        LOG.info("{} unpublished episode {} \"{}\"", by, e.id(), saved.title());
        events.publish(new EpisodeEvents.Changed(saved));
        return saved;
    }

    /** Stores a change of the episode's files (audio, artwork, transcript); the replaced file is retired. */
    public Episode replaceFiles(Episode edited, String by, String what) {
        Episode saved = episodes.update(edited);
        sweepRetiredFiles.run();
        LOG.info("{} replaced the {} of episode {} \"{}\"", by, what, saved.id(), saved.title());
        events.publish(new EpisodeEvents.Changed(saved));
        return saved;
    }

    /**
     * New artwork for the episode: a square JPEG or PNG of 1,400 to 3,000 pixels ({@link ArtworkRules}), stored
     * under a name made from its content, so an app that cached the old image sees a new address.
     */
    public Episode setArtwork(Episode e, byte[] image, String by) throws Refusal, IOException {
        String extension = ArtworkRules.check(image);
        String name = MediaFolder.artworkName(image, extension);
        media.writeIfAbsent(image, name);
        return replaceFiles(e.edit().artworkPath(name).build(), by, "artwork");
    }

    /**
     * A transcript for the episode: WebVTT (starting with WEBVTT) or SRT, by its content; stored under a name made
     * from the slug and the content. It replaces the transcript the episode had.
     */
    public Episode attachTranscript(Episode e, String fileName, byte[] bytes, String by) throws Refusal, IOException {
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "");
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String type;
        if (text.startsWith("WEBVTT")) {
            type = "text/vtt";
        } else if (lower.endsWith(".srt") && text.strip().matches("(?s)^\\d+\\R\\d\\d:\\d\\d:\\d\\d,\\d{3} --> .*")) {
            type = "application/x-subrip";
        } else {
            throw new Refusal(
                    Refusal.Kind.INVALID,
                    "transcript",
                    "A transcript must be a WebVTT file (starting with WEBVTT) or an SRT file.");
        }
        byte[] clean = text.getBytes(StandardCharsets.UTF_8);
        String name = "transcripts/" + e.slug() + "-"
                + ContentHash.sha256(clean).substring(0, 8) + (type.equals("text/vtt") ? ".vtt" : ".srt");
        media.writeIfAbsent(clean, name);
        return replaceFiles(e.edit().transcript(name, type).build(), by, "transcript");
    }

    /** New audio for the episode, already stored: its guid, and so the episode in every app, stays. */
    public Episode replaceAudio(Episode e, EpisodeAudio audio, List<String> notices, String by) {
        Episode saved = replaceFiles(e.edit().audio(audio).build(), by, "audio");
        episodes.notices().add(e.id(), notices);
        return saved;
    }

    /** The host has read the episode's notices (what the server noticed about its audio): they go. */
    public void dismissNotices(Episode e) {
        episodes.notices().dismiss(e.id());
    }

    /**
     * Deletes the episode for good: its guid is kept as a tombstone and never used again; its page, chapters
     * and files answer 410 Gone; its files leave the media store (kept aside by it for storage.retainDays).
     */
    public Optional<Episode> delete(int id, String by) {
        Optional<Episode> deleted = episodes.delete(id, by);
        deleted.ifPresent(e -> {
            sweepRetiredFiles.run();
            LOG.info("{} deleted episode {} \"{}\" (guid {})", by, e.id(), e.title(), e.guid());
            events.publish(new EpisodeEvents.Deleted(e));
        });
        return deleted;
    }

    private static Episode apply(Episode e, Details d) {
        return e.edit()
                .title(d.title())
                .notes(d.notesMarkdown(), d.notesHtml())
                .season(d.season())
                .episodeNumber(d.number())
                .type(d.type())
                .explicit(d.explicit())
                .chapters(d.chapters())
                .soundbites(d.soundbites())
                .socialUri(d.socialUri())
                .build();
    }
}
