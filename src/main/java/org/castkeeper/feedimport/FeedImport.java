package org.castkeeper.feedimport;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.castkeeper.catalogue.Chapter;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.EpisodeRepository;
import org.castkeeper.catalogue.EpisodeRules;
import org.castkeeper.catalogue.EpisodeState;
import org.castkeeper.catalogue.NewEpisode;
import org.castkeeper.catalogue.ShowSettingsRepository;
import org.castkeeper.catalogue.Slugs;
import org.castkeeper.catalogue.Transcript;
import org.castkeeper.episodes.EpisodeLifecycle;
import org.castkeeper.feed.ShowNotesHtml;
import org.castkeeper.importing.EpisodeImporter;
import org.castkeeper.media.ArtworkRules;
import org.castkeeper.media.AudioRejected;
import org.castkeeper.media.ContentHash;
import org.castkeeper.media.MediaFolder;
import org.castkeeper.media.MediaStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a show in from its old feed: every item becomes an episode with the guid, date, notes, numbers, artwork,
 * chapters, transcript, soundbites and people the old feed gave it, and its audio downloaded byte for byte.
 *
 * <p>Apps know an episode by its guid, so the guid is the import's identity: a run again imports only the guids
 * it has not got (an interrupted run continues; nothing is duplicated) and lists the items changed at the old host
 * since. Items are published at their own dates and told as changes, never as going live: a back catalogue pings
 * no directory. The catalogue writes happen in one batch, so the feed is rebuilt every few seconds, not per item.
 * Whatever is not imported is named in the summary, never dropped in silence.
 */
public final class FeedImport {
    private static final Logger LOG = LoggerFactory.getLogger(FeedImport.class);
    private static final long MAX_AUDIO_BYTES = 4L * 1024 * 1024 * 1024;
    private static final long MAX_SMALL_FILE_BYTES = 20L * 1024 * 1024;

    private final EpisodeRepository episodes;
    private final EpisodeLifecycle lifecycle;
    private final EpisodeImporter importer;
    private final MediaStore media;
    private final Path spool;
    private final Settings settings;
    private final ShowAdoption adoption;

    /**
     * How the import treats other hosts.
     *
     * @param parallel    downloads at once, in all (at most {@value Downloads#PER_HOST} from one host)
     * @param keepFree    bytes left free on the data disk; the import stops cleanly before going below
     * @param retryPause  the pause before a second try of a failed download (doubled before the third)
     */
    public record Settings(
            Duration connectTimeout, Duration readTimeout, int parallel, long keepFree, Duration retryPause) {
        public static Settings defaults() {
            return new Settings(
                    Duration.ofSeconds(15), Duration.ofSeconds(60), 4, 512L * 1024 * 1024, Duration.ofSeconds(2));
        }
    }

    /**
     * @param dryRun       read the feed and say what would happen, writing nothing
     * @param update       apply what the old host changed to episodes nobody has edited here since they came
     * @param iOwnThisShow the host declares they own a show whose feed says podcast:locked yes
     * @param by           who asked, for the log
     */
    public record Options(boolean dryRun, boolean update, boolean iOwnThisShow, String by) {
        public Options(boolean dryRun, boolean iOwnThisShow, String by) {
            this(dryRun, false, iOwnThisShow, by);
        }
    }

    /** An item not imported, and why, so the host can find it in the old feed. */
    public record Skipped(String guid, String title, String url, String reason) {}

    /**
     * What the import did.
     *
     * @param imported        episodes created (with a dry run: that would be created)
     * @param alreadyHere     items whose guid the catalogue has
     * @param changedElsewhere items already here that the old host has changed since they were imported
     * @param notes           things the host should know that lose nothing (derived guids and the like)
     * @param stoppedBecause  why the import stopped before the end, or null when it ran to the end
     */
    public record Summary(
            String feedTitle,
            int items,
            int pages,
            int imported,
            int alreadyHere,
            List<Skipped> skipped,
            List<String> changedElsewhere,
            List<String> notes,
            long bytes,
            String stoppedBecause,
            boolean dryRun) {
        /** Whether every item is in the catalogue now (exit code 0). */
        public boolean complete() {
            return skipped.isEmpty() && stoppedBecause == null;
        }
    }

