package org.castkeeper.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.castkeeper.catalogue.Chapter;
import org.junit.jupiter.api.Test;

class SecondsTest {
    @Test
    void secondsArePlainDecimals() {
        assertThat(Seconds.fromMillis(10_000).toString()).isEqualTo("10");
        assertThat(Seconds.fromMillis(600_000).toString()).isEqualTo("600");
        assertThat(Seconds.fromMillis(73_500).toString()).isEqualTo("73.5");
        assertThat(Seconds.fromMillis(1).toString()).isEqualTo("0.001");
        assertThat(Seconds.fromMillis(0).toString()).isEqualTo("0");
    }

    @Test
    void chaptersJsonWritesRoundTimesWithoutAnExponent() {
        var episode = FeedGoldenTest.episode(1, "Chapters", "", java.time.Instant.parse("2026-11-16T07:00:00Z"))
                .chapters(List.of(new Chapter(10_000, 20_000L, "Ten", null), new Chapter(20_000, null, "Twenty", null)))
                .build();
        assertThat(ChaptersController.toJson(episode).toString())
                .isEqualTo("{\"version\":\"1.2.0\",\"chapters\":[{\"startTime\":10,\"endTime\":20,\"title\":\"Ten\"},"
                        + "{\"startTime\":20,\"title\":\"Twenty\"}]}");
    }
}
