package org.castkeeper.feedimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.castkeeper.Castkeeper;
import org.castkeeper.catalogue.Chapter;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.EpisodeState;
import org.castkeeper.catalogue.EpisodeType;
import org.castkeeper.catalogue.Person;
import org.castkeeper.catalogue.Soundbite;
import org.castkeeper.config.ConfigLoader;
import org.castkeeper.episodes.EpisodeEvents;
import org.castkeeper.feed.FeedCache;
import org.castkeeper.testing.FixtureHost;
import org.castkeeper.testing.Fixtures;
import org.castkeeper.testing.MutableClock;
import org.castkeeper.testing.TestShow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving a show in from its old feed, served by another host on 127.0.0.1 as hosts really serve them: the feed
 * gzipped, enclosures behind tracking redirects, a 404, a video, an item without audio, a repeated guid.
 */
class FeedImportIT {
    private static final FeedImport.Settings QUICK = new FeedImport.Settings(
            Duration.ofSeconds(5), Duration.ofSeconds(2), 4, 16L * 1024 * 1024, Duration.ofMillis(10));

    @TempDir
    Path dir;

    private FixtureHost host;
    private Castkeeper app;
    private final List<EpisodeEvents.Event> events = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        host = new FixtureHost();
        Path config = TestShow.create(dir.resolve("show"));
        app = Castkeeper.open(
                ConfigLoader.load(config, Map.of()), new MutableClock(Instant.parse("2026-12-06T10:00:00Z")));
        app.lifecycle().events().subscribe(events::add);
    }

    @AfterEach
    void stop() {
        app.close();
        host.close();
    }

    @Test
    void aHostedShowMovesInWithEverythingItsFeedSays() throws Exception {
        host.file("/audio/one.mp3", recording(1), "audio/mpeg")
                .redirect("/track/one.mp3", 302, host.url("/prefix/one.mp3"))
                .redirect("/prefix/one.mp3", 301, "/audio/one.mp3")
                .file("/audio/two%20part.mp3", recording(2), "audio/mpeg")
                .file("/chapters/two.json", CHAPTERS_JSON.getBytes(StandardCharsets.UTF_8), "application/json")
                .file(
                        "/t/two.vtt",
                        "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n".getBytes(StandardCharsets.UTF_8),
                        "text/vtt")
                .file(
                        "/t/two.srt",
                        "1\n00:00:00,000 --> 00:00:01,000\nHello\n".getBytes(StandardCharsets.UTF_8),
                        "text/plain")
                .file(
                        "/t/two.html",
                        "<p>Hello</p><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8),
                        "text/html")
                .file("/art/two.jpg", Files.readAllBytes(Fixtures.resource("feeds/art.jpg")), "image/jpeg")
                .file("/audio/three.mp3", recording(3), "audio/mpeg")
                .file("/audio/nodate.mp3", recording(4), "audio/mpeg")
                .gzipped(
                        "/feed.xml",
                        feed(
                                        item(
                                                "libsyn-0001",
                                                "Episode one",
                                                "Thu, 14 Mar 2024 09:30:15 +0000",
                                                host.url("/track/one.mp3"),
                                                "<itunes:explicit>Yes</itunes:explicit><itunes:season>1</itunes:season>"
                                                        + "<itunes:episode>1</itunes:episode>"
                                                        + "<description><![CDATA[<p>Plain description</p>]]></description>"),
                                        item(
                                                "libsyn-0002",
                                                "  Caf\u0065\u0301\u00a0time \uD83C\uDF75 ",
                                                "Mon, 21 Mar 2024 09:30:15 EST",
                                                host.url("/audio/two%20part.mp3"),
                                                "<content:encoded><![CDATA[<p>Rich <a href=\"https://example.org\">notes</a></p>]]>"
                                                        + "</content:encoded><description>short</description>"
                                                        + "<itunes:episodeType>bonus</itunes:episodeType><itunes:explicit>clean</itunes:explicit>"
                                                        + "<itunes:image href=\"" + host.url("/art/two.jpg") + "\"/>"
                                                        + "<podcast:chapters url=\"" + host.url("/chapters/two.json")
                                                        + "\" type=\"application/json+chapters\"/>"
                                                        + "<podcast:transcript url=\"" + host.url("/t/two.srt")
                                                        + "\" type=\"application/srt\"/>"
                                                        + "<podcast:transcript url=\"" + host.url("/t/two.vtt")
                                                        + "\" type=\"text/vtt\"/>"
                                                        + "<podcast:transcript url=\"" + host.url("/t/two.html")
                                                        + "\" type=\"text/html\" language=\"fr\"/>"
                                                        + "<podcast:soundbite startTime=\"12.5\" duration=\"30\">Best bit</podcast:soundbite>"
                                                        + "<podcast:person role=\"guest\" href=\"https://example.org/ada\">Ada</podcast:person>"),
                                        item(
                                                null,
                                                "No guid at all",
                                                "2024-04-01T08:00:00Z",
                                                host.url("/audio/three.mp3"),
                                                "<itunes:summary>Line one\n\nLine two</itunes:summary>"),
                                        item(
                                                "libsyn-0004",
                                                "Gone from the old host",
                                                "Mon, 08 Apr 2024 09:30:15 +0000",
                                                host.url("/audio/missing.mp3"),
                                                ""),
                                        item(
                                                "libsyn-0005",
                                                "A video",
                                                "Mon, 15 Apr 2024 09:30:15 +0000",
                                                host.url("/video/five.mp4"),
                                                "",
                                                "video/mp4"),
                                        item("libsyn-0006", "Text only", "Mon, 22 Apr 2024 09:30:15 +0000", null, ""),
                                        item(
                                                "libsyn-0001",
                                                "Same guid, other audio",
                                                "Mon, 29 Apr 2024 09:30:15 +0000",
                                                host.url("/audio/three.mp3"),
                                                ""),
                                        item(
                                                "libsyn-0008",
                                                "Date nobody can read",
                                                "sometime in spring",
                                                host.url("/audio/nodate.mp3"),
                                                ""))
                                .getBytes(StandardCharsets.UTF_8),
                        "application/rss+xml; charset=utf-8");

        FeedImport.Summary summary = importFeed("/feed.xml");

        assertThat(summary.items()).isEqualTo(8);
        assertThat(summary.imported()).isEqualTo(5);
        assertThat(summary.skipped())
                .extracting(FeedImport.Skipped::guid)
                .containsExactlyInAnyOrder("libsyn-0004", "libsyn-0005", "libsyn-0006");
        assertThat(summary.skipped()).anySatisfy(s -> assertThat(s.reason()).contains("404"));
        assertThat(summary.skipped()).anySatisfy(s -> assertThat(s.reason()).contains("no enclosure"));
        assertThat(summary.skipped()).anySatisfy(s -> assertThat(s.reason()).contains("video"));
        assertThat(summary.complete()).isFalse();

        Episode one = app.episodes().findByGuid("libsyn-0001").orElseThrow();
        assertThat(one.title()).isEqualTo("Episode one");
        assertThat(one.publishAt()).isEqualTo(Instant.parse("2024-03-14T09:30:15Z"));
        assertThat(one.state()).isEqualTo(EpisodeState.PUBLISHED);
        assertThat(one.explicit()).isTrue();
        assertThat(one.season()).isEqualTo(1);
        assertThat(one.episodeNumber()).isEqualTo(1);
        assertThat(one.description()).contains("Plain description");
        assertThat(one.audio().sizeBytes()).isEqualTo(recording(1).length);

        Episode two = app.episodes().findByGuid("libsyn-0002").orElseThrow();
        assertThat(two.title()).isEqualTo("Caf\u00e9\u00a0time \uD83C\uDF75"); // NFC, no-break space and emoji kept
        assertThat(two.publishAt()).isEqualTo(Instant.parse("2024-03-21T14:30:15Z"));
        assertThat(two.season()).isNull();
        assertThat(two.episodeNumber()).isNull();
        assertThat(two.type()).isEqualTo(EpisodeType.BONUS);
        assertThat(two.explicit()).isFalse();
        assertThat(two.description())
                .contains("<a href=\"https://example.org\"")
                .contains("Rich");
        assertThat(two.chapters())
                .containsExactly(
                        new Chapter(0, null, "Welcome", null),
                        new Chapter(62_500, 120_000L, "Breathing", "https://example.org/breathe"));
        // Every transcript, in the feed's order, typed by its tag: the SRT was served as text/plain.
        assertThat(two.transcripts())
                .extracting(org.castkeeper.catalogue.Transcript::type)
                .containsExactly("application/x-subrip", "text/vtt", "text/html");
        // HTML is served from this host: sanitised as show notes are.
        assertThat(new String(
                        app.media()
                                .read(two.transcripts().get(2).path(), 0, 1000)
                                .readAllBytes(),
                        StandardCharsets.UTF_8))
                .contains("<p>Hello</p>")
                .doesNotContain("script");
        assertThat(two.transcripts().get(2).language()).isEqualTo("fr");
        assertThat(new String(
                        app.media()
                                .read(two.transcripts().get(1).path(), 0, 1000)
                                .readAllBytes(),
                        StandardCharsets.UTF_8))
                .startsWith("WEBVTT");
        assertThat(two.artworkPath()).isNotNull();
        assertThat(two.soundbites()).containsExactly(new Soundbite(12_500, 30_000, "Best bit"));
        assertThat(two.persons()).containsExactly(new Person("Ada", "guest", null, null, "https://example.org/ada"));

        Episode noGuid = app.episodes().all().stream()
                .filter(e -> e.title().equals("No guid at all"))
                .findFirst()
                .orElseThrow();
        assertThat(noGuid.guid()).startsWith("castkeeper-import-");
        assertThat(noGuid.description()).isEqualTo("<p>Line one</p>\n<p>Line two</p>");

        Episode sameGuid = app.episodes().all().stream()
                .filter(e -> e.title().equals("Same guid, other audio"))
                .findFirst()
                .orElseThrow();
        assertThat(sameGuid.guid()).isNotEqualTo("libsyn-0001").startsWith("castkeeper-import-");
        // Two items with one recording are two episodes, each with its own file.
        assertThat(sameGuid.audio().sha256()).isEqualTo(noGuid.audio().sha256());
        assertThat(sameGuid.audio().path()).isNotEqualTo(noGuid.audio().path());

        Episode undated = app.episodes().findByGuid("libsyn-0008").orElseThrow();
        assertThat(undated.state()).isEqualTo(EpisodeState.DRAFT);
        assertThat(app.episodes().notices().of(undated.id()))
                .anySatisfy(n -> assertThat(n).contains("sometime in spring"));

        // A back catalogue pings nobody: changes only, nothing went live.
        assertThat(events).isNotEmpty().noneMatch(e -> e instanceof EpisodeEvents.WentLive);
        // Nothing half-downloaded is left behind.
        assertThat(spoolFiles()).isEmpty();

        // Our feed carries the old guids verbatim.
        String ours = new String(app.feed().page(1).orElseThrow().xml(), StandardCharsets.UTF_8);
        assertThat(ours).contains(">libsyn-0001</guid>", ">libsyn-0002</guid>");
        assertThat(ours).contains("type=\"application/x-subrip\"").contains("type=\"text/vtt\"");
    }

    @Test
    void theFirstImportTakesTheShowsSettingsButNeverItsMoveOrBlocks() throws Exception {
        host.file("/a.mp3", recording(1), "audio/mpeg")
                .file("/cover.jpg", Files.readAllBytes(Fixtures.resource("feeds/art.jpg")), "image/jpeg");
        String channel = "<language>en-us</language>"
                + "<itunes:author>Dominion A.</itunes:author>"
                + "<itunes:summary>Ignored: the description wins</itunes:summary>"
                + "<itunes:category text=\"Health &amp; Fitness\"><itunes:category text=\"Mental Health\"/>"
                + "</itunes:category>"
                + "<itunes:owner><itunes:name>Dominion</itunes:name><itunes:email>d@example.org</itunes:email>"
                + "</itunes:owner>"
                + "<itunes:image href=\"" + host.url("/cover.jpg") + "\"/>"
                + "<itunes:explicit>yes</itunes:explicit><itunes:type>Serial</itunes:type>"
                + "<itunes:new-feed-url>https://elsewhere.example.org/feed</itunes:new-feed-url>"
                + "<itunes:block>Yes</itunes:block>"
                + "<podcast:guid>c1c7ffc7-6bd0-5d4c-94a2-2a0b4a8d0f11</podcast:guid>"
                + "<podcast:locked>no</podcast:locked>"
                + "<podcast:funding url=\"https://example.org/give\">Support us</podcast:funding>";
        String xml = feed(item("s-1", "One", "Thu, 14 Mar 2024 09:30:15 +0000", host.url("/a.mp3"), ""))
                .replace("<title>The old show</title>", "<title>Weekly insight</title>" + channel);
        host.file("/feed.xml", xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml");

        FeedImport.Summary summary = importFeed("/feed.xml");

        org.castkeeper.config.ShowSettings show = app.showSettings().load().settings();
        assertThat(show.title()).isEqualTo("Weekly insight");
        assertThat(show.description()).isEqualTo("Old");
        assertThat(show.author()).isEqualTo("Dominion A.");
        assertThat(show.language()).isEqualTo("en-US");
        assertThat(show.categories())
                .containsExactly(new org.castkeeper.config.ShowSettings.Category("Health & Fitness", "Mental Health"));
        assertThat(show.owner().email()).isEqualTo("d@example.org");
        assertThat(show.explicit()).isTrue();
        assertThat(show.type()).isEqualTo("serial");
        assertThat(show.podcastGuid()).isEqualTo("c1c7ffc7-6bd0-5d4c-94a2-2a0b4a8d0f11");
        assertThat(show.locked()).isFalse();
        assertThat(show.funding())
                .containsExactly(
                        new org.castkeeper.config.FeedExtras.Funding("https://example.org/give", "Support us"));
        assertThat(show.newFeedUrl()).isNull();
        assertThat(show.block()).isFalse();
        assertThat(app.config().artworkFile(show)).exists().hasSameBinaryContentAs(Fixtures.resource("feeds/art.jpg"));
        // The old art is too small for Apple: taken, and the host told.
        assertThat(summary.notes()).anySatisfy(n -> assertThat(n).contains("Apple would refuse it"));
        assertThat(app.showSettings().history(50))
                .allSatisfy(c -> assertThat(c.by()).startsWith("import-feed"));
        String ours = new String(app.feed().page(1).orElseThrow().xml(), StandardCharsets.UTF_8);
        assertThat(ours).contains("<podcast:guid>c1c7ffc7-6bd0-5d4c-94a2-2a0b4a8d0f11</podcast:guid>");

        // A later run changes nothing and says where the old feed differs.
        host.file(
                "/feed.xml",
                xml.replace("Weekly insight", "Weekly insights!").getBytes(StandardCharsets.UTF_8),
                "application/rss+xml");
        FeedImport.Summary again = importFeed("/feed.xml");
        assertThat(again.notes()).anySatisfy(n -> assertThat(n).contains("title is Weekly insights!"));
        assertThat(app.showSettings().load().settings().title()).isEqualTo("Weekly insight");
    }

    @Test
    void anExportImportedIntoAFreshInstanceGivesTheSameEpisodes() throws Exception {
        host.file("/a.mp3", Files.readAllBytes(Fixtures.mp3("chapters.mp3")), "audio/mpeg")
                .file("/b.m4a", Files.readAllBytes(Fixtures.resource("m4a/short.m4a")), "audio/x-m4a")
                .file("/t.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n".getBytes(StandardCharsets.UTF_8), "text/vtt")
                .file("/art.jpg", Files.readAllBytes(Fixtures.resource("feeds/art.jpg")), "image/jpeg")
                .file(
                        "/feed.xml",
                        feed(
                                        item(
                                                "rt-1",
                                                "Chapters \u00e9t\u00e9",
                                                "Thu, 14 Mar 2024 09:30:15 +0000",
                                                host.url("/a.mp3"),
                                                "<itunes:season>2</itunes:season><itunes:episode>7</itunes:episode>"
                                                        + "<itunes:image href=\"" + host.url("/art.jpg") + "\"/>"
                                                        + "<podcast:transcript url=\"" + host.url("/t.vtt")
                                                        + "\" type=\"text/vtt\"/>"),
                                        item(
                                                "rt-2",
                                                "In AAC",
                                                "Thu, 21 Mar 2024 09:30:15 +0000",
                                                host.url("/b.m4a"),
                                                "<itunes:episodeType>bonus</itunes:episodeType>",
                                                "audio/x-m4a"))
                                .getBytes(StandardCharsets.UTF_8),
                        "application/rss+xml");
        importFeed("/feed.xml");
        List<Episode> before = app.episodes().all();

        Path out = dir.resolve("export");
        try (FixtureHost newHost = new FixtureHost()) {
            newHost.folder("/show", out);
            ShowExport.Summary exported = app.export().export(out, newHost.url("/show"));
            assertThat(exported.inFeed()).isEqualTo(2);
            assertThat(out.resolve("catalogue.json")).exists();

            Path config = TestShow.create(dir.resolve("fresh"));
            try (Castkeeper fresh = Castkeeper.open(
                    ConfigLoader.load(config, Map.of()), new MutableClock(Instant.parse("2026-12-06T10:00:00Z")))) {
                FeedImport importer = fresh.feedImport(QUICK);
                // The export keeps podcast:locked: importing it takes the owner's say-so.
                assertThatThrownBy(() -> importer.run(
                                exported.feedUrl(),
                                new FeedImport.Options(false, false, "test"),
                                new FeedImport.Listener() {}))
                        .isInstanceOf(FeedImport.Refused.class);
                FeedImport.Summary summary = importer.run(
                        exported.feedUrl(), new FeedImport.Options(false, true, "test"), new FeedImport.Listener() {});
                assertThat(summary.complete()).as(summary.toString()).isTrue();

                List<Episode> after = fresh.episodes().all();
                assertThat(after).hasSameSizeAs(before);
                for (Episode was : before) {
                    Episode now = fresh.episodes().findByGuid(was.guid()).orElseThrow();
                    assertThat(now.title()).isEqualTo(was.title());
                    assertThat(now.publishAt()).isEqualTo(was.publishAt());
                    assertThat(now.season()).isEqualTo(was.season());
                    assertThat(now.episodeNumber()).isEqualTo(was.episodeNumber());
                    assertThat(now.type()).isEqualTo(was.type());
                    assertThat(now.audio().sizeBytes()).isEqualTo(was.audio().sizeBytes());
                    assertThat(now.audio().sha256()).isEqualTo(was.audio().sha256());
                    assertThat(now.audio().mimeType()).isEqualTo(was.audio().mimeType());
                    assertThat(now.chapters()).isEqualTo(was.chapters());
                    assertThat(now.transcripts())
                            .extracting(org.castkeeper.catalogue.Transcript::type)
                            .isEqualTo(was.transcripts().stream()
                                    .map(org.castkeeper.catalogue.Transcript::type)
                                    .toList());
                    assertThat(now.description()).isEqualTo(was.description());
                    assertThat(now.artworkPath() == null).isEqualTo(was.artworkPath() == null);
                }
                assertThat(fresh.podcastGuid()).isEqualTo(app.podcastGuid());
                assertThat(fresh.show().title()).isEqualTo(app.show().title());
            }
        }
    }

    @Test
    void aSecondRunImportsOnlyWhatIsNewAndRetriesWhatFailed() throws Exception {
        host.file("/a.mp3", recording(1), "audio/mpeg").status("/b.mp3", 404);
        String feed = feed(
                item("g-1", "One", "Thu, 14 Mar 2024 09:30:15 +0000", host.url("/a.mp3"), ""),
                item("g-2", "Two", "Thu, 21 Mar 2024 09:30:15 +0000", host.url("/b.mp3"), ""));
        host.file("/feed.xml", feed.getBytes(StandardCharsets.UTF_8), "application/rss+xml");

        FeedImport.Summary first = importFeed("/feed.xml");
        assertThat(first.imported()).isEqualTo(1);
        assertThat(first.skipped()).extracting(FeedImport.Skipped::guid).containsExactly("g-2");

        host.file("/b.mp3", recording(2), "audio/mpeg");
        FeedImport.Summary second = importFeed("/feed.xml");

        assertThat(second.imported()).isEqualTo(1);
        assertThat(second.alreadyHere()).isEqualTo(1);
        assertThat(second.complete()).isTrue();
        assertThat(app.episodes().count()).isEqualTo(2);
        assertThat(host.hits("/a.mp3")).isEqualTo(1);

        // The old host edits an item: the next run says so and changes nothing here.
        host.file(
                "/feed.xml",
                feed.replace(">One<", ">One, renamed<").getBytes(StandardCharsets.UTF_8),
                "application/rss+xml");
        FeedImport.Summary third = importFeed("/feed.xml");
        assertThat(third.imported()).isZero();
        assertThat(third.changedElsewhere())
                .singleElement()
                .asString()
                .contains("g-1")
                .contains("--update");
        assertThat(app.episodes().findByGuid("g-1").orElseThrow().title()).isEqualTo("One");

        // --update applies it: nobody edited the episode here.
        FeedImport.Summary updated = app.feedImport(QUICK)
                .run(
                        host.url("/feed.xml"),
                        new FeedImport.Options(false, true, false, "test"),
                        new FeedImport.Listener() {});
        assertThat(updated.changedElsewhere()).singleElement().asString().contains("was updated to match");
        Episode one = app.episodes().findByGuid("g-1").orElseThrow();
        assertThat(one.title()).isEqualTo("One, renamed");
        assertThat(importFeed("/feed.xml").changedElsewhere()).isEmpty();

        // Edited here, then changed there again: the host's edit wins, and the run says so.
        app.lifecycle().updateFromFeed(one.edit().title("Mine now").build(), null, "host");
        host.file(
                "/feed.xml",
                feed.replace(">One<", ">One, renamed twice<").getBytes(StandardCharsets.UTF_8),
                "application/rss+xml");
        FeedImport.Summary edited = app.feedImport(QUICK)
                .run(
                        host.url("/feed.xml"),
                        new FeedImport.Options(false, true, false, "test"),
                        new FeedImport.Listener() {});
        assertThat(edited.changedElsewhere()).singleElement().asString().contains("edited here");
        assertThat(app.episodes().findByGuid("g-1").orElseThrow().title()).isEqualTo("Mine now");

        // Deleted here: its guid is never used again, and the run says so instead of bringing it back.
        app.lifecycle().delete(app.episodes().findByGuid("g-1").orElseThrow().id(), "host");
        FeedImport.Summary afterDelete = importFeed("/feed.xml");
        assertThat(afterDelete.imported()).isZero();
        assertThat(afterDelete.skipped()).singleElement().satisfies(s -> {
            assertThat(s.guid()).isEqualTo("g-1");
            assertThat(s.reason()).contains("deleted here");
        });
        assertThat(app.episodes().findByGuid("g-1")).isEmpty();
    }

    @Test
    void aPagedFeedIsReadAcrossItsPagesEvenWhenTheyLoop() throws Exception {
        byte[] audio = recording(0);
        List<String> pages = new ArrayList<>();
        int perPage = 400;
        for (int page = 0; page < 3; page++) {
            StringBuilder items = new StringBuilder();
            for (int i = 0; i < perPage; i++) {
                int n = page * perPage + i;
                host.file("/m/" + n + ".mp3", withTail(audio, n), "audio/mpeg");
                items.append(item(
                        "p-" + n,
                        "Episode " + n,
                        Instant.parse("2020-01-01T00:00:00Z")
                                .plus(Duration.ofDays(n))
                                .toString(),
                        host.url("/m/" + n + ".mp3"),
                        ""));
            }
            // The last page points back at the first: the reader must stop.
            String next = "/page" + ((page + 1) % 3) + ".xml";
            pages.add(feedWithNext(items.toString(), host.url(next)));
        }
        for (int page = 0; page < 3; page++) {
            host.file("/page" + page + ".xml", pages.get(page).getBytes(StandardCharsets.UTF_8), "text/xml");
        }
        app.feed().page(1).orElseThrow(); // as a server does at start
        FeedCache.Work before = app.feed().work();

        FeedImport.Summary summary = importFeed("/page0.xml");

        assertThat(summary.pages()).isEqualTo(3);
        assertThat(summary.imported()).isEqualTo(1_200);
        assertThat(app.episodes().count()).isEqualTo(1_200);
        assertThat(host.mostInFlight()).isLessThanOrEqualTo(Downloads.PER_HOST);
        FeedCache.Work after = app.feed().work();
        // The clock stands still: one batch, so the feed is rebuilt once and each item written once.
        assertThat(after.rebuilds() - before.rebuilds()).isEqualTo(1);
        assertThat(after.itemsWritten() - before.itemsWritten()).isEqualTo(1_200);
    }

    @Test
    void aFeedInLatin1WithoutACharsetInHttpIsReadByItsDeclaration() throws Exception {
        host.file("/a.mp3", recording(1), "audio/mpeg");
        String xml = feed(item(
                        "latin-1",
                        "Café für Körper und Seele",
                        "Thu, 14 Mar 2024 09:30:15 +0000",
                        host.url("/a.mp3"),
                        ""))
                .replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");
        host.file("/feed.xml", xml.getBytes(StandardCharsets.ISO_8859_1), "application/xml");

        importFeed("/feed.xml");

        assertThat(app.episodes().findByGuid("latin-1").orElseThrow().title()).isEqualTo("Café für Körper und Seele");
    }

    @Test
    void anAddressThatIsNoFeedImportsNothingAndSaysWhatItGot() throws Exception {
        host.file(
                        "/page.html",
                        "<!DOCTYPE html><html><body>Hi</body></html>".getBytes(StandardCharsets.UTF_8),
                        "text/html")
                .file("/broken.xml", "<rss><channel><item></channel>".getBytes(StandardCharsets.UTF_8), "text/xml")
                .file(
                        "/atom.xml",
                        "<feed xmlns='http://www.w3.org/2005/Atom'/>".getBytes(StandardCharsets.UTF_8),
                        "text/xml");

        assertThatThrownBy(() -> importFeed("/page.html"))
                .isInstanceOf(FeedImport.Refused.class)
                .hasMessageContaining("web page (HTML)");
        assertThatThrownBy(() -> importFeed("/missing.xml"))
                .isInstanceOf(FeedImport.Refused.class)
                .hasMessageContaining("answered 404");
        assertThatThrownBy(() -> importFeed("/broken.xml"))
                .isInstanceOf(FeedImport.Refused.class)
                .hasMessageContaining("not well-formed XML");
        assertThatThrownBy(() -> importFeed("/atom.xml"))
                .isInstanceOf(FeedImport.Refused.class)
                .hasMessageContaining("root element is <feed>");
        assertThat(app.episodes().count()).isZero();
    }

    @Test
    void aLockedShowIsRefusedUnlessTheHostSaysItIsTheirs() throws Exception {
        host.file("/a.mp3", recording(1), "audio/mpeg");
        String xml = feed(item("locked-1", "One", "Thu, 14 Mar 2024 09:30:15 +0000", host.url("/a.mp3"), ""))
                .replace("<channel>", "<channel><podcast:locked owner=\"host@example.org\">yes</podcast:locked>");
        host.file("/feed.xml", xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml");

        assertThatThrownBy(() -> importFeed("/feed.xml"))
                .isInstanceOf(FeedImport.Refused.class)
                .hasMessageContaining("podcast:locked yes")
                .hasMessageContaining("--i-own-this-show");
        assertThat(app.episodes().count()).isZero();

        FeedImport.Summary summary = app.feedImport(QUICK)
                .run(host.url("/feed.xml"), new FeedImport.Options(false, true, "test"), new FeedImport.Listener() {});
        assertThat(summary.imported()).isEqualTo(1);
    }

    @Test
    void m4aEnclosuresAreFirstClassAndAVideoIsReportedByWhatItIs() throws Exception {
        host.file("/a.m4a", Files.readAllBytes(Fixtures.resource("m4a/short.m4a")), "audio/x-m4a")
                .file("/b.m4a", Files.readAllBytes(Fixtures.resource("m4a/video.mp4")), "audio/x-m4a");
        host.file(
                "/feed.xml",
                feed(
                                item(
                                        "m4a-1",
                                        "In AAC",
                                        "Thu, 14 Mar 2024 09:30:15 +0000",
                                        host.url("/a.m4a"),
                                        "",
                                        "audio/x-m4a"),
                                item(
                                        "m4a-2",
                                        "Secretly video",
                                        "Thu, 21 Mar 2024 09:30:15 +0000",
                                        host.url("/b.m4a"),
                                        "",
                                        "audio/x-m4a"))
                        .getBytes(StandardCharsets.UTF_8),
                "application/rss+xml");

        FeedImport.Summary summary = importFeed("/feed.xml");

        Episode aac = app.episodes().findByGuid("m4a-1").orElseThrow();
        assertThat(aac.audio().mimeType()).isEqualTo("audio/x-m4a");
        assertThat(aac.audio().path()).endsWith(".m4a");
        assertThat(aac.audio().durationSeconds()).isEqualTo(1);
        assertThat(summary.skipped()).singleElement().satisfies(s -> {
            assertThat(s.guid()).isEqualTo("m4a-2");
            assertThat(s.reason()).contains("This is a video");
        });
    }

    @Test
    void theCutOverCheckPassesOnlyWhenTheOldAddressSendsEveryoneHereForGood() throws Exception {
        host.file("/a.mp3", recording(1), "audio/mpeg");
        String xml = feed(item("c-1", "One", "Thu, 14 Mar 2024 09:30:15 +0000", host.url("/a.mp3"), ""));
        host.file("/feed.xml", xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml");
        importFeed("/feed.xml");
        String ours = app.urls().feed();

        assertThat(check("/feed.xml"))
                .containsEntry("redirect", CutOverCheck.Status.FAIL)
                .containsEntry("guids", CutOverCheck.Status.PASS)
                .containsEntry("podcast:guid", CutOverCheck.Status.PASS)
                .containsEntry("enclosure", CutOverCheck.Status.PASS);

        host.file(
                "/feed.xml",
                xml.replace("<channel>", "<channel><itunes:new-feed-url>" + ours + "</itunes:new-feed-url>")
                        .getBytes(StandardCharsets.UTF_8),
                "application/rss+xml");
        assertThat(check("/feed.xml")).containsEntry("redirect", CutOverCheck.Status.PASS);

        host.redirect("/feed.xml", 302, ours);
        assertThat(check("/feed.xml")).containsEntry("redirect", CutOverCheck.Status.FAIL);

        host.redirect("/feed.xml", 301, ours);
        assertThat(check("/feed.xml"))
                .containsEntry("redirect", CutOverCheck.Status.PASS)
                .containsEntry("guids", CutOverCheck.Status.PASS);

        // The old host's file is not the one we hold any more.
        host.file("/a.mp3", recording(2000), "audio/mpeg");
        assertThat(check("/feed.xml")).containsEntry("enclosure", CutOverCheck.Status.FAIL);

        // An episode the old feed had is unpublished here: apps would lose it.
        var e = app.episodes().findByGuid("c-1").orElseThrow();
        app.lifecycle().unpublish(e, null, "test");
        assertThat(check("/feed.xml")).containsEntry("guids", CutOverCheck.Status.FAIL);
    }

    /** The worst status of each check. */
    private Map<String, CutOverCheck.Status> check(String path) throws Exception {
        Map<String, CutOverCheck.Status> worst = new java.util.HashMap<>();
        for (CutOverCheck.Finding f : app.cutOverCheck().run(host.url(path))) {
            worst.merge(f.name(), f.status(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        return worst;
    }

    @Test
    void aDiskTooSmallStopsTheImportBeforeOrAsTheBytesArriveLeavingNothingHalfWritten() throws Exception {
        host.file("/a.mp3", recording(1), "audio/mpeg").file("/b.mp3", recording(2), "audio/mpeg");
        String xml = feed(
                item("d-1", "One", "Thu, 14 Mar 2024 09:30:15 +0000", host.url("/a.mp3"), ""),
                item("d-2", "Two", "Thu, 21 Mar 2024 09:30:15 +0000", host.url("/b.mp3"), ""));
        long free = Files.getFileStore(dir).getUsableSpace();
        // Keep more free than the disk has: nothing fits.
        FeedImport.Settings full = new FeedImport.Settings(
                Duration.ofSeconds(5), Duration.ofSeconds(2), 4, free + 1024L * 1024 * 1024, Duration.ofMillis(10));

        // The feed says how big its files are: refused before anything is downloaded.
        host.file(
                "/sized.xml",
                xml.replace("length=\"0\"", "length=\"" + free + "\"").getBytes(StandardCharsets.UTF_8),
                "application/rss+xml");
        assertThatThrownBy(() -> app.feedImport(full)
                        .run(
                                host.url("/sized.xml"),
                                new FeedImport.Options(false, false, "test"),
                                new FeedImport.Listener() {}))
                .isInstanceOf(FeedImport.Refused.class)
                .hasMessageContaining("MB are free");
        assertThat(host.hits("/a.mp3")).isZero();

        // It does not: the import stops as the first bytes arrive, cleanly.
        host.file("/unsized.xml", xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml");
        FeedImport.Summary summary = app.feedImport(full)
                .run(
                        host.url("/unsized.xml"),
                        new FeedImport.Options(false, false, "test"),
                        new FeedImport.Listener() {});
        assertThat(summary.stoppedBecause()).contains("The disk is full").contains("continues where it stopped");
        assertThat(summary.complete()).isFalse();
        assertThat(app.episodes().count()).isZero();
        assertThat(spoolFiles()).isEmpty();

        // With room again, the same command finishes the job.
        assertThat(importFeed("/unsized.xml").imported()).isEqualTo(2);
    }

    @Test
    void aDryRunWritesNothing() throws Exception {
        host.file("/a.mp3", recording(1), "audio/mpeg");
        host.file(
                "/feed.xml",
                feed(item("dry-1", "One", "Thu, 14 Mar 2024 09:30:15 +0000", host.url("/a.mp3"), ""))
                        .getBytes(StandardCharsets.UTF_8),
                "application/rss+xml");

        FeedImport.Summary summary = app.feedImport(QUICK)
                .run(host.url("/feed.xml"), new FeedImport.Options(true, false, "test"), new FeedImport.Listener() {});

        assertThat(summary.dryRun()).isTrue();
        assertThat(summary.imported()).isEqualTo(1);
        assertThat(app.episodes().count()).isZero();
        assertThat(host.hits("/a.mp3")).isZero();
    }

    @Test
    void aStalledOrFailingHostIsTriedAgainThenReportedLeavingNothingHalfWritten() throws Exception {
        host.stall("/stalls.mp3", recording(1), "audio/mpeg")
                .failFirst("/flaky.mp3", 503, 2, recording(2), "audio/mpeg");
        host.file(
                "/feed.xml",
                feed(
                                item(
                                        "stall-1",
                                        "Stalls",
                                        "Thu, 14 Mar 2024 09:30:15 +0000",
                                        host.url("/stalls.mp3"),
                                        ""),
                                item("flaky-1", "Flaky", "Thu, 21 Mar 2024 09:30:15 +0000", host.url("/flaky.mp3"), ""))
                        .getBytes(StandardCharsets.UTF_8),
                "application/rss+xml");

        FeedImport.Summary summary = importFeed("/feed.xml");

        assertThat(summary.imported()).isEqualTo(1);
        assertThat(app.episodes().findByGuid("flaky-1")).isPresent();
        assertThat(host.hits("/flaky.mp3")).isEqualTo(3);
        assertThat(summary.skipped()).singleElement().satisfies(s -> {
            assertThat(s.guid()).isEqualTo("stall-1");
            assertThat(s.reason()).contains("stopped answering").contains("tried 3 times");
        });
        assertThat(spoolFiles()).isEmpty();
        assertThat(app.media().list()).noneMatch(name -> name.startsWith("stalls"));
    }

    private FeedImport.Summary importFeed(String path) throws Exception {
        return app.feedImport(QUICK)
                .run(host.url(path), new FeedImport.Options(false, false, "test"), new FeedImport.Listener() {});
    }

    private List<Path> spoolFiles() throws Exception {
        Path spool = app.config().dataDir().resolve("import-downloads");
        if (!Files.exists(spool)) {
            return List.of();
        }
        try (var files = Files.list(spool)) {
            return files.toList();
        }
    }

    /** A distinct recording: one real MP3 with a different tail. */
    private static byte[] recording(int n) throws Exception {
        return withTail(Files.readAllBytes(Fixtures.mp3("untagged.mp3")), n);
    }

    private static byte[] withTail(byte[] audio, int n) {
        byte[] tail = ("take " + n).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(audio, audio.length + tail.length);
        System.arraycopy(tail, 0, bytes, audio.length, tail.length);
        return bytes;
    }

    private static final String CHAPTERS_JSON = """
            {"version": "1.2.0", "chapters": [
              {"startTime": 62.5, "endTime": 120, "title": "Breathing", "url": "https://example.org/breathe"},
              {"startTime": 0, "title": "Welcome"}
            ]}""";

    static String item(String guid, String title, String date, String enclosure, String extra) {
        return item(guid, title, date, enclosure, extra, "audio/mpeg");
    }

    static String item(String guid, String title, String date, String enclosure, String extra, String type) {
        return "<item><title>" + escape(title) + "</title>"
                + (guid == null ? "" : "<guid isPermaLink=\"false\">" + guid + "</guid>")
                + "<pubDate>" + date + "</pubDate>"
                + (enclosure == null
                        ? ""
                        : "<enclosure url=\"" + escape(enclosure) + "\" length=\"0\" type=\"" + type + "\"/>")
                + extra + "</item>\n";
    }

    static String feed(String... items) {
        return feedWithNext(String.join("", items), null);
    }

    static String feedWithNext(String items, String next) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\""
                + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                + " xmlns:atom=\"http://www.w3.org/2005/Atom\""
                + " xmlns:podcast=\"https://podcastindex.org/namespace/1.0\">\n<channel>"
                + "<title>The old show</title><link>https://old.example.org</link><description>Old</description>"
                + (next == null ? "" : "<atom:link rel=\"next\" href=\"" + next + "\"/>")
                + items + "</channel></rss>\n";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