    /** Told as the import goes, for a progress display. */
    public interface Listener {
        default void read(String feedTitle, int items, int pages) {}

        default void imported(String title, int done, int total) {}

        default void skipped(Skipped skipped) {}
    }

    /** Nothing was imported, for the reason given (the address gave no feed, the show is locked, no room). */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * @param showSettings  the show's settings, which the first import takes from the old feed
     * @param artworkFolder where show artwork is kept (data/show-artwork)
     * @param settingFor    how a stored file is named in the settings
     * @param spool         the local folder downloads are written to before they go into the media store
     */
    public FeedImport(
            EpisodeRepository episodes,
            EpisodeLifecycle lifecycle,
            EpisodeImporter importer,
            MediaStore media,
            ShowSettingsRepository showSettings,
            Path artworkFolder,
            Function<Path, String> settingFor,
            Path spool,
            Settings settings) {
        this.adoption = new ShowAdoption(showSettings, artworkFolder, settingFor);
        this.episodes = episodes;
        this.lifecycle = lifecycle;
        this.importer = importer;
        this.media = media;
        this.spool = spool;
        this.settings = settings;
    }

    public static String userAgent() {
        return "Castkeeper/1.0 (self-hosted podcast host; moving a show in; +https://github.com/castkeeper)";
    }

    public Summary run(String address, Options options, Listener listener)
            throws Refused, IOException, InterruptedException {
        URI url;
        try {
            url = new URI(address.strip());
        } catch (URISyntaxException e) {
            throw new Refused("\"" + address + "\" is not a web address");
        }
        WebClient web = new WebClient(userAgent(), settings.connectTimeout(), settings.readTimeout());
        OldFeedReader.OldFeed feed;
        try {
            feed = new OldFeedReader(web).read(url);
        } catch (OldFeedReader.NotAFeed e) {
            throw new Refused(e.getMessage());
        } catch (IOException e) {
            throw new Refused(url + " could not be read: " + e.getMessage());
        }
        listener.read(feed.show().title(), feed.items().size(), feed.pages());
        if (feed.show().locked()) {
            if (!options.iOwnThisShow()) {
                throw new Refused("The old feed says podcast:locked yes: its owner asked that no other host take the"
                        + " show. If it is yours, run again with --i-own-this-show (in the admin: tick \"I own this"
                        + " show\").");
            }
            LOG.warn("{} imports the locked feed {}, declaring they own the show", options.by(), url);
        }

        List<Skipped> skipped = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        // The first import into a show without episodes is the move: the show's settings come along.
        boolean moving = episodes.count() == 0;
        Plan planned = plan(feed.items(), skipped, changed, notes, options.update());
        List<Planned> plan = planned.toImport();
        int alreadyHere = feed.items().size() - plan.size() - skipped.size() - planned.listedTwice();
        if (options.dryRun()) {
            if (moving) {
                notes.add("The show's settings (title, description, artwork, categories, owner, podcast:guid ...)"
                        + " would be taken from the old feed.");
            } else {
                notes.addAll(adoption.differences(feed.show()));
            }
            return new Summary(
                    feed.show().title(),
                    feed.items().size(),
                    feed.pages(),
                    plan.size(),
                    alreadyHere,
                    skipped,
                    changed,
                    notes,
                    plan.stream()
                            .mapToLong(p -> Math.max(0, p.item().enclosure().length()))
                            .sum(),
                    null,
                    true);
        }

        Downloads downloads = new Downloads(
                web, spool, settings.keepFree(), settings.retryPause().toMillis());
        downloads.removeLeftovers();
        long expected = plan.stream()
                .mapToLong(p -> Math.max(0, p.item().enclosure().length()))
                .sum();
        long free = downloads.usableSpace();
        // The feed's own lengths, when it gives them (many say 0): the check as the bytes arrive covers the rest.
        if (expected > 0 && expected > free - settings.keepFree()) {
            throw new Refused("The old feed's files need about " + megabytes(expected) + " MB and "
                    + megabytes(free) + " MB are free (" + megabytes(settings.keepFree())
                    + " MB are kept free). Make room and run again.");
        }
        Outcome outcome;
        // One batch for all of it: the feed is rebuilt every few seconds and at the end, not per change.
        try (var batch = lifecycle.batch()) {
            if (moving) {
                notes.addAll(adoption.adopt(feed.show(), downloads, "import-feed (" + options.by() + ")"));
            } else {
                notes.addAll(adoption.differences(feed.show()));
            }
            skipped.forEach(listener::skipped);
            for (Update u : planned.updates()) {
                lifecycle.updateFromFeed(u.edited(), u.fingerprint(), "import-feed (" + options.by() + ")");
                changed.add(u.item().label() + " was changed at the old host: episode "
                        + u.edited().id() + " was updated to match.");
            }
            outcome = download(plan, downloads, skipped, notes, listener, options);
        }
        return new Summary(
                feed.show().title(),
                feed.items().size(),
                feed.pages(),
                outcome.imported,
                alreadyHere,
                skipped,
                changed,
                notes,
                outcome.bytes,
                outcome.stoppedBecause,
                false);
    }

