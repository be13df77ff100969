package org.castkeeper.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.castkeeper.catalogue.Chapter;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.EpisodeAudio;
import org.castkeeper.catalogue.EpisodeRepository;
import org.castkeeper.catalogue.EpisodeRules;
import org.castkeeper.catalogue.EpisodeState;
import org.castkeeper.catalogue.NewEpisode;
import org.castkeeper.episodes.EpisodeLifecycle;
import org.castkeeper.media.AudioFacts;
import org.castkeeper.media.AudioProbe;
import org.castkeeper.media.AudioRejected;
import org.castkeeper.media.ContentHash;
import org.castkeeper.media.Id3Tags;
import org.castkeeper.media.MediaFolder;
import org.castkeeper.media.MediaStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports one MP3 or M4A: probe it, skip it if the same audio is catalogued (or ever was), copy it into the media store
 * under a name of Castkeeper's own, save its cover art, and create the episode.
 *
 * <p>The file the host gave is only read: the store gets its own copy, named from the title and the content hash
 * ("sleep-and-stress-3f9a1c0b2e.mp3"), so any name the host chose works, and the URL is plain ASCII ending in the
 * audio's real extension. Because the name is derived from the content, a run cut short by a crash and run again
 * finds its own copy and adopts it. Either the episode is created or nothing but such an adoptable copy is left.
 */
public final class EpisodeImporter {
    private static final Logger LOG = LoggerFactory.getLogger(EpisodeImporter.class);

    private final EpisodeRepository episodes;
    private final MediaStore media;
    private final EpisodeLifecycle lifecycle;
    private final AudioProbe probe;
    private final java.util.function.Supplier<ZoneId> showZone;

    /** @param lifecycle creates the episodes (the importer decides only what a file becomes) */
    public EpisodeImporter(
            EpisodeRepository episodes,
            EpisodeLifecycle lifecycle,
            MediaStore media,
            AudioProbe probe,
            java.util.function.Supplier<ZoneId> showZone) {
        this.lifecycle = lifecycle;
        this.episodes = episodes;
        this.media = media;
        this.probe = probe;
        this.showZone = showZone;
    }

    /** Imports many files in a row on this thread: the feed is rebuilt every few seconds, not per file. */
    public org.castkeeper.catalogue.CatalogueChanges.Batch batch() {
        return lifecycle.batch();
    }

    /**
     * Imports a file from the drop folder or anywhere else; the file itself is never moved or changed.
     *
     * @param publish   publish at once, dated by the ID3 recording date or else the file's time; else a draft.
     *                  A file whose episode is already a draft publishes that draft.
     * @param bytesDone told how far hashing has got, for a progress display
     */
    public ImportResult importFile(Path file, boolean publish, LongConsumer bytesDone) throws IOException {
        return complete(prepare(file, publish, bytesDone));
    }

    /**
     * Imports a finished upload as a draft, moving it into the store. Audio some episode used before is accepted
     * (the host chose to upload it again) with a warning. On a refusal or failure the upload file is left for the
     * caller to delete.
     */
    public ImportResult importUpload(Path upload, String originalName) throws IOException {
        return complete(prepare(
                upload, originalName, false, true, done -> {}, (source, name) -> media.storeMove(source, name)));
    }

    /**
     * Probes and hashes {@code upload} for replacing {@code episode}'s audio, and moves it into the store.
     * The result holds the new audio facts, or the reason it was refused.
     */
    public Replacement prepareReplacement(Path upload, Episode episode) throws IOException {
        AudioFacts facts;
        try {
            facts = probe.probe(upload);
        } catch (AudioRejected e) {
            return new Replacement(null, e.getMessage(), List.of());
        }
        String sha256 = ContentHash.sha256(upload, done -> {});
        Optional<Episode> holder = episodes.findBySha256(sha256);
        if (holder.isPresent()) {
            return new Replacement(
                    null,
                    holder.get().id() == episode.id()
                            ? "This is the audio the episode has already."
                            : "This audio is already in the catalogue as \""
                                    + holder.get().title() + "\".",
                    List.of());
        }
        String path = media.storeMove(upload, freeName(episode.title(), sha256, facts.mimeType()));
        return new Replacement(audio(path, sha256, facts), null, facts.warnings());
    }

