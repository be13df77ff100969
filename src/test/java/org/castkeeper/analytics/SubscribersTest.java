package org.castkeeper.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Subscriber counts as aggregators write them in their feed-poll User-Agents. */
class SubscribersTest {
    @Test
    void readsTheCountAndTheAggregatorAsTheySendThem() {
        assertThat(Subscribers.parse("Feedly/1.0 (+http://www.feedly.com/fetcher.html; 1,234 subscribers; )", 1))
                .isEqualTo(new Subscribers.Report(
                        "Feedly", 1234, "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 1,234 subscribers; )", 1));
        assertThat(Subscribers.parse("Feedbin feed-id:1373711 - 2 subscribers", 1)
                        .aggregator())
                .isEqualTo("Feedbin");
        assertThat(Subscribers.parse("Feedbin feed-id:1373711 - 2 subscribers", 1)
                        .subscribers())
                .isEqualTo(2);
        assertThat(Subscribers.parse(
                        "Overcast/1.0 Podcast Sync (12 subscribers; feed-id=123; +http://overcast.fm/)", 1))
                .extracting(Subscribers.Report::aggregator, Subscribers.Report::subscribers)
                .containsExactly("Overcast", 12);
        assertThat(Subscribers.parse("NewsBlur Feed Fetcher - 5 subscribers - https://www.newsblur.com/site/1/x", 1)
                        .aggregator())
                .isEqualTo("NewsBlur Feed Fetcher");
        assertThat(Subscribers.parse("Mozilla/5.0 (compatible; Inoreader/1.0; 1 subscriber; )", 1)
                        .subscribers())
                .isEqualTo(1);
    }

    @Test
    void anAgentWithoutACountReportsNothing() {
        assertThat(Subscribers.parse("AppleCoreMedia/1.0 (iPhone)", 1)).isNull();
        assertThat(Subscribers.parse("Subscribers app", 1)).isNull();
        assertThat(Subscribers.parse("X 99999999999999999999999 subscribers", 1))
                .isNull();
    }

    @Test
    void pollsKeepOnlyTheLatestPerAggregatorUntilSaved() {
        Subscribers s = new Subscribers(java.time.Clock.systemUTC());
        s.polled(null);
        s.polled("Podcasts/1650.20 CFNetwork/1485 Darwin/23.1.0");
        s.polled("Feedly/1.0 (3 subscribers)");
        s.polled("Feedly/1.0 (4 subscribers)");
        assertThat(s.unsaved()).hasSize(1);
        assertThat(s.unsaved().get("Feedly").subscribers()).isEqualTo(4);
    }
}
