package org.castkeeper.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.castkeeper.feed.podcast.PodcastGuid;
import org.junit.jupiter.api.Test;

class PodcastGuidTest {
    @Test
    void theNamespacesOwnExample() {
        // From the Podcasting 2.0 namespace documentation for podcast:guid.
        assertThat(PodcastGuid.forFeedUrl("https://mp3s.nashownotes.com/pc20rss.xml"))
                .hasToString("917393e3-1b1e-5cef-ace4-edaa54e1f810");
    }

    @Test
    void schemeAndTrailingSlashesDoNotMatter() {
        assertThat(PodcastGuid.forFeedUrl("http://podcastindex.org/namespace/1.0/"))
                .isEqualTo(PodcastGuid.forFeedUrl("https://podcastindex.org/namespace/1.0"))
                .isEqualTo(PodcastGuid.forFeedUrl("podcastindex.org/namespace/1.0//"));
    }

    @Test
    void isAVersion5Uuid() {
        assertThat(PodcastGuid.forFeedUrl("https://podcast.example.org/feed.xml")
                        .version())
                .isEqualTo(5);
    }
}