    /** A file probed and hashed, not yet stored. */
    public record Probed(Path file, AudioFacts facts, String sha256) {}

    /**
     * Probes and hashes audio downloaded for an episode moving in from a feed (see {@link #storeFeedAudio}); this
     * part reads only the file, so several downloads can be probed at once.
     *
     * @throws AudioRejected when the download is not audio Castkeeper can serve, with the reason
     */
    public Probed probeFeedAudio(Path downloaded) throws IOException, AudioRejected {
        return new Probed(downloaded, probe.probe(downloaded), ContentHash.sha256(downloaded, done -> {}));
    }

    /** Audio downloaded from an old feed, in the store, with its tags and what the host should know about it. */
    public record FeedAudio(EpisodeAudio audio, Id3Tags tags, List<String> warnings) {}

    /**
     * Moves audio downloaded for an episode moving in from a feed into the store. Unlike a file import, audio the catalogue holds already is no reason to refuse: two items of an old feed may carry
     * the same file, and are two episodes. Each gets its own stored file, so deleting one never takes the other's.
     *
     * @param taken names other imports under way have given to audio not yet catalogued
     */
    public FeedAudio storeFeedAudio(Probed probed, String title, java.util.function.Predicate<String> taken)
            throws IOException {
        AudioFacts facts = probed.facts();
        String sha256 = probed.sha256();
        Path downloaded = probed.file();
        String name = StoredNames.audio(title, sha256, facts.mimeType());
        for (int n = 2;
                taken.test(name) || episodes.tombstones().wasRetired(name) || episodes.audioPathInUse(name);
                n++) {
            name = StoredNames.audio(title + " " + n, sha256, facts.mimeType());
        }
        String stored = media.storeMove(downloaded, name);
        return new FeedAudio(audio(stored, sha256, facts), facts.tags(), facts.warnings());
    }

    /** New audio for an existing episode, or why it was refused; with what the host should know about it. */
    public record Replacement(EpisodeAudio audio, String refusal, List<String> warnings) {}

    private interface Placement {
        /** Puts {@code source} into the store under {@code name}; returns the path it got. */
        String place(Path source, String name) throws IOException;
    }

    /**
     * One file part-way through an import: what {@link #prepare} found by reading the file and the catalogue and
     * copying the audio into the store, for {@link #complete} to write to the catalogue.
     */
    public sealed interface Prepared {}

    /** Nothing to write: rejected, skipped, or already catalogued. */
    private record Decided(ImportResult result) implements Prepared {}

    /** `import --publish` of a file whose episode exists: publish it if it is a draft. */
    private record Existing(Path file, AudioFacts facts, Episode episode) implements Prepared {}

    /** A new episode, its audio (and cover art) already in the store. */
    private record NewOne(Path file, NewEpisode episode, List<String> warnings, List<String> created)
            implements Prepared {}

    /**
     * The first part of importing {@code file} (see {@link #importFile}): probe, hash, the catalogue read to tell
     * new audio from known, and the audio copied into the store. It writes nothing to the catalogue, so a bulk
     * import can prepare the next files while {@link #complete} writes this one. A crash in between leaves only a
     * copy named after its content, which the next run adopts.
     */
    public Prepared prepare(Path file, boolean publish, LongConsumer bytesDone) throws IOException {
        return prepare(
                file,
                String.valueOf(file.getFileName()),
                publish,
                false,
                bytesDone,
                (source, name) -> media.storeCopy(source, name));
    }

