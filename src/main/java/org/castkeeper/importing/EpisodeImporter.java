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
import org.castkeeper.catalogue.EpisodeState;
import org.castkeeper.catalogue.NewEpisode;
import org.castkeeper.media.AudioFacts;
import org.castkeeper.media.Id3Tags;
import org.castkeeper.media.MediaFolder;
import org.castkeeper.media.Mp3Probe;
import org.castkeeper.media.Mp3Rejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports one MP3: probe it, skip it if the same audio is catalogued, bring it into the media folder if it lives
 * elsewhere, save its cover art, and create the episode.
 *
 * <p>Either all of that happens or none of it: a file copied in or art written for an episode that then fails to
 * be created is removed again.
 */
public final class EpisodeImporter {
    private static final Logger LOG = LoggerFactory.getLogger(EpisodeImporter.class);

    private final EpisodeRepository episodes;
    private final MediaFolder media;
    private final Mp3Probe probe;
    private final ZoneId showZone;

    public EpisodeImporter(EpisodeRepository episodes, MediaFolder media, Mp3Probe probe, ZoneId showZone) {
        this.episodes = episodes;
        this.media = media;
        this.probe = probe;
        this.showZone = showZone;
    }

    /**
     * @param publish   publish at once, dated by the ID3 recording date or else the file's time; else a draft
     * @param bytesDone told how far hashing has got, for a progress display
     */
    public ImportResult importFile(Path file, boolean publish, LongConsumer bytesDone) throws IOException {
        return catalogue(file, file.getFileName().toString(), publish, bytesDone, source -> {
            Optional<String> inside = media.relativize(source);
            return inside.isPresent() ? new Placed(inside.get(), false) : new Placed(media.copyIn(source, null), true);
        });
    }

    /**
     * Imports a finished upload as a draft: the file is moved into the media folder under a name made from
     * {@code originalName}. On any refusal or failure the upload file is left for the caller to delete.
     */
    public ImportResult importUpload(Path upload, String originalName) throws IOException {
        return catalogue(upload, originalName, false, done -> { },
                source -> new Placed(media.moveIn(source, originalName), true));
    }

    /**
     * Probes and hashes {@code file} for replacing an episode's audio, and moves it into the media folder.
     * The result holds the new audio facts, or the reason it was refused.
     */
    public Replacement prepareReplacement(Path upload, String originalName) throws IOException {
        AudioFacts facts;
        try {
            facts = probe.probe(upload);
        } catch (Mp3Rejected e) {
            return new Replacement(null, e.getMessage());
        }
        String sha256 = ContentHash.sha256(upload, done -> { });
        if (episodes.findBySha256(sha256).isPresent()) {
            return new Replacement(null, "This audio is already in the catalogue.");
        }
        String path = media.moveIn(upload, originalName);
        return new Replacement(new EpisodeAudio(path, facts.sizeBytes(), facts.mimeType(), sha256,
                facts.durationSeconds(), facts.bitrateKbps(), facts.variableBitrate(), facts.sampleRate(),
                facts.channels()), null);
    }

    /** New audio for an existing episode, or why it was refused. */
    public record Replacement(EpisodeAudio audio, String refusal) {
    }

    /** Where a file ended up in the media folder, and whether this import put it there. */
    private record Placed(String path, boolean created) {
    }

    private interface Placement {
        Placed place(Path source) throws IOException;
    }

    private ImportResult catalogue(Path file, String name, boolean publish, LongConsumer bytesDone,
                                   Placement placement) throws IOException {
        AudioFacts facts;
        try {
            facts = probe.probe(file);
        } catch (Mp3Rejected e) {
            return ImportResult.rejected(file, e.getMessage());
        }
        String sha256 = ContentHash.sha256(file, bytesDone);
        Optional<Episode> existing = episodes.findBySha256(sha256);
        if (existing.isPresent()) {
            return ImportResult.alreadyCatalogued(file, existing.get());
        }

        List<String> created = new ArrayList<>();
        try {
            Placed placed = placement.place(file);
            if (placed.created()) {
                created.add(placed.path());
            }
            String artworkPath = saveCoverArt(facts.tags(), created);
            Id3Tags tags = facts.tags();
            NewEpisode episode = new NewEpisode(
                    tags.title() != null ? tags.title() : titleFromFileName(Path.of(name)),
                    ShowNotes.fromComment(tags.comment()),
                    publish ? EpisodeState.PUBLISHED : EpisodeState.DRAFT,
                    publish ? publishTime(tags.date(), file) : null,
                    new EpisodeAudio(placed.path(), facts.sizeBytes(), facts.mimeType(), sha256,
                            facts.durationSeconds(), facts.bitrateKbps(), facts.variableBitrate(), facts.sampleRate(),
                            facts.channels()),
                    tags.artist(),
                    tags.album(),
                    artworkPath,
                    tags.chapters().stream()
                            .map(c -> new Chapter(c.startMillis(), c.endMillis(), c.title(), c.url()))
                            .toList());
            Episode stored = episodes.create(episode);
            created.clear();
            return ImportResult.imported(file, stored, facts.warnings());
        } catch (EpisodeRepository.DuplicateAudio raced) {
            // Another importer (the folder watcher, another instance) catalogued it a moment ago.
            return ImportResult.alreadyCatalogued(file, episodes.findBySha256(sha256).orElseThrow());
        } finally {
            for (String leftover : created) {
                try {
                    media.delete(leftover);
                } catch (IOException e) {
                    LOG.warn("Could not remove {} after a failed import: {}", leftover, e.toString());
                }
            }
        }
    }

    /** Cover art is stored once per distinct image, named by its hash, under artwork/ in the media folder. */
    private String saveCoverArt(Id3Tags tags, List<String> created) throws IOException {
        if (tags.cover() == null) {
            return null;
        }
        byte[] bytes = tags.cover().bytes();
        String name = MediaFolder.artworkName(bytes, tags.cover().extension());
        boolean isNew = media.resolve(name).map(p -> !Files.exists(p)).orElse(false);
        media.writeIfAbsent(bytes, name);
        if (isNew) {
            created.add(name);
        }
        return name;
    }

    /** "2025-03-14_sleep-and_stress.MP3" becomes "2025-03-14 sleep and stress". */
    static String titleFromFileName(Path file) {
        String name = file.getFileName().toString().replaceFirst("(?i)\\.mp3$", "");
        String title = name.replace('_', ' ').replaceAll("(?<=\\p{L})-(?=\\p{L})", " ").replaceAll("\\s+", " ").strip();
        return title.isEmpty() ? "Untitled episode" : title;
    }

    /** The ID3 date when it names a day (a bare year does not), at that time in the show's zone; else the file's time. */
    Instant publishTime(String id3Date, Path file) throws IOException {
        if (id3Date != null) {
            try {
                if (id3Date.length() == 10) {
                    return LocalDate.parse(id3Date).atStartOfDay(showZone).toInstant();
                }
                if (id3Date.length() >= 13 && id3Date.charAt(10) == 'T') {
                    String padded = (id3Date + ":00:00").substring(0, 19);
                    return LocalDateTime.parse(padded).atZone(showZone).toInstant();
                }
            } catch (DateTimeParseException notADate) {
                // Fall through to the file's own time.
            }
        }
        return Files.getLastModifiedTime(file).toInstant();
    }
}
