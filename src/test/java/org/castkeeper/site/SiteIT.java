package org.castkeeper.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.castkeeper.catalogue.Chapter;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.EpisodeState;
import org.castkeeper.distribution.Directory;
import org.castkeeper.testing.TestServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteIT {
    @TempDir
    Path dir;

    TestServer server;
    Episode older;
    Episode latest;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir, "");
        older = server.publish("cbr-id3v23.mp3", "Morning routine", TestServer.START.minus(Duration.ofDays(7)));
        latest = server.publish("chapters.mp3", "Sleep & stress", TestServer.START.minus(Duration.ofHours(2)));
        latest = server.app()
                .episodes()
                .update(latest.edit()
                        .notes("", "<p>Why sleep <b>matters</b>.</p><script>alert(1)</script>")
                        .chapters(List.of(
                                new Chapter(0, null, "Welcome", null), new Chapter(90_000, null, "The research", null)))
                        .transcript("transcripts/sleep.vtt", "text/vtt")
                        .build());
        server.publish("untagged.mp3", "Secret draft", null);
        Episode future = server.publish("vbr-xing.mp3", "Next week", null);
        server.app()
                .episodes()
                .update(future.withState(EpisodeState.SCHEDULED, TestServer.START.plus(Duration.ofDays(7))));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aMissingOrDeletedEpisodeHasAPageInTheSitesLookAndEveryPageItsIcon() throws Exception {
        var missing = server.get("/episodes/never-was");
        assertThat(missing.statusCode()).isEqualTo(404);
        Document notFound = Jsoup.parse(new String(missing.body(), StandardCharsets.UTF_8), server.url("/"));
        assertThat(notFound.select("h1").text()).isEqualTo("No such episode");
        assertThat(notFound.select("link[rel=stylesheet]").attr("href")).isEqualTo("/assets/site.css");

        server.app().lifecycle().delete(older.id(), "host");
        var gone = server.get("/episodes/" + older.slug());
        assertThat(gone.statusCode()).isEqualTo(410);
        Document deleted = Jsoup.parse(new String(gone.body(), StandardCharsets.UTF_8), server.url("/"));
        assertThat(deleted.select("h1").text()).isEqualTo("This episode was deleted");
        assertThat(deleted.select("link[rel=stylesheet]")).isNotEmpty();

        String icon = page("/").select("link[rel=icon]").attr("href");
        assertThat(icon).isEqualTo("/assets/favicon.svg");
        var svg = server.get(icon);
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
    }

    private Document page(String path) throws Exception {
        var r = server.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        return Jsoup.parse(new String(r.body(), StandardCharsets.UTF_8), server.url("/"));
    }

    @Test
    void theShowPageListsLiveEpisodesNewestFirstWithAPlayer() throws Exception {
        Document d = page("/");
        assertThat(d.select("html").attr("lang")).isEqualTo("en");
        assertThat(d.select("h1").text()).isEqualTo("Weekly insight with Dominion");
        assertThat(d.select("link[rel=alternate][type=application/rss+xml]").attr("href"))
                .isEqualTo("http://localhost:8080/feed.xml");
        assertThat(d.select("header.show img").attr("src"))
                .matches("http://localhost:8080/artwork/show-[0-9a-f]{10}\\.jpg");
        assertThat(d.select("header.show img").attr("alt")).isNotBlank();
        assertThat(d.select("#latest + article h3").text()).isEqualTo("Sleep & stress");
        assertThat(d.select("audio#player").attr("src"))
                .isEqualTo("http://localhost:8080/media/" + latest.audio().path());
        assertThat(d.select("ol.episodes li a").eachText()).containsExactly("Sleep & stress", "Morning routine");
        assertThat(d.text()).doesNotContain("Secret draft").doesNotContain("Next week");
        assertThat(d.select("nav.subscribe a").eachText()).containsExactly("RSS feed");
    }

    @Test
    void subscribeLinksAppearOnceListingsAreSaved() throws Exception {
        server.app()
                .listings()
                .save(Directory.APPLE, "https://podcasts.apple.com/gb/podcast/weekly-insight/id1234567890");
        server.app().listings().save(Directory.SPOTIFY, "https://open.spotify.com/show/4rOoJ6Egrf8K2IrywzwOMk");
        Document d = page("/");
        assertThat(d.select("nav.subscribe a").eachText())
                .containsExactly("Listen on Apple Podcasts", "Listen on Spotify", "RSS feed");
        assertThat(d.select("#listen-apple").attr("href"))
                .isEqualTo("https://podcasts.apple.com/gb/podcast/weekly-insight/id1234567890");
    }

    @Test
    void anEpisodePageHasNotesChaptersTranscriptPlayerAndOpenGraph() throws Exception {
        Document d = page("/episodes/" + latest.slug());
        assertThat(d.select("h1").text()).isEqualTo("Sleep & stress");
        assertThat(d.select(".notes").html()).isEqualTo("<p>Why sleep <b>matters</b>.</p>");
        // No script but our own file (the chapters' seek buttons), nothing inline.
        assertThat(d.select("script").eachAttr("src")).containsExactly("/assets/player.js");
        assertThat(d.select("ol.chapters li").eachText()).containsExactly("0:00 Welcome", "1:30 The research");
        assertThat(d.select("ol.chapters button.seek").eachAttr("data-seek")).containsExactly("0", "90");
        assertThat(d.select("a:contains(Read the transcript)").attr("href"))
                .isEqualTo("http://localhost:8080/media/transcripts/sleep.vtt");
        assertThat(d.select("audio#player").attr("src"))
                .isEqualTo("http://localhost:8080/media/" + latest.audio().path());
        assertThat(d.select("meta[property=og:title]").attr("content")).isEqualTo("Sleep & stress");
        assertThat(d.select("meta[property=og:description]").attr("content")).isEqualTo("Why sleep matters.");
        assertThat(d.select("meta[property=og:audio]").attr("content"))
                .endsWith("/media/" + latest.audio().path());
        assertThat(d.select("meta[property=og:image]").attr("content")).contains("/artwork/show-");
        assertThat(d.select("meta[property=og:url]").attr("content"))
                .isEqualTo("http://localhost:8080/episodes/" + latest.slug());
        assertThat(d.select("link[rel=alternate]").attr("href")).isEqualTo("http://localhost:8080/feed.xml");
    }

    @Test
    void thePagesAreValidHtmlByHtmlTidy() throws Exception {
        // .ci/run installs Debian's tidy; without it this test fails rather than passing silently.
        for (String path : new String[] {"/", "/episodes/" + latest.slug(), "/embed/episodes/" + latest.slug()}) {
            Path file = dir.resolve("page.html");
            java.nio.file.Files.write(file, server.get(path).body());
            Process tidy = new ProcessBuilder("tidy", "-q", "-e", file.toString())
                    .redirectErrorStream(true)
                    .start();
            String report = new String(tidy.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(tidy.waitFor()).as(path + ": " + report).isZero();
            assertThat(report).as(path).isEmpty();
        }
    }

    @Test
    void theEmbeddablePlayerIsTheOnePageAnotherSiteMayFrame() throws Exception {
        var embed = server.get("/embed/episodes/" + latest.slug());
        assertThat(embed.statusCode()).isEqualTo(200);
        assertThat(embed.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors *")
                .contains("script-src 'self'");
        assertThat(embed.headers().firstValue("X-Frame-Options")).isEmpty();
        Document d = Jsoup.parse(new String(embed.body(), StandardCharsets.UTF_8));
        assertThat(d.select("h1").text()).isEqualTo("Sleep & stress");
        assertThat(d.select("audio#player").attr("src"))
                .isEqualTo("http://localhost:8080/media/" + latest.audio().path());
        assertThat(d.select("button.seek").eachText()).containsExactly("0:00 Welcome", "1:30 The research");
        assertThat(d.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(page("/embed/latest").select("h1").text()).isEqualTo("Sleep & stress");

        // Every other page refuses to be framed.
        for (String path : new String[] {"/", "/episodes/" + latest.slug(), "/privacy", "/admin/login"}) {
            var other = server.get(path);
            assertThat(other.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .as(path)
                    .contains("frame-ancestors 'none'");
            assertThat(other.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
        }
        // Drafts, scheduled and unknown episodes have no player.
        assertThat(server.get("/embed/episodes/secret-draft").statusCode()).isEqualTo(404);
        assertThat(server.get("/embed/episodes/next-week").statusCode()).isEqualTo(404);
        assertThat(server.get("/embed/episodes/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void draftsAndScheduledEpisodesHaveNoPageBeforeTheirTime() throws Exception {
        assertThat(server.get("/episodes/secret-draft").statusCode()).isEqualTo(404);
        assertThat(server.get("/episodes/next-week").statusCode()).isEqualTo(404);
        server.clock().advance(Duration.ofDays(8));
        assertThat(server.get("/episodes/next-week").statusCode()).isEqualTo(200);
        assertThat(page("/").select("ol.episodes li a").eachText()).first().isEqualTo("Next week");
    }
}