    private Prepared prepare(
            Path file,
            String name,
            boolean publish,
            boolean allowUsedBefore,
            LongConsumer bytesDone,
            Placement placement)
            throws IOException {
        AudioFacts facts;
        try {
            facts = probe.probe(file);
        } catch (AudioRejected e) {
            return new Decided(ImportResult.rejected(file, e.getMessage()));
        }
        String sha256 = ContentHash.sha256(file, bytesDone);
        // Every audio an episode ever had is known by its hash: new audio, the usual case in a big import, is
        // told by one indexed lookup, without reading an episode.
        Optional<Integer> usedBy = episodes.tombstones().usedBefore(sha256);
        Optional<Episode> existing = usedBy.isEmpty() ? Optional.empty() : episodes.findBySha256(sha256);
        if (existing.isPresent()) {
            return publish
                    ? new Existing(file, facts, existing.get())
                    : new Decided(ImportResult.alreadyCatalogued(file, existing.get()));
        }
        List<String> warnings = new ArrayList<>(facts.warnings());
        if (usedBy.isPresent()) {
            if (!allowUsedBefore) {
                return new Decided(ImportResult.usedBefore(file, whereItWas(usedBy.get())));
            }
            warnings.add("This audio " + whereItWas(usedBy.get()) + ".");
        }

        Id3Tags tags = facts.tags();
        // The same title rules as the editor's; a tag's title is shortened rather than refused.
        EpisodeRules.TagTitle tagTitle = EpisodeRules.titleFromTag(tags.title());
        String title = tagTitle != null ? tagTitle.title() : titleFromFileName(Path.of(name));
        if (tagTitle != null) {
            warnings.addAll(tagTitle.warnings());
        }
        List<String> created = new ArrayList<>();
        boolean placed = false;
        try {
            String stored = placement.place(file, freeName(title, sha256, facts.mimeType()));
            String artworkPath = saveCoverArt(tags, created);
            NewEpisode episode = new NewEpisode(
                    title,
                    ShowNotes.fromComment(tags.comment() == null ? null : EpisodeRules.cleanText(tags.comment())),
                    publish ? EpisodeState.PUBLISHED : EpisodeState.DRAFT,
                    publish ? publishTime(tags.date(), file) : null,
                    audio(stored, sha256, facts),
                    tags.artist(),
                    tags.album(),
                    artworkPath,
                    tags.chapters().stream()
                            .map(c -> new Chapter(c.startMillis(), c.endMillis(), c.title(), c.url()))
                            .toList());
            placed = true;
            return new NewOne(file, episode, warnings, created);
        } finally {
            if (!placed) {
                deleteQuietly(created);
            }
        }
    }

    /** The second part of an import: writes what {@link #prepare} found to the catalogue. */
    public ImportResult complete(Prepared prepared) throws IOException {
        return switch (prepared) {
            case Decided d -> d.result();
            case Existing e -> publishExisting(e.file(), e.facts(), e.episode());
            case NewOne n -> create(n);
        };
    }

    private ImportResult create(NewOne n) {
        boolean done = false;
        try {
            Episode saved = lifecycle.create(n.episode(), n.warnings());
            done = true;
            return ImportResult.imported(n.file(), saved, n.warnings());
        } catch (EpisodeRepository.DuplicateAudio raced) {
            // Another importer (the folder watcher, another instance, a copy of the file earlier in this run)
            // catalogued it a moment ago; the stored copy has the same content-derived name, so it is that
            // episode's file. Cover art this import wrote is not that episode's: it goes.
            return ImportResult.alreadyCatalogued(
                    n.file(),
                    episodes.findBySha256(n.episode().audio().sha256()).orElseThrow());
        } finally {
            if (!done) {
                deleteQuietly(n.created());
            }
        }
    }

    private void deleteQuietly(List<String> created) {
        for (String leftover : created) {
            try {
                media.delete(leftover);
            } catch (IOException e) {
                LOG.warn("Could not remove {} after a failed import: {}", leftover, e.toString());
            }
        }
    }