    /** An item to import, under the guid it will keep. */
    private record Planned(OldItem item, String guid, String fingerprint) {}

    /**
     * The new items, oldest first; how many items the feed listed twice (overlapping pages); and, with --update,
     * the episodes to bring in line with what the old host changed.
     */
    private record Plan(List<Planned> toImport, int listedTwice, List<Update> updates) {}

    /** An episode as the old feed's item now says it, and that item's fingerprint. */
    private record Update(OldItem item, Episode edited, String fingerprint) {}

    /** Which items are new; the rest are already here, or skipped with a reason. */
    private Plan plan(
            List<OldItem> items, List<Skipped> skipped, List<String> changed, List<String> notes, boolean update) {
        List<Update> updates = new ArrayList<>();
        Map<String, EpisodeRepository.Identity> known = episodes.identities();
        Map<String, OldItem> firstWithGuid = new HashMap<>();
        List<Planned> plan = new ArrayList<>();
        int duplicates = 0;
        for (OldItem item : items) {
            String url = item.enclosure() == null ? null : item.enclosure().url();
            String guid = item.guid();
            if (guid == null) {
                guid = derivedGuid("no guid", item);
                notes.add(item.label() + " has no guid; it keeps the guid " + guid + ", the same on every run.");
            } else if (firstWithGuid.containsKey(guid)) {
                OldItem first = firstWithGuid.get(guid);
                if (first.enclosure() != null
                        && url != null
                        && url.equals(first.enclosure().url())) {
                    duplicates++; // The same item twice (overlapping pages): nothing to do.
                    continue;
                }
                String derived = derivedGuid(guid, item);
                notes.add("Two items have the guid " + guid + ": it stays with " + first.label() + "; " + item.label()
                        + " keeps the guid " + derived + ".");
                guid = derived;
            }
            firstWithGuid.putIfAbsent(guid, item);
            String fingerprint = fingerprint(item);
            EpisodeRepository.Identity here = known.get(guid);
            if (here != null) {
                if (here.sourceFingerprint() != null
                        && !here.sourceFingerprint().equals(fingerprint)) {
                    Episode ours = episodes.findById(here.episodeId()).orElse(null);
                    if (ours == null) {
                        continue;
                    }
                    if (!fingerprint(ours).equals(here.sourceFingerprint())) {
                        changed.add(item.label() + " was changed at the old host, and episode " + ours.id()
                                + " was edited here since it came: it is left as it is here.");
                    } else if (update) {
                        updates.add(new Update(item, asTheItemSays(ours, item), fingerprint));
                    } else {
                        changed.add(item.label() + " was changed at the old host since it was imported (episode "
                                + ours.id() + "); run again with --update to apply the change.");
                    }
                }
                continue;
            }
            if (episodes.tombstones().guidDeleted(guid)) {
                skipped.add(new Skipped(
                        guid,
                        item.title(),
                        url,
                        "an episode with this guid was deleted here; its guid is never" + " used again"));
            } else if (url == null || url.isBlank()) {
                skipped.add(new Skipped(guid, item.title(), null, "the item has no enclosure (no audio)"));
            } else if (item.enclosure().type() != null
                    && item.enclosure().type().startsWith("video/")) {
                skipped.add(new Skipped(
                        guid,
                        item.title(),
                        url,
                        "the enclosure is video (" + item.enclosure().type() + "); Castkeeper serves audio"));
            } else {
                plan.add(new Planned(item, guid, fingerprint));
            }
        }
        // Oldest first, so episode numbers in the catalogue grow with the dates; undated items last.
        plan.sort(Comparator.comparing(
                (Planned p) -> p.item().publishedAt(), Comparator.nullsLast(Comparator.naturalOrder())));
        return new Plan(plan, duplicates, updates);
    }

