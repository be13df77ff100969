package org.castkeeper.feedimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.castkeeper.Castkeeper;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.EpisodeState;
import org.castkeeper.catalogue.EpisodeType;
import org.castkeeper.catalogue.Transcript;
import org.castkeeper.config.ConfigLoader;
import org.castkeeper.config.ShowSettings;
import org.castkeeper.testing.FixtureHost;
import org.castkeeper.testing.Fixtures;
import org.castkeeper.testing.MutableClock;
import org.castkeeper.testing.TestShow;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Feeds in the shapes the big hosts publish them (made by hand after their real output: Spotify for Podcasters'
 * tracking prefixes, Libsyn's query strings, Buzzsprout's HTML and JSON transcripts, Transistor's captions,
 * PowerPress's entities and the namespace's old URI, Castopod's Podcasting 2.0 tags, a hand-made RSS 2.0 in
 * windows-1252 without iTunes tags), each moved into a new show whole.
 */
class HostShapesIT {
    private static final Pattern HOSTED = Pattern.compile("\\{\\{HOST}}(/[^\"<\\s]*)");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "spotify-for-podcasters",
                "libsyn",
                "buzzsprout",
                "transistor",
                "powerpress",
                "castopod",
                "hand-made"
            })
    void aShowMovesInWholeFrom(String shape) throws Exception {
        Path fixture = Fixtures.resource("old-feeds/" + shape + ".xml");
        Charset charset = shape.equals("hand-made") ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
        String template = Files.readString(fixture, charset);
        try (FixtureHost host = new FixtureHost()) {
            serveEverythingItLinks(host, template);
            String xml = template.replace("{{HOST}}", host.url(""));
            // The hand-made feed is served without a charset: its XML declaration decides (RFC 7303).
            byte[] bytes = xml.getBytes(charset);
            if (shape.equals("libsyn")) {
                host.gzipped("/feed.xml", bytes, "application/rss+xml; charset=UTF-8");
            } else {
                host.file("/feed.xml", bytes, shape.equals("hand-made") ? "text/xml" : "application/rss+xml");
            }
            Path config = TestShow.create(dir.resolve("show"));
            try (Castkeeper app = Castkeeper.open(
                    ConfigLoader.load(config, Map.of()), new MutableClock(Instant.parse("2026-12-06T10:00:00Z")))) {
                FeedImport.Summary summary = app.feedImport(new FeedImport.Settings(
                                Duration.ofSeconds(5), Duration.ofSeconds(5), 4, 0, Duration.ofMillis(10)))
                        .run(
                                host.url("/feed.xml"),
                                new FeedImport.Options(false, false, "test"),
                                new FeedImport.Listener() {});

                int items = template.split("<item>", -1).length - 1;
                assertThat(summary.skipped()).as(summary.toString()).isEmpty();
                assertThat(summary.imported()).isEqualTo(items);
                assertThat(app.episodes().all())
                        .allSatisfy(e -> assertThat(e.state()).isEqualTo(EpisodeState.PUBLISHED))
                        .allSatisfy(e -> assertThat(e.description()).isNotBlank());
                for (String guid : guids(xml)) {
                    assertThat(app.episodes().findByGuid(guid)).as(guid).isPresent();
                }
                ShowSettings show = app.showSettings().load().settings();
                assertThat(show.newFeedUrl()).isNull();
                check(shape, app, show, summary);
            }
        }
    }

    private static void check(String shape, Castkeeper app, ShowSettings show, FeedImport.Summary summary) {
        switch (shape) {
            case "spotify-for-podcasters" -> {
                Episode sleep = guid(app, "8f0e0c46-42f8-4b7a-9b1c-1e2d3c4b5a69");
                assertThat(sleep.title()).isEqualTo("Sleep & stress");
                assertThat(sleep.season()).isEqualTo(1);
                assertThat(sleep.episodeNumber()).isEqualTo(2);
                assertThat(sleep.description()).contains("<strong>habit</strong>");
                assertThat(guid(app, "0b9a64ff-3b1f-4a4e-8d7e-2f4c6a8b1d22").type())
                        .isEqualTo(EpisodeType.TRAILER);
                assertThat(show.title()).isEqualTo("Weekly insight with Dominion");
                assertThat(show.categories())
                        .containsExactly(new ShowSettings.Category("Health & Fitness", "Mental Health"));
            }
            case "libsyn" -> {
                Episode myths = guid(app, "a4b1c0de-9d8e-4f3a-b2c1-0f9e8d7c6b5a");
                assertThat(myths.title()).isEqualTo("Ep 12: Nutrition myths");
                assertThat(myths.explicit()).isFalse(); // "clean"
                assertThat(myths.description()).contains("And more.").contains("href=\"https://example.org/sources\"");
                assertThat(myths.artworkPath()).isNotNull();
                assertThat(myths.publishAt()).isEqualTo(Instant.parse("2024-03-14T09:30:15Z"));
                Episode bonus = guid(app, "f3e2d1c0-b9a8-4765-8432-10fedcba9876");
                assertThat(bonus.explicit()).isTrue(); // "yes"
                assertThat(bonus.type()).isEqualTo(EpisodeType.BONUS);
                assertThat(bonus.season()).isNull();
                assertThat(show.type()).isEqualTo("serial");
                assertThat(show.language()).isEqualTo("en-US");
                assertThat(show.locked()).isFalse();
            }
            case "buzzsprout" -> {
                Episode breathing = guid(app, "Buzzsprout-14567890");
                assertThat(breathing.transcripts())
                        .extracting(Transcript::type)
                        .containsExactly("text/html", "application/json");
                assertThat(breathing.chapters()).extracting(c -> c.title()).containsExactly("Intro", "Box breathing");
                assertThat(breathing.publishAt()).isEqualTo(Instant.parse("2024-03-19T11:00:00Z"));
                assertThat(show.podcastGuid()).isEqualTo("6f3a2b1c-5d4e-5f60-8a7b-9c0d1e2f3a4b");
                assertThat(show.funding()).hasSize(1);
            }
            case "transistor" -> {
                Episode rest = guid(app, "9c1a7d6e-2b3f-4c5d-8e9f-a0b1c2d3e4f5");
                assertThat(rest.description()).isEqualTo("<p>Rest <em>together</em>.</p>");
                assertThat(rest.transcripts()).extracting(Transcript::type).containsExactly("text/vtt", "text/plain");
                assertThat(rest.persons()).extracting(p -> p.name()).containsExactly("Ada");
                assertThat(rest.episodeNumber()).isEqualTo(4);
                assertThat(show.persons()).extracting(p -> p.name()).containsExactly("Dominion");
            }
            case "powerpress" -> {
                Episode faith = guid(app, "https://dominion.example.org/?p=123");
                assertThat(faith.title()).isEqualTo("Faith & fitness, part\u00a01");
                assertThat(faith.audio().mimeType()).isEqualTo("audio/x-m4a");
                assertThat(faith.description()).contains("Part two</a>");
                assertThat(faith.chapters()).hasSize(2);
                assertThat(show.title()).isEqualTo("Weekly insight \u2013 Dominion's blog");
            }
            case "castopod" -> {
                Episode mindful = guid(app, "4f3e2d1c-0b9a-4877-a665-544332211001");
                assertThat(mindful.soundbites()).singleElement().satisfies(s -> {
                    assertThat(s.startMillis()).isEqualTo(1_500);
                    assertThat(s.title()).isEqualTo("The one habit");
                });
                assertThat(mindful.transcripts()).extracting(Transcript::type).containsExactly("application/x-subrip");
                assertThat(mindful.transcripts().get(0).language()).isEqualTo("en");
                assertThat(app.episodes().notices().of(mindful.id()))
                        .anySatisfy(n -> assertThat(n).contains("alternate enclosure"));
                assertThat(mindful.publishAt()).isEqualTo(Instant.parse("2024-03-24T06:00:00Z"));
                assertThat(show.podcastGuid()).isEqualTo("7a8b9c0d-1e2f-5a3b-8c4d-5e6f7a8b9c0d");
            }
            case "hand-made" -> {
                Episode strength = guid(app, "http://dominion.example.org/talks/strength.html");
                assertThat(strength.publishAt()).isEqualTo(Instant.parse("2024-03-03T23:00:00Z"));
                assertThat(strength.description())
                        .isEqualTo("<p>A talk on strength &amp; patience.<br>Recorded live.</p>");
                Episode cafe = app.episodes().all().stream()
                        .filter(e -> e.title().equals("Caf\u00e9 talk"))
                        .findFirst()
                        .orElseThrow();
                assertThat(cafe.guid()).startsWith("castkeeper-import-");
                assertThat(show.title()).isEqualTo("Dominion\u2019s talks");
                assertThat(summary.notes()).anySatisfy(n -> assertThat(n).contains("has no guid"));
            }
            default -> throw new IllegalArgumentException(shape);
        }
    }

    private static Episode guid(Castkeeper app, String guid) {
        return app.episodes().findByGuid(guid).orElseThrow(() -> new AssertionError("no episode " + guid));
    }

    private static List<String> guids(String xml) {
        Matcher m = Pattern.compile("<guid[^>]*>(?:<!\\[CDATA\\[)?([^<\\]]+)").matcher(xml);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1).strip());
        }
        return found;
    }

    /** Everything the feed links on its host: audio by extension, art, chapters and transcripts. */
    private static void serveEverythingItLinks(FixtureHost host, String template) throws Exception {
        byte[] audio = Files.readAllBytes(Fixtures.mp3("untagged.mp3"));
        Matcher m = HOSTED.matcher(template);
        int n = 0;
        while (m.find()) {
            String path = m.group(1).replace("&amp;", "&").replaceFirst("\\?.*$", "");
            n++;
            if (path.contains("https%3A%2F%2F")) {
                // Spotify for Podcasters: a tracking prefix whose path ends in the real (encoded) address.
                String real = "/cdn/" + path.substring(path.lastIndexOf("%2F") + 3);
                host.redirect(path, 302, host.url(real));
                host.file(real, withTail(audio, n), "audio/mpeg");
            } else if (path.endsWith(".mp3")) {
                host.file(path, withTail(audio, n), "audio/mpeg");
            } else if (path.endsWith(".m4a")) {
                host.file(path, Files.readAllBytes(Fixtures.resource("m4a/short.m4a")), "audio/x-m4a");
            } else if (path.endsWith(".jpg")) {
                host.file(path, Files.readAllBytes(Fixtures.resource("feeds/art.jpg")), "image/jpeg");
            } else if (path.contains("chapters")) {
                host.file(path, CHAPTERS.getBytes(StandardCharsets.UTF_8), "application/json");
            } else if (path.endsWith(".json")) {
                host.file(
                        path,
                        "{\"version\":\"1.0.0\",\"segments\":[]}".getBytes(StandardCharsets.UTF_8),
                        "application/json");
            } else if (path.endsWith(".html")) {
                host.file(path, "<p>Transcript</p>".getBytes(StandardCharsets.UTF_8), "text/html");
            } else if (path.endsWith(".vtt")) {
                host.file(path, "WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n".getBytes(StandardCharsets.UTF_8), "text/vtt");
            } else if (path.endsWith(".srt")) {
                host.file(
                        path,
                        "1\n00:00:00,000 --> 00:00:01,000\nHi\n".getBytes(StandardCharsets.UTF_8),
                        "application/srt");
            } else if (path.endsWith(".txt")) {
                host.file(path, "Hi".getBytes(StandardCharsets.UTF_8), "text/plain");
            }
        }
    }

    private static final String CHAPTERS = "{\"version\":\"1.2.0\",\"chapters\":[{\"startTime\":0,\"title\":\"Intro\"},"
            + "{\"startTime\":1.5,\"title\":\"Box breathing\",\"img\":\"https://example.org/x.jpg\"}]}";

    private static byte[] withTail(byte[] audio, int n) {
        byte[] tail = ("take " + n).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(audio, audio.length + tail.length);
        System.arraycopy(tail, 0, bytes, audio.length, tail.length);
        return bytes;
    }
}
