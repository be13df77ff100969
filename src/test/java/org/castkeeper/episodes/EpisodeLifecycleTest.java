package org.castkeeper.episodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.EpisodeRepository;
import org.castkeeper.catalogue.EpisodeState;
import org.castkeeper.catalogue.EpisodeType;
import org.castkeeper.catalogue.ShowRepository;
import org.castkeeper.db.Database;
import org.castkeeper.errors.Refusal;
import org.castkeeper.media.MediaFolder;
import org.castkeeper.testing.Episodes;
import org.castkeeper.testing.MutableClock;
import org.castkeeper.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The episode lifecycle on its own, without a server: on a real SQLite catalogue and a real media folder, what
 * each operation writes and what it tells its subscribers.
 */
class EpisodeLifecycleTest {
    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    Path dir;

    Database database;
    MutableClock clock;
    EpisodeRepository episodes;
    MediaFolder media;
    EpisodeLifecycle lifecycle;
    List<EpisodeEvents.Event> told = new ArrayList<>();
    int sweeps;

    @BeforeEach
    void start() throws Exception {
        database = TestDatabases.sqlite(dir);
        clock = new MutableClock(NOW);
        episodes = new EpisodeRepository(
                database.dsl(), new ShowRepository(database.dsl(), clock).ensure("default"), clock);
        media = new MediaFolder(dir.resolve("media"));
        lifecycle = new EpisodeLifecycle(episodes, media, clock, () -> sweeps++);
        lifecycle.events().subscribe(told::add);
    }

    @AfterEach
    void stop() {
        database.close();
    }

    private static EpisodeLifecycle.Details details(String title) {
        return new EpisodeLifecycle.Details(
                title, "Notes", "<p>Notes</p>", 2, 7, EpisodeType.FULL, null, List.of(), List.of(), null);
    }

    @Test
    void publishingSavesWhatWasTypedAndGoesLiveOnce() {
        Episode draft = lifecycle.create(Episodes.draft("Draft"), List.of("A notice"));
        assertThat(told).singleElement().isInstanceOf(EpisodeEvents.Changed.class);
        assertThat(episodes.notices().of(draft.id())).containsExactly("A notice");

        Episode live = lifecycle.publishNow(draft, details("Typed with Publish"), null, "dominion");
        assertThat(live.title()).isEqualTo("Typed with Publish");
        assertThat(live.season()).isEqualTo(2);
        assertThat(live.state()).isEqualTo(EpisodeState.PUBLISHED);
        assertThat(live.publishAt()).isEqualTo(NOW);
        assertThat(told).filteredOn(e -> e instanceof EpisodeEvents.WentLive).hasSize(1);

        // A second click: nothing written, nothing told.
        int before = told.size();
        assertThat(lifecycle.publishNow(live, null, null, "dominion")).isSameAs(live);
        assertThat(told).hasSize(before);
    }

    @Test
    void aSchedulePastIsRefusedAndNothingIsWritten() throws Refusal {
        Episode draft = lifecycle.create(Episodes.draft("Draft"), List.of());
        assertThatThrownBy(() -> lifecycle.schedule(draft, details("Changed"), NOW.minusSeconds(60), "dominion"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("That time has passed");
        assertThat(episodes.findById(draft.id()).orElseThrow().title()).isEqualTo("Draft");

        Episode scheduled = lifecycle.schedule(draft, details("Next week"), NOW.plus(Duration.ofDays(7)), "dominion");
        assertThat(scheduled.state()).isEqualTo(EpisodeState.SCHEDULED);
        assertThat(scheduled.title()).isEqualTo("Next week");
        assertThat(told).noneMatch(e -> e instanceof EpisodeEvents.WentLive);
    }

    @Test
    void unpublishingKeepsTheFirstDateAndRepublishingCanKeepIt() {
        Episode live = lifecycle.publishNow(lifecycle.create(Episodes.draft("Out"), List.of()), null, null, "d");
        Episode out = lifecycle.unpublish(live, null, "d");
        assertThat(out.state()).isEqualTo(EpisodeState.UNPUBLISHED);
        assertThat(out.publishAt()).isEqualTo(NOW);
        clock.advance(Duration.ofDays(3));
        Episode back = lifecycle.publishNow(out, null, EpisodeLifecycle.Republish.KEEP_FIRST_DATE, "d");
        assertThat(back.publishAt()).isEqualTo(NOW);
        Episode again = lifecycle.publishNow(
                lifecycle.unpublish(back, null, "d"), null, EpisodeLifecycle.Republish.AS_NEW_NOW, "d");
        assertThat(again.publishAt()).isEqualTo(NOW.plus(Duration.ofDays(3)));
    }

    @Test
    void artworkIsCheckedStoredUnderItsContentAndTheOldFileSwept() throws Exception {
        Episode e = lifecycle.create(Episodes.draft("With art"), List.of());
        assertThatThrownBy(
                        () -> lifecycle.setArtwork(e, "GIF89a not an image".getBytes(StandardCharsets.US_ASCII), "d"))
                .isInstanceOf(Refusal.class);
        assertThat(episodes.findById(e.id()).orElseThrow().artworkPath()).isNull();

        Episode withArt = lifecycle.setArtwork(e, jpeg(1400), "d");
        assertThat(withArt.artworkPath()).matches("artwork/[0-9a-f]{16}\\.jpg");
        assertThat(media.localFile(withArt.artworkPath())).isPresent();
        assertThat(sweeps).isEqualTo(1);
        assertThatThrownBy(() -> lifecycle.setArtwork(withArt, jpeg(600), "d"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("1400");
    }

    @Test
    void aTranscriptIsTypedByItsContent() throws Exception {
        Episode e = lifecycle.create(Episodes.draft("Spoken"), List.of());
        Episode vtt = lifecycle.attachTranscript(
                e, "anything.txt", "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n".getBytes(StandardCharsets.UTF_8), "d");
        assertThat(vtt.transcripts()).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo("text/vtt");
            assertThat(t.path()).startsWith("transcripts/spoken-").endsWith(".vtt");
        });
        Episode srt = lifecycle.attachTranscript(
                vtt, "talk.srt", "1\n00:00:00,000 --> 00:00:01,000\nHello\n".getBytes(StandardCharsets.UTF_8), "d");
        assertThat(srt.transcripts())
                .singleElement()
                .satisfies(t -> assertThat(t.type()).isEqualTo("application/x-subrip"));
        assertThatThrownBy(() -> lifecycle.attachTranscript(
                        srt, "notes.txt", "just words".getBytes(StandardCharsets.UTF_8), "d"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("WebVTT");
    }

    @Test
    void deletingTombstonesTheGuidAndTellsOnce() {
        Episode e = lifecycle.create(Episodes.draft("Gone"), List.of());
        assertThat(lifecycle.delete(e.id(), "d")).isPresent();
        assertThat(lifecycle.delete(e.id(), "d")).isEmpty();
        assertThat(episodes.tombstones().guidDeleted(e.guid())).isTrue();
        assertThat(told).filteredOn(x -> x instanceof EpisodeEvents.Deleted).hasSize(1);
    }

    private static byte[] jpeg(int size) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB), "jpg", out);
        return out.toByteArray();
    }
}
