package org.castkeeper.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.EpisodeRepository;
import org.castkeeper.catalogue.EpisodeState;
import org.castkeeper.catalogue.ShowRepository;
import org.castkeeper.db.Database;
import org.castkeeper.media.AudioProbe;
import org.castkeeper.media.MediaFolder;
import org.castkeeper.testing.Fixtures;
import org.castkeeper.testing.MutableClock;
import org.castkeeper.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpisodesFolderWatcherIT {
    @TempDir
    Path dir;

    Path episodesDir;
    Database database;
    EpisodeRepository episodes;
    EpisodesFolderWatcher watcher;
    final AtomicInteger importedSignals = new AtomicInteger();
    MutableClock clock;
    MediaFolder store;
    EpisodeImporter importer;

    @BeforeEach
    void setUp() throws Exception {
        episodesDir = Files.createDirectories(dir.resolve("episodes"));
        database = TestDatabases.sqlite(dir);
        clock = new MutableClock(Instant.now());
        episodes = new EpisodeRepository(
                database.dsl(), new ShowRepository(database.dsl(), clock).ensure("default"), clock);
        store = new MediaFolder(dir.resolve("data/media"));
        importer = new EpisodeImporter(
                episodes,
                new org.castkeeper.episodes.EpisodeLifecycle(episodes, store, java.time.Clock.systemUTC(), () -> {}),
                store,
                new AudioProbe(),
                () -> java.time.ZoneOffset.UTC);
        watcher = newWatcher();
    }

    private EpisodesFolderWatcher newWatcher() {
        return new EpisodesFolderWatcher(
                episodesDir, importer, Duration.ofSeconds(2), clock, importedSignals::incrementAndGet);
    }

    private List<String> dropFolder() throws Exception {
        try (var files = Files.walk(episodesDir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> episodesDir.relativize(p).toString())
                    .sorted()
                    .toList();
        }
    }

    @AfterEach
    void tearDown() {
        watcher.close();
        database.close();
    }

    private static void age(Path file) throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
    }

    @Test
    void aFileStillBeingCopiedIsNotImportedUntilItIsComplete() throws Exception {
        byte[] whole = Files.readAllBytes(Fixtures.mp3("cbr-id3v23.mp3"));
        Path target = episodesDir.resolve("new-episode.mp3");
        Files.write(target, Arrays.copyOf(whole, whole.length / 2));

        watcher.poll();
        watcher.poll();
        // Half the file, written just now: the copy may still be going on.
        assertThat(episodes.count()).isZero();

        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.APPEND)) {
            out.write(whole, whole.length / 2, whole.length - whole.length / 2);
        }
        age(target);
        watcher.poll();
        assertThat(episodes.count())
                .as("the size just changed: wait one more look")
                .isZero();
        watcher.poll();

        assertThat(episodes.all()).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Morning routine");
            assertThat(e.state()).isEqualTo(EpisodeState.DRAFT);
            assertThat(e.audio().sizeBytes()).isEqualTo(whole.length);
            assertThat(e.audio().durationSeconds()).isEqualTo(3);
            assertThat(e.audio().path())
                    .isEqualTo("morning-routine-" + e.audio().sha256().substring(0, 10) + ".mp3");
            assertThat(store.root().resolve(e.audio().path())).hasBinaryContent(whole);
        });
        assertThat(dropFolder()).as("the drop folder is only read").containsExactly("new-episode.mp3");
        assertThat(importedSignals).hasValue(1);
    }

    @Test
    void aFileWrittenMomentsAgoWaitsForTheQuietPeriod() throws Exception {
        Files.copy(Fixtures.mp3("untagged.mp3"), episodesDir.resolve("fresh.mp3"));
        watcher.poll();
        watcher.poll();
        assertThat(episodes.count()).isZero();
        clock.advance(Duration.ofSeconds(3));
        watcher.poll();
        assertThat(episodes.all()).extracting(Episode::title).containsExactly("fresh");
    }

    @Test
    void rejectedAndKnownFilesAreLeftAloneAndNotRetriedEveryPoll() throws Exception {
        Files.copy(Fixtures.mp3("reject-text.mp3"), episodesDir.resolve("notes.mp3"));
        Files.copy(Fixtures.mp3("untagged.mp3"), episodesDir.resolve("one.mp3"));
        Files.createDirectories(episodesDir.resolve("old"));
        Files.copy(Fixtures.mp3("untagged.mp3"), episodesDir.resolve("old/same-audio.mp3"));
        age(episodesDir.resolve("notes.mp3"));
        age(episodesDir.resolve("one.mp3"));
        age(episodesDir.resolve("old/same-audio.mp3"));
        for (int i = 0; i < 4; i++) {
            watcher.poll();
        }
        assertThat(episodes.all()).hasSize(1);
        assertThat(importedSignals).hasValue(1);
        assertThat(dropFolder()).containsExactly("notes.mp3", "old/same-audio.mp3", "one.mp3");
    }

    @Test
    void aDotFileImportsButMacMetadataAndHiddenFoldersAreLeftAlone() throws Exception {
        Path dotted = episodesDir.resolve(".intro.mp3");
        Files.copy(Fixtures.mp3("untagged.mp3"), dotted);
        Path appleDouble = episodesDir.resolve("._intro.mp3");
        Files.write(appleDouble, new byte[] {0, 5, 22, 7, 0, 2, 0, 0});
        Path inTrash = Files.createDirectories(episodesDir.resolve(".Trash")).resolve("old.mp3");
        Files.copy(Fixtures.mp3("cbr-id3v23.mp3"), inTrash);
        for (Path p : new Path[] {dotted, appleDouble, inTrash}) {
            age(p);
        }
        watcher.poll();
        watcher.poll();
        assertThat(episodes.all())
                .singleElement()
                .satisfies(e -> assertThat(e.title()).isEqualTo("intro"));
    }

    @Test
    void replacedAudioLeftInTheDropFolderNeverComesBackAsADraft() throws Exception {
        Path first = episodesDir.resolve("first take.mp3");
        Files.copy(Fixtures.mp3("untagged.mp3"), first);
        age(first);
        watcher.poll();
        watcher.poll();
        Episode episode = episodes.all().get(0);

        // The host replaces the audio (in the admin); the first take stays in the drop folder.
        Path fixed = dir.resolve("fixed.mp3");
        Files.copy(Fixtures.mp3("vbr-xing.mp3"), fixed);
        EpisodeImporter.Replacement replacement = importer.prepareReplacement(fixed, episode);
        episodes.update(episode.edit().audio(replacement.audio()).build());

        // A restart: a new watcher that has seen nothing yet looks twice.
        watcher.close();
        watcher = newWatcher();
        watcher.poll();
        watcher.poll();
        assertThat(episodes.all())
                .singleElement()
                .satisfies(e -> assertThat(e.id()).isEqualTo(episode.id()));
        assertThat(importedSignals).hasValue(1);
        assertThat(first).exists();
    }
}
