package org.castkeeper.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** With feed.itemLimit set, /feed.xml holds the newest episodes and RFC 5005 links lead to the rest. */
class FeedPagingIT {
    @TempDir
    Path dir;

    TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pagesLinkToEachOther() throws Exception {
        java.nio.file.Files.createDirectories(dir);
        server = TestServer.startWithFeedSettings(dir, "feed:\n  itemLimit: 2\n");
        String[] fixtures = {"cbr-id3v23.mp3", "untagged.mp3", "vbr-xing.mp3", "vbr-no-xing.mp3", "id3v22.mp3"};
        for (int i = 0; i < fixtures.length; i++) {
            server.publish(fixtures[i], "Episode " + (i + 1), TestServer.START.minus(Duration.ofDays(10 - i)));
        }
        Document first = FeedIT.parse(server.get("/feed.xml").body());
        assertThat(FeedIT.count(first, "/rss/channel/item")).isEqualTo(2);
        assertThat(FeedIT.text(first, "/rss/channel/item[1]/title")).isEqualTo("Episode 5");
        assertThat(FeedIT.text(first, "/rss/channel/atom:link[@rel='self']/@href"))
                .isEqualTo("http://localhost:8080/feed.xml");
        assertThat(FeedIT.text(first, "/rss/channel/atom:link[@rel='first']/@href"))
                .isEqualTo("http://localhost:8080/feed.xml");
        assertThat(FeedIT.text(first, "/rss/channel/atom:link[@rel='next']/@href"))
                .isEqualTo("http://localhost:8080/feed.xml?page=2");
        assertThat(FeedIT.text(first, "/rss/channel/atom:link[@rel='last']/@href"))
                .isEqualTo("http://localhost:8080/feed.xml?page=3");
        assertThat(FeedIT.count(first, "/rss/channel/atom:link[@rel='previous']"))
                .isZero();

        Document last = FeedIT.parse(server.get("/feed.xml?page=3").body());
        assertThat(FeedIT.count(last, "/rss/channel/item")).isEqualTo(1);
        assertThat(FeedIT.text(last, "/rss/channel/item/title")).isEqualTo("Episode 1");
        assertThat(FeedIT.text(last, "/rss/channel/atom:link[@rel='previous']/@href"))
                .isEqualTo("http://localhost:8080/feed.xml?page=2");
        assertThat(FeedIT.count(last, "/rss/channel/atom:link[@rel='next']")).isZero();
        assertThat(server.get("/feed.xml?page=4").statusCode()).isEqualTo(404);
    }
}
