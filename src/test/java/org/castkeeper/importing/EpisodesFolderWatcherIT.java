package org.castkeeper.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.EpisodeRepository;
import org.castkeeper.catalogue.EpisodeState;
import org.castkeeper.catalogue.ShowRepository;
import org.castkeeper.db.Database;
import org.castkeeper.media.MediaFolder;
import org.castkeeper.media.Mp3Probe;
import org.castkeeper.testing.Fixtures;
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

    @BeforeEach
    void setUp() throws Exception {
        episodesDir = Files.createDirectories(dir.resolve("episodes"));
        database = TestDatabases.sqlite(dir);
        Clock clock = Clock.systemUTC();
        episodes = new EpisodeRepository(database.dsl(), new ShowRepository(database.dsl(), clock).ensure("default"), clock);
        EpisodeImporter importer = new EpisodeImporter(episodes, new MediaFolder(episodesDir), new Mp3Probe(),
                java.time.ZoneOffset.UTC);
        watcher = new EpisodesFolderWatcher(episodesDir, importer, episodes, Duration.ofSeconds(2), clock,
                importedSignals::incrementAndGet);
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
        assertThat(episodes.count()).as("the size just changed: wait one more look").isZero();
        watcher.poll();

        assertThat(episodes.all()).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Morning routine");
            assertThat(e.state()).isEqualTo(EpisodeState.DRAFT);
            assertThat(e.audio().sizeBytes()).isEqualTo(whole.length);
            assertThat(e.audio().durationSeconds()).isEqualTo(3);
            assertThat(e.audio().path()).isEqualTo("new-episode.mp3");
        });
        assertThat(importedSignals).hasValue(1);
    }

    @Test
    void aFileWrittenMomentsAgoWaitsForTheQuietPeriod() throws Exception {
        Files.copy(Fixtures.mp3("untagged.mp3"), episodesDir.resolve("fresh.mp3"));
        watcher.poll();
        watcher.poll();
        assertThat(episodes.count()).isZero();
        Thread.sleep(2100);
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
        assertThat(episodes.all()).extracting(e -> e.audio().path()).containsExactly("old/same-audio.mp3");
        assertThat(importedSignals).hasValue(1);
        assertThat(episodesDir.resolve("notes.mp3")).exists();
    }

    @Test
    void hiddenFilesAreIgnoredUntilRenamed() throws Exception {
        Path hidden = episodesDir.resolve(".sync-tmp.mp3");
        Files.copy(Fixtures.mp3("untagged.mp3"), hidden);
        age(hidden);
        watcher.poll();
        watcher.poll();
        assertThat(episodes.count()).isZero();
        Path visible = Files.move(hidden, episodesDir.resolve("synced.mp3"));
        age(visible);
        watcher.poll();
        watcher.poll();
        assertThat(episodes.count()).isEqualTo(1);
    }
}
