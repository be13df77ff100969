package org.castkeeper.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gPodder's own feed parser (Debian's python3-podcastparser, installed by .ci/run) reads the served feed, as an
 * independent reader: it finds every episode's chapters, which it reads only from Podlove Simple Chapters.
 */
class PodcastParserIT {
    private static final String PARSE = """
            import json, sys, podcastparser
            with open(sys.argv[1], 'rb') as f:
                feed = podcastparser.parse('http://localhost:8080/feed.xml', f)
            print(json.dumps([{'title': e['title'], 'chapters': e.get('chapters', []),
                               'enclosures': [x['url'] for x in e['enclosures']]} for e in feed['episodes']]))
            """;

    @TempDir
    Path dir;

    TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void gpoddersParserFindsEveryEpisodesChapters() throws Exception {
        server = TestServer.start(dir, "");
        Episode withChapters =
                server.publish("chapters.mp3", "With chapters", TestServer.START.minus(Duration.ofDays(1)));
        server.publish("untagged.mp3", "Without", TestServer.START.minus(Duration.ofDays(2)));
        assertThat(withChapters.chapters()).hasSize(3);
        Path feed = dir.resolve("feed.xml");
        Files.write(feed, server.get("/feed.xml").body());

        Process python = new ProcessBuilder("/usr/bin/python3", "-c", PARSE, feed.toString()).start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(python.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as(err).isZero();

        JsonNode episodes = new ObjectMapper().readTree(out);
        assertThat(episodes).hasSize(2);
        JsonNode chaptered = episodes.get(0);
        assertThat(chaptered.get("title").asText()).isEqualTo("With chapters");
        assertThat(chaptered.get("chapters")).hasSize(3);
        for (int i = 0; i < 3; i++) {
            var expected = withChapters.chapters().get(i);
            assertThat(chaptered.get("chapters").get(i).get("title").asText()).isEqualTo(expected.title());
            assertThat(chaptered.get("chapters").get(i).get("start").asLong()).isEqualTo(expected.startMillis() / 1000);
        }
        assertThat(episodes.get(1).get("chapters")).isEmpty();
        assertThat(chaptered.get("enclosures").get(0).asText())
                .endsWith("/media/" + withChapters.audio().path());
    }
}