    /** A stable guid for an item that has none (or shares one): the same item gives the same guid on every run. */
    static String derivedGuid(String basis, OldItem item) {
        String key =
                basis + "\n" + (item.enclosure() == null ? "" : item.enclosure().url()) + "\n" + item.title() + "\n"
                        + item.dateText();
        return "castkeeper-import-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What the item says that its episode keeps, as the episode keeps it. Stored with the episode: an item whose
     * fingerprint differs was changed at the old host; an episode whose own fingerprint differs was edited here.
     */
    static String fingerprint(OldItem item) {
        return fingerprint(
                title(item),
                notes(item),
                item.publishedAt(),
                item.season(),
                item.number(),
                item.type(),
                item.explicit());
    }

    static String fingerprint(Episode e) {
        return fingerprint(
                e.title(), e.description(), e.publishAt(), e.season(), e.episodeNumber(), e.type(), e.explicit());
    }

    private static String fingerprint(
            String title,
            String notes,
            java.time.Instant at,
            Integer season,
            Integer number,
            org.castkeeper.catalogue.EpisodeType type,
            Boolean explicit) {
        String all = String.join(
                "\n",
                title,
                notes,
                String.valueOf(at),
                String.valueOf(season),
                String.valueOf(number),
                String.valueOf(type),
                String.valueOf(explicit));
        return ContentHash.sha256(all.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    /** The episode with what the item says now; its files and state are left as they are. */
    private static Episode asTheItemSays(Episode e, OldItem item) {
        return e.edit()
                .title(title(item))
                .description(notes(item))
                .publishAt(item.publishedAt() != null ? item.publishedAt() : e.publishAt())
                .season(item.season())
                .episodeNumber(item.number())
                .type(item.type())
                .explicit(item.explicit())
                .build();
    }

    /** The title an item's episode gets: as published, shortened to Castkeeper's limit. */
    private static String title(OldItem item) {
        String title = item.title() == null ? "Untitled episode" : item.title();
        if (title.codePointCount(0, title.length()) > EpisodeRules.MAX_TITLE) {
            title = title.substring(0, title.offsetByCodePoints(0, EpisodeRules.MAX_TITLE - 1))
                            .strip() + "…";
        }
        return title;
    }

    /** The show notes an item's episode gets: content:encoded, else description, else itunes:summary, sanitised. */
    private static String notes(OldItem item) {
        return ShowNotesHtml.sanitize(ItemText.notes(item.notesHtml()));
    }

    private static final class Outcome {
        int imported;
        long bytes;
        String stoppedBecause;
    }

    /** One item's files, downloaded and stored: the episode to create, or why it was skipped. */
    private record Ready(Planned planned, NewEpisode episode, List<String> notices, long bytes, Skipped skipped) {}

    private Outcome download(
            List<Planned> plan,
            Downloads downloads,
            List<Skipped> skipped,
            List<String> notes,
            Listener listener,
            Options options)
            throws InterruptedException {
        Outcome outcome = new Outcome();
        if (plan.isEmpty()) {
            return outcome;
        }
        Set<String> reserved = Collections.synchronizedSet(new HashSet<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.parallel()), r -> {
            Thread t = new Thread(r, "feed-import-download");
            t.setDaemon(true);
            return t;
        });
        CompletionService<Ready> done = new ExecutorCompletionService<>(pool);
        for (Planned p : plan) {
            done.submit(() -> prepare(p, downloads, reserved));
        }
        try {
            for (int i = 0; i < plan.size(); i++) {
                Ready ready;
                try {
                    ready = done.take().get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof Downloads.DiskFull full) {
                        outcome.stoppedBecause = "The disk is full (" + full.getMessage() + "): the import stopped"
                                + " after " + outcome.imported + " episodes. Make room and run it again; it"
                                + " continues where it stopped.";
                        break;
                    }
                    LOG.error("An item of the old feed could not be imported", cause);
                    outcome.stoppedBecause =
                            "Something went wrong: " + cause + ". Run it again; it continues" + " where it stopped.";
                    break;
                }
                if (ready.skipped() != null) {
                    skipped.add(ready.skipped());
                    listener.skipped(ready.skipped());
                    continue;
                }
                lifecycle.create(ready.episode(), ready.notices());
                outcome.imported++;
                outcome.bytes += ready.bytes();
                listener.imported(ready.episode().title(), outcome.imported, plan.size());
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        LOG.info(
                "{} imported {} episodes from an old feed ({} MB downloaded)",
                options.by(),
                outcome.imported,
                megabytes(outcome.bytes));
        return outcome;
    }

    /** Downloads and stores one item's audio and its small files; runs on a download thread. */
    private Ready prepare(Planned p, Downloads downloads, Set<String> reserved) throws Exception {
        OldItem item = p.item();
        String url = item.enclosure().url();
        Downloads.Downloaded audio;
        try {
            audio = downloads.fetch(url, MAX_AUDIO_BYTES);
        } catch (Downloads.Failed e) {
            return skip(p, "the audio could not be downloaded: " + e.getMessage());
        }
        List<String> notices = new ArrayList<>(item.leftBehind());
        String title = title(item);
        if (item.title() != null && !title.equals(item.title())) {
            notices.add("The old title was longer than " + EpisodeRules.MAX_TITLE + " characters and was shortened.");
        }
        EpisodeImporter.FeedAudio stored;
        try {
            EpisodeImporter.Probed probed = importer.probeFeedAudio(audio.file());
            // Naming and storing one at a time: two items with the same audio and title get two names.
            synchronized (reserved) {
                stored = importer.storeFeedAudio(probed, title, reserved::contains);
                reserved.add(stored.audio().path());
            }
        } catch (AudioRejected e) {
            return skip(p, "the enclosure is not audio Castkeeper can serve: " + e.getMessage());
        } finally {
            Files.deleteIfExists(audio.file());
        }
        notices.addAll(stored.warnings());
        if (item.enclosure().length() > 0
                && Math.abs(item.enclosure().length() - audio.bytes()) > audio.bytes() / 100) {
            notices.add("The old feed said the audio is " + item.enclosure().length() + " bytes; " + audio.bytes()
                    + " arrived, and the feed now says so.");
        }

        List<Chapter> chapters = chapters(item, downloads, notices);
        if (chapters.isEmpty()) {
            chapters = stored.tags().chapters().stream()
                    .map(c -> new Chapter(c.startMillis(), c.endMillis(), c.title(), c.url()))
                    .toList();
        }
        String artwork = artwork(item, downloads, notices);
        List<Transcript> transcripts = transcripts(item, title, downloads, notices);
        EpisodeState state = item.publishedAt() == null ? EpisodeState.DRAFT : EpisodeState.PUBLISHED;
        if (item.publishedAt() == null) {
            notices.add("The old feed's date \"" + item.dateText() + "\" could not be read, so this episode is a"
                    + " draft: set its date and publish it.");
        }
        NewEpisode episode = new NewEpisode(
                title,
                notes(item),
                state,
                item.publishedAt(),
                stored.audio(),
                stored.tags().artist(),
                stored.tags().album(),
                artwork,
                chapters,
                new NewEpisode.FromFeed(
                        p.guid(),
                        item.season(),
                        item.number(),
                        item.type(),
                        item.explicit(),
                        item.soundbites(),
                        item.persons(),
                        transcripts,
                        url,
                        p.fingerprint()));
        return new Ready(p, episode, notices, audio.bytes(), null);
    }

    private static Ready skip(Planned p, String reason) {
        return new Ready(
                p,
                null,
                List.of(),
                0,
                new Skipped(p.guid(), p.item().title(), p.item().enclosure().url(), reason));
    }

    /** podcast:chapters JSON first, else the chapters written in the item; empty when neither gives any. */
    private List<Chapter> chapters(OldItem item, Downloads downloads, List<String> notices)
            throws InterruptedException, IOException {
        if (item.chaptersUrl() != null) {
            try {
                Downloads.Downloaded json = downloads.fetch(item.chaptersUrl(), MAX_SMALL_FILE_BYTES);
                try (InputStream in = Files.newInputStream(json.file());
                        InputStream again = Files.newInputStream(json.file())) {
                    List<Chapter> read = ChaptersJson.read(in);
                    if (ChaptersJson.hasImages(again)) {
                        notices.add("The old chapters had images; Castkeeper's chapters have none.");
                    }
                    if (!read.isEmpty()) {
                        return read;
                    }
                } finally {
                    Files.deleteIfExists(json.file());
                }
            } catch (Downloads.Failed | IOException e) {
                notices.add("The chapters at " + item.chaptersUrl() + " could not be read (" + e.getMessage() + ")"
                        + (item.inlineChapters().isEmpty() ? "." : "; the chapters in the feed were kept."));
            }
        }
        return item.inlineChapters();
    }

    /** The episode's own artwork, stored once per image; null when it has none or it cannot be used. */
    private String artwork(OldItem item, Downloads downloads, List<String> notices)
            throws InterruptedException, IOException {
        if (item.artworkUrl() == null) {
            return null;
        }
        try {
            Downloads.Downloaded image = downloads.fetch(item.artworkUrl(), MAX_SMALL_FILE_BYTES);
            try {
                byte[] bytes = Files.readAllBytes(image.file());
                String kind = ArtworkRules.kind(bytes);
                if (kind == null) {
                    notices.add("The episode's artwork at " + item.artworkUrl() + " is not a JPEG or PNG image,"
                            + " so the episode shows the show's artwork.");
                    return null;
                }
                return media.writeIfAbsent(bytes, MediaFolder.artworkName(bytes, kind));
            } finally {
                Files.deleteIfExists(image.file());
            }
        } catch (Downloads.Failed e) {
            notices.add("The episode's artwork at " + item.artworkUrl() + " could not be downloaded (" + e.getMessage()
                    + "), so the episode shows the show's artwork.");
            return null;
        }
    }

    /**
     * Every transcript of the item whose type Castkeeper serves (WebVTT, SRT, JSON, HTML, plain text), in the
     * feed's order, typed by its tag (never by its URL). HTML is sanitised as show notes are: it is served from
     * this host. The others, and any that fail to download, are named in the episode's notices.
     */
    private List<Transcript> transcripts(OldItem item, String title, Downloads downloads, List<String> notices)
            throws InterruptedException, IOException {
        List<Transcript> kept = new ArrayList<>();
        for (OldItem.Transcript t : item.transcripts()) {
            String type = transcriptType(t.type());
            if (type == null) {
                notices.add("The old feed had a transcript of type " + t.type() + " at " + t.url()
                        + ", which Castkeeper does not serve (WebVTT, SRT, JSON, HTML and plain text it does).");
                continue;
            }
            try {
                Downloads.Downloaded file = downloads.fetch(t.url(), MAX_SMALL_FILE_BYTES);
                try {
                    byte[] bytes = Files.readAllBytes(file.file());
                    if (type.equals("text/html")) {
                        bytes = ShowNotesHtml.sanitize(new String(bytes, StandardCharsets.UTF_8))
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    String name = "transcripts/" + Slugs.of(title) + "-"
                            + ContentHash.sha256(bytes).substring(0, 8) + "." + TRANSCRIPT_EXTENSIONS.get(type);
                    kept.add(new Transcript(media.writeIfAbsent(bytes, name), type, t.language()));
                } finally {
                    Files.deleteIfExists(file.file());
                }
            } catch (Downloads.Failed e) {
                notices.add("The transcript at " + t.url() + " could not be downloaded (" + e.getMessage() + ").");
            }
        }
        return kept;
    }

    private static final Map<String, String> TRANSCRIPT_EXTENSIONS = Map.of(
            "text/vtt", "vtt",
            "application/x-subrip", "srt",
            "application/json", "json",
            "text/html", "html",
            "text/plain", "txt");

    /** The type Castkeeper serves a transcript of the tag's type as, or null for one it does not serve. */
    private static String transcriptType(String tagType) {
        if (tagType == null) {
            return null;
        }
        String type = tagType.strip().toLowerCase(java.util.Locale.ROOT).replaceFirst(";.*$", "");
        return switch (type) {
            case "application/srt", "application/x-subrip", "text/srt" -> "application/x-subrip";
            case "text/vtt", "application/json", "text/html", "text/plain" -> type;
            default -> null;
        };
    }

    private static long megabytes(long bytes) {
        return (bytes + 1024 * 1024 - 1) / (1024 * 1024);
    }
}
