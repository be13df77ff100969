package org.castkeeper.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.castkeeper.Castkeeper;
import org.castkeeper.config.ConfigLoader;
import org.castkeeper.feed.FeedCache;
import org.castkeeper.testing.Fixtures;
import org.castkeeper.testing.MutableClock;
import org.castkeeper.testing.TestShow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk import costs each episode once, counted rather than timed: the command line builds no feed at all, and a
 * running server writes each new item once and rebuilds its feed every few seconds of import and at the end, not
 * once per file (which made 10,000 files quadratic).
 */
class BulkImportIT {
    @TempDir
    Path dir;

    @Test
    void aCommandLineImportBuildsNoFeed() throws Exception {
        Path recordings = recordings(20);
        try (Castkeeper app = open(new MutableClock(Instant.now().plus(Duration.ofDays(1))))) {
            FolderImport.Summary summary = new FolderImport(app.importer()).run(recordings, true, (i, n, r) -> {});

            assertThat(summary.imported()).isEqualTo(20);
            assertThat(app.publications().started()).isFalse();
            assertThat(app.feed().work()).isEqualTo(new FeedCache.Work(0, 0));
        }
    }

    @Test
    void aServerWritesEachImportedItemOnceAndRebuildsOnceWhenTheClockStandsStill() throws Exception {
        Path recordings = recordings(40);
        try (Castkeeper app = open(new MutableClock(Instant.now().plus(Duration.ofDays(1))))) {
            app.feed().page(1).orElseThrow(); // as the server does at start
            FeedCache.Work before = app.feed().work();

            new FolderImport(app.importer()).run(recordings, true, (i, n, r) -> {});

            FeedCache.Work after = app.feed().work();
            assertThat(after.rebuilds() - before.rebuilds()).isEqualTo(1);
            assertThat(after.itemsWritten() - before.itemsWritten()).isEqualTo(40);
            assertThat(new String(app.feed().page(1).orElseThrow().xml(), StandardCharsets.UTF_8))
                    .containsOnlyOnce("<channel>")
                    .satisfies(xml -> assertThat(xml.split("<item>", -1)).hasSize(41));
        }
    }

    @Test
    void aLongImportShowsItsProgressEveryFewSecondsStillWritingEachItemOnce() throws Exception {
        Path recordings = recordings(12);
        MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofDays(1)));
        try (Castkeeper app = open(clock)) {
            app.feed().page(1).orElseThrow();
            FeedCache.Work before = app.feed().work();

            // Each file takes a second of the import's clock: the feed is told every three.
            new FolderImport(app.importer()).run(recordings, true, (i, n, r) -> clock.advance(Duration.ofSeconds(1)));

            FeedCache.Work after = app.feed().work();
            assertThat(after.rebuilds() - before.rebuilds()).isBetween(3L, 5L);
            assertThat(after.itemsWritten() - before.itemsWritten()).isEqualTo(12);
        }
    }

    private Castkeeper open(MutableClock clock) throws Exception {
        Path config = TestShow.create(dir.resolve("show"));
        return Castkeeper.open(ConfigLoader.load(config, Map.of()), clock);
    }

    /** {@code n} different recordings: one real MP3 with a different tail each. */
    private Path recordings(int n) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("recordings"));
        byte[] audio = Files.readAllBytes(Fixtures.mp3("untagged.mp3"));
        for (int i = 0; i < n; i++) {
            byte[] tail = ("take " + i).getBytes(StandardCharsets.UTF_8);
            byte[] bytes = Arrays.copyOf(audio, audio.length + tail.length);
            System.arraycopy(tail, 0, bytes, audio.length, tail.length);
            Files.write(folder.resolve(String.format("episode-%03d.mp3", i)), bytes);
        }
        return folder;
    }
}