    /**
     * The audio's stored name, unless a retired file had it: that URL answers 301 or 410 for good, so the same
     * recording uploaded again after its episode was deleted gets a name with "-2" in it (the same on every try, so an import cut
     * short still adopts its copy).
     */
    private String freeName(String title, String sha256, String mimeType) {
        String name = StoredNames.audio(title, sha256, mimeType);
        for (int n = 2; episodes.tombstones().wasRetired(name); n++) {
            name = StoredNames.audio(title + " " + n, sha256, mimeType);
        }
        return name;
    }

    /**
     * What became of the episode that had this audio, in the host's words: "was in episode 5 "Sleep", deleted on 5
     * Dec 2026", or "was used by episode 5 before it got other audio".
     */
    private String whereItWas(int episodeId) {
        return episodes.tombstones()
                .deletion(episodeId)
                .map(d -> "was in episode " + episodeId + " \"" + d.title() + "\", deleted on "
                        + DELETED_ON.withZone(showZone.get()).format(d.at()))
                .orElse("was used by episode " + episodeId + " before it got other audio");
    }

    private static final java.time.format.DateTimeFormatter DELETED_ON =
            java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH);

    /** `import --publish` of a file already catalogued: publish it if it is a draft, else say why not. */
    private ImportResult publishExisting(Path file, AudioFacts facts, Episode existing) throws IOException {
        return switch (existing.state()) {
            case DRAFT ->
                ImportResult.published(
                        file,
                        lifecycle.publishImported(
                                existing, publishTime(facts.tags().date(), file)));
            case PUBLISHED -> ImportResult.alreadyCatalogued(file, existing);
            case SCHEDULED ->
                ImportResult.notPublished(file, existing, "it is scheduled for later; change that in the admin");
            case UNPUBLISHED ->
                ImportResult.notPublished(
                        file, existing, "it was unpublished in the admin; publish it there if you want it back");
        };
    }

    private static EpisodeAudio audio(String path, String sha256, AudioFacts facts) {
        return new EpisodeAudio(
                path,
                facts.sizeBytes(),
                facts.mimeType(),
                sha256,
                facts.durationSeconds(),
                facts.bitrateKbps(),
                facts.variableBitrate(),
                facts.sampleRate(),
                facts.channels());
    }

    /** Cover art is stored once per distinct image, named by its hash, under artwork/ in the media store. */
    private String saveCoverArt(Id3Tags tags, List<String> created) throws IOException {
        if (tags.cover() == null) {
            return null;
        }
        byte[] bytes = tags.cover().bytes();
        String name = MediaFolder.artworkName(bytes, tags.cover().extension());
        boolean isNew = media.accepts(name) && media.stat(name).isEmpty();
        media.writeIfAbsent(bytes, name);
        if (isNew) {
            created.add(name);
        }
        return name;
    }

    /** "2025-03-14_sleep-and_stress.MP3" becomes "2025-03-14 sleep and stress". */
    static String titleFromFileName(Path file) {
        String name = file.getFileName()
                .toString()
                .replaceFirst("(?i)\\.(mp3|m4a)$", "")
                .replaceFirst("^\\.+", "");
        String title = name.replace('_', ' ').replaceAll("(?<=\\p{L})-(?=\\p{L})", " ");
        EpisodeRules.TagTitle cleaned = EpisodeRules.titleFromTag(title);
        return cleaned == null ? "Untitled episode" : cleaned.title();
    }

    /** The ID3 date when it names a day (a bare year does not), at that time in the show's zone; else the file's time. */
    Instant publishTime(String id3Date, Path file) throws IOException {
        if (id3Date != null) {
            try {
                if (id3Date.length() == 10) {
                    return LocalDate.parse(id3Date).atStartOfDay(showZone.get()).toInstant();
                }
                if (id3Date.length() >= 13 && id3Date.charAt(10) == 'T') {
                    String padded = (id3Date + ":00:00").substring(0, 19);
                    return LocalDateTime.parse(padded).atZone(showZone.get()).toInstant();
                }
            } catch (DateTimeParseException notADate) {
                // Fall through to the file's own time.
            }
        }
        return Files.getLastModifiedTime(file).toInstant();
    }
}
