package org.castkeeper.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.castkeeper.db.generated.Tables.CHAPTER;
import static org.castkeeper.db.generated.Tables.EPISODE;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.castkeeper.db.Database;
import org.castkeeper.testing.Episodes;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the catalogue promises, checked against each real database: a subclass per database supplies it.
 */
abstract class EpisodeRepositoryContract {
    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    Database database;
    EpisodeRepository episodes;
    int show;

    abstract Database openDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        database = openDatabase();
        show = new ShowRepository(database.dsl(), Clock.fixed(NOW, ZoneOffset.UTC)).ensure("default");
        episodes = new EpisodeRepository(database.dsl(), show, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void createGivesANewEpisodeAGuidASlugAndTimes() {
        Episode e = episodes.create(Episodes.draft("Sleep & Stress, part 2"));
        assertThat(e.id()).isPositive();
        assertThat(e.guid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(e.slug()).isEqualTo("sleep-stress-part-2");
        assertThat(e.state()).isEqualTo(EpisodeState.DRAFT);
        assertThat(e.type()).isEqualTo(EpisodeType.FULL);
        assertThat(e.createdAt()).isEqualTo(NOW);
        assertThat(episodes.findById(e.id())).contains(e);
        assertThat(episodes.findByGuid(e.guid())).contains(e);
        assertThat(episodes.findBySlug("sleep-stress-part-2")).contains(e);
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        Episode e = episodes.create(Episodes.draft("Round trip"));
        Episode edited = e.edit()
                .title("Round trip, edited")
                .description("<p>New <b>notes</b></p>")
                .state(EpisodeState.SCHEDULED)
                .publishAt(NOW.plus(2, ChronoUnit.DAYS))
                .season(2)
                .episodeNumber(14)
                .type(EpisodeType.BONUS)
                .explicit(true)
                .audio(new EpisodeAudio(
                        "new.mp3", 9_000_000_000L, "audio/mpeg", "f".repeat(64), 7200, 128, true, 48000, 2))
                .artworkPath("artwork/ep.jpg")
                .transcript("transcripts/ep.vtt", "text/vtt")
                .chapters(List.of(new Chapter(0, 60_000L, "Intro", "https://example.org/intro")))
                .soundbites(
                        List.of(new Soundbite(73_000, 45_500, "The one habit"), new Soundbite(600_000, 30_000, null)))
                .persons(List.of(
                        new Person(
                                "Ada Obi", "guest", "cast", "https://example.org/ada.jpg", "https://example.org/ada"),
                        new Person("Dominion", "host", null, null, null)))
                .build();
        Episode stored = episodes.update(edited);
        assertThat(episodes.findById(e.id())).contains(stored);
        assertThat(stored).usingRecursiveComparison().isEqualTo(edited);
    }

    @Test
    void theSameAudioIsNeverCataloguedTwice() {
        episodes.create(Episodes.draft("First"));
        var again = new NewEpisode(
                "Second", "", EpisodeState.DRAFT, null, Episodes.audio("First"), null, null, null, List.of());
        assertThatThrownBy(() -> episodes.create(again)).isInstanceOf(EpisodeRepository.DuplicateAudio.class);
        assertThat(episodes.count()).isEqualTo(1);
    }

    @Test
    void slugsStayUniqueAndSurviveNonLatinTitles() {
        assertThat(episodes.create(Episodes.draft("Faith")).slug()).isEqualTo("faith");
        assertThat(episodes.create(Episodes.draft("Faith!")).slug()).isEqualTo("faith-2");
        assertThat(episodes.create(Episodes.draft("  FAITH  ")).slug()).isEqualTo("faith-3");
        assertThat(episodes.create(Episodes.draft("Сон и тревога")).slug()).isEqualTo("episode");
        assertThat(episodes.create(Episodes.draft("心の健康")).slug()).isEqualTo("episode-2");
        assertThat(episodes.create(Episodes.draft("Café naïve")).slug()).isEqualTo("cafe-naive");
    }

    @Test
    void theGuidNeverChangesWhateverTheEditSays() {
        Episode e = episodes.create(Episodes.draft("Forever"));
        Episode renamed = e.withTitle("Renamed");
        Episode tampered = new Episode(
                e.id(),
                "a-different-guid",
                e.slug(),
                renamed.title(),
                e.description(),
                e.notesMarkdown(),
                e.state(),
                e.publishAt(),
                e.season(),
                e.episodeNumber(),
                e.type(),
                e.explicit(),
                e.audio(),
                e.artist(),
                e.album(),
                e.artworkPath(),
                e.transcripts(),
                e.socialUri(),
                e.chapters(),
                e.soundbites(),
                e.persons(),
                e.createdAt(),
                e.updatedAt());
        episodes.update(tampered);
        assertThat(episodes.findById(e.id())).get().satisfies(stored -> {
            assertThat(stored.guid()).isEqualTo(e.guid());
            assertThat(stored.title()).isEqualTo("Renamed");
        });
    }

    @Test
    void theDatabaseItselfRefusesToChangeAGuid() {
        Episode e = episodes.create(Episodes.draft("Forever"));
        assertThatThrownBy(() -> database.dsl()
                        .update(EPISODE)
                        .set(EPISODE.GUID, "other")
                        .where(EPISODE.ID.eq(e.id()))
                        .execute())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("an episode guid never changes");
        assertThat(episodes.findById(e.id()).orElseThrow().guid()).isEqualTo(e.guid());
    }

    @Test
    void liveEpisodesArePublishedOrDueAndNewestFirst() {
        episodes.create(Episodes.draft("Draft"));
        Episode old = episodes.create(Episodes.published("Old", NOW.minus(14, ChronoUnit.DAYS)));
        Episode recent = episodes.create(Episodes.published("Recent", NOW.minus(7, ChronoUnit.DAYS)));
        Episode due = episodes.update(episodes.create(Episodes.draft("Due"))
                .withState(EpisodeState.SCHEDULED, NOW.minus(1, ChronoUnit.MINUTES)));
        Episode future = episodes.update(episodes.create(Episodes.draft("Future"))
                .withState(EpisodeState.SCHEDULED, NOW.plus(3, ChronoUnit.DAYS)));
        episodes.update(episodes.create(Episodes.published("Pulled", NOW.minus(3, ChronoUnit.DAYS)))
                .withState(EpisodeState.UNPUBLISHED, NOW.minus(3, ChronoUnit.DAYS)));

        assertThat(episodes.live(NOW)).extracting(Episode::title).containsExactly("Due", "Recent", "Old");
        assertThat(episodes.live(NOW.plus(4, ChronoUnit.DAYS)))
                .extracting(Episode::title)
                .containsExactly("Future", "Due", "Recent", "Old");
        assertThat(episodes.nextGoLiveAfter(NOW)).contains(future.publishAt());
        assertThat(episodes.nextGoLiveAfter(future.publishAt())).isEmpty();
        assertThat(due.stateAt(NOW)).isEqualTo(EpisodeState.PUBLISHED);
        assertThat(future.stateAt(NOW)).isEqualTo(EpisodeState.SCHEDULED);
        assertThat(old.isLive(NOW)).isTrue();
        assertThat(recent.isLive(NOW.minus(8, ChronoUnit.DAYS))).isFalse();
    }

    @Test
    void chaptersKeepTheirOrderAndAreReplacedOnUpdate() {
        List<Chapter> marks = List.of(
                new Chapter(0, 1000L, "Welcome", null),
                new Chapter(1000, null, "Sleep & stress", "https://example.org/sleep"));
        Episode e = episodes.create(Episodes.withChapters("Chapters", marks));
        assertThat(episodes.findById(e.id()).orElseThrow().chapters()).containsExactlyElementsOf(marks);

        List<Chapter> replaced = List.of(new Chapter(500, null, "Only one", null));
        episodes.update(e.edit().chapters(replaced).build());
        assertThat(episodes.findById(e.id()).orElseThrow().chapters()).containsExactlyElementsOf(replaced);
        assertThat(database.dsl().fetchCount(CHAPTER)).isEqualTo(1);
    }

    @Test
    void textXmlForbidsIsKeptAsIsInTheCatalogue() {
        String hostile = "Tabs\tand \u0001control\u0008 chars, ]]> <b>markup</b> & emoji 🎙️";
        Episode e = episodes.create(Episodes.draft(hostile));
        assertThat(episodes.findById(e.id()).orElseThrow().title()).isEqualTo(hostile);
    }

    @Test
    void foreignKeysAreEnforced() {
        assertThatThrownBy(() -> database.dsl()
                        .insertInto(CHAPTER, CHAPTER.EPISODE_ID, CHAPTER.POSITION, CHAPTER.START_MS, CHAPTER.TITLE)
                        .values(999_999, 0, 0L, "orphan")
                        .execute())
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void deletingAnEpisodeTakesItsChaptersWithIt() {
        Episode e = episodes.create(Episodes.withChapters("Gone", List.of(new Chapter(0, null, "Only", null))));
        database.dsl().deleteFrom(EPISODE).where(EPISODE.ID.eq(e.id())).execute();
        assertThat(database.dsl().fetchCount(CHAPTER)).isZero();
    }

    @Test
    void theChangeStampMovesWithEveryWrite() {
        ChangeStamp empty = episodes.changeStamp();
        Episode e = episodes.create(Episodes.draft("Stamped"));
        ChangeStamp created = episodes.changeStamp();
        assertThat(created).isNotEqualTo(empty);
        assertThat(episodes.changeStamp()).isEqualTo(created);
        EpisodeRepository later =
                new EpisodeRepository(database.dsl(), showId(), Clock.fixed(NOW.plusSeconds(5), ZoneOffset.UTC));
        later.update(e.withTitle("Stamped again"));
        assertThat(episodes.changeStamp()).isNotEqualTo(created);
    }

    private int showId() {
        return new ShowRepository(database.dsl(), Clock.fixed(NOW, ZoneOffset.UTC)).ensure("default");
    }

    @Test
    void aDeletedEpisodeLeavesATombstoneItsFilesRetiredAndAChangedStamp() {
        Episode e = episodes.create(Episodes.draft("Gone soon"));
        episodes.update(e.edit().artworkPath("artwork/gone.jpg").build());
        episodes.notices().add(e.id(), List.of("It looks truncated."));
        ChangeStamp before = episodes.changeStamp();

        assertThat(episodes.delete(e.id(), "dominion")).isPresent();

        assertThat(episodes.findById(e.id())).isEmpty();
        assertThat(episodes.tombstones().guidDeleted(e.guid())).isTrue();
        assertThat(episodes.tombstones().deletedSlugs()).contains("gone-soon");
        assertThat(episodes.tombstones().retired())
                .extracting(RetiredFile::path)
                .contains(e.audio().path(), "artwork/gone.jpg");
        assertThat(episodes.tombstones().usedBefore(e.audio().sha256())).contains(e.id());
        assertThat(episodes.notices().of(e.id())).isEmpty();
        assertThat(episodes.changeStamp()).isNotEqualTo(before);
        assertThat(episodes.changeStamp().lastDeletion()).contains(NOW);
        assertThat(episodes.delete(e.id(), "dominion")).as("a second delete").isEmpty();
    }

    @Test
    void noticesStayUntilDismissed() {
        Episode e = episodes.create(Episodes.draft("Noticed"));
        episodes.notices().add(e.id(), List.of("First.", "Second."));
        assertThat(episodes.notices().of(e.id())).containsExactly("First.", "Second.");
        episodes.notices().dismiss(e.id());
        assertThat(episodes.notices().of(e.id())).isEmpty();
    }

    @Test
    void showSettingsAreSeededOnceSavedWithAChangeLogAndAStaleSaveIsRefused() {
        var settings = new ShowSettingsRepository(
                database.dsl(), show, Clock.fixed(NOW, ZoneOffset.UTC), new CatalogueChanges());
        var fromFile = org.castkeeper.config.ShowJson.read("""
                {"title":"Weekly insight","description":"d","author":"a","language":"en",
                 "categories":[{"category":"Health & Fitness"}],"explicit":false,
                 "owner":{"name":"D","email":"d@example.org"},"artwork":"show.jpg"}""");
        assertThat(settings.seed(fromFile, "917393e3-1b1e-5cef-ace4-edaa54e1f810"))
                .isEmpty();
        var stored = settings.load();
        assertThat(stored.settings().podcastGuid()).isEqualTo("917393e3-1b1e-5cef-ace4-edaa54e1f810");
        assertThat(episodes.changeStamp().settingsMillis()).isEqualTo(stored.version());

        var edited = org.castkeeper.config.ShowJson.with(fromFile, "title", "Weekly insight, season two");
        assertThat(settings.seed(edited, "another"))
                .as("the file changed after seeding")
                .containsExactly("title");
        assertThat(settings.load().settings().title()).isEqualTo("Weekly insight");

        var saved = settings.save(
                org.castkeeper.config.ShowJson.with(stored.settings(), "title", "New"), stored.version(), "dominion");
        assertThat(saved).extracting(ShowSettingsRepository.Change::setting).containsExactly("title");
        assertThat(settings.history(10))
                .extracting(c -> c.oldValue() + " -> " + c.newValue())
                .containsExactly("Weekly insight -> New");
        assertThatThrownBy(() -> settings.save(stored.settings(), stored.version(), "someone else"))
                .isInstanceOf(ShowSettingsRepository.StaleEdit.class);
        assertThat(settings.load().settings().title()).isEqualTo("New");
        assertThat(episodes.changeStamp().settingsMillis()).isGreaterThan(stored.version());
    }
}
