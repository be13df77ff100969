package org.castkeeper.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.castkeeper.config.ShowJson;
import org.castkeeper.db.Database;
import org.castkeeper.testing.Episodes;
import org.castkeeper.testing.MutableClock;
import org.castkeeper.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After edits alone, the cache reads only the edited episodes again; what it then publishes must be exactly what
 * reading every live episode gives.
 */
class PublicationCacheIT {
    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    Path dir;

    Database database;
    EpisodeRepository episodes;
    PublicationCache cache;
    MutableClock clock = new MutableClock(NOW);

    @BeforeEach
    void open() {
        database = TestDatabases.sqlite(dir);
        int show = new ShowRepository(database.dsl(), clock).ensure("default");
        CatalogueChanges changes = new CatalogueChanges();
        episodes = new EpisodeRepository(database.dsl(), show, clock, changes);
        var settings = ShowJson.read("""
                {"title":"T","description":"d","author":"a","language":"en","categories":[{"category":"Arts"}],
                 "explicit":false,"owner":{"name":"D","email":"d@example.org"},"artwork":"show.jpg"}""");
        cache = new PublicationCache(
                episodes, () -> settings, changes, clock, Duration.ofSeconds(2), NOW.minusSeconds(3600));
    }

    @AfterEach
    void close() {
        cache.close();
        database.close();
    }

    private void assertSameAsAFullRead() {
        assertThat(cache.refresh().live())
                .usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(episodes.live(clock.instant()));
    }

    @Test
    void editsUnpublishesAndRepublishesGiveWhatAFullReadGives() {
        Episode a = episodes.create(Episodes.published("A", NOW.minusSeconds(300)));
        Episode b = episodes.create(Episodes.published("B", NOW.minusSeconds(200)));
        Episode c = episodes.create(Episodes.published("C", NOW.minusSeconds(100)));
        Episode draft = episodes.create(Episodes.draft("Draft"));
        assertSameAsAFullRead();

        clock.advance(Duration.ofSeconds(1));
        episodes.update(b.withTitle("B, edited"));
        assertSameAsAFullRead();
        assertThat(cache.current().live()).extracting(Episode::title).containsExactly("C", "B, edited", "A");

        clock.advance(Duration.ofSeconds(1));
        episodes.update(c.withState(EpisodeState.UNPUBLISHED, c.publishAt()));
        assertSameAsAFullRead();

        clock.advance(Duration.ofSeconds(1));
        episodes.update(draft.withState(EpisodeState.PUBLISHED, NOW.minusSeconds(250)));
        episodes.update(a.withTitle("A, edited"));
        assertSameAsAFullRead();
        assertThat(cache.current().live())
                .extracting(Episode::title)
                .containsExactly("B, edited", "Draft", "A, edited");

        // A scheduled episode's time comes: not an edit, so everything is read again.
        clock.advance(Duration.ofSeconds(1));
        episodes.update(c.withState(EpisodeState.SCHEDULED, clock.instant().plusSeconds(60)));
        assertSameAsAFullRead();
        clock.advance(Duration.ofSeconds(61));
        assertSameAsAFullRead();
        assertThat(cache.current().live()).extracting(Episode::title).first().isEqualTo("C");

        // A deletion changes the count: everything is read again.
        episodes.delete(a.id(), "dominion");
        assertSameAsAFullRead();
    }

    @Test
    void theShowSettingsAreReadAgainOnlyWhenTheyChanged() {
        CatalogueChanges changes = new CatalogueChanges();
        int show = new ShowRepository(database.dsl(), clock).ensure("default");
        EpisodeRepository repository = new EpisodeRepository(database.dsl(), show, clock, changes);
        ShowSettingsRepository settings = new ShowSettingsRepository(database.dsl(), show, clock, changes);
        settings.seed(ShowJson.read("""
                        {"title":"T","description":"d","author":"a","language":"en",
                         "categories":[{"category":"Arts"}],"explicit":false,
                         "owner":{"name":"D","email":"d@example.org"},"artwork":"show.jpg"}"""), "917393e3-1b1e-5cef-ace4-edaa54e1f810");
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        try (PublicationCache counted = new PublicationCache(
                repository,
                () -> {
                    reads.incrementAndGet();
                    return settings.load().settings();
                },
                changes,
                clock,
                Duration.ofSeconds(2),
                NOW.minusSeconds(3600))) {
            Episode a = repository.create(Episodes.published("A", NOW.minusSeconds(300)));
            counted.refresh();
            int before = reads.get();

            clock.advance(Duration.ofSeconds(1));
            repository.update(a.withTitle("A, edited"));
            assertThat(counted.refresh().live()).extracting(Episode::title).containsExactly("A, edited");
            assertThat(reads.get())
                    .as("an episode's edit leaves the settings as they were")
                    .isEqualTo(before);

            clock.advance(Duration.ofSeconds(1));
            var stored = settings.load();
            settings.save(ShowJson.with(stored.settings(), "title", "Renamed"), stored.version(), "dominion");
            assertThat(counted.refresh().show().title()).isEqualTo("Renamed");
            assertThat(reads.get()).isGreaterThan(before);
        }
    }
}
