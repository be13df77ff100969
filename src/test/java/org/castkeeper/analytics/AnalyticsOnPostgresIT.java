package org.castkeeper.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.castkeeper.testing.Eventually.assertThatEventually;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.config.AppConfig;
import org.castkeeper.config.ConfigLoader;
import org.castkeeper.testing.LongMp3;
import org.castkeeper.testing.TestDatabases;
import org.castkeeper.testing.TestServer;
import org.castkeeper.testing.TestShow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one PostgreSQL share the day's salt through the database: a listener whose requests are
 * answered half by one and half by the other is one listener, counted once; and the day is counted once when both
 * count it.
 */
class AnalyticsOnPostgresIT {
    @TempDir
    Path dir;

    @Test
    void twoInstancesCountOneListenerOnce() throws Exception {
        String schema = TestDatabases.createSchema("ck_stats_");
        try {
            Path show = dir.resolve("show");
            Path config = TestShow.create(show, TestDatabases.POSTGRES_URL + "?currentSchema=" + schema);
            Files.writeString(config, Files.readString(config) + "  user: postgres\n");
            AppConfig settings = ConfigLoader.load(config, Map.of());
            try (TestServer one = TestServer.start(settings, show);
                    TestServer two = TestServer.start(settings, show)) {
                Path file = dir.resolve("ten-minutes.mp3");
                LongMp3.write(file, "Ten minutes", 600);
                Episode e = one.publishFile(file, "Ten minutes", TestServer.START.minus(Duration.ofDays(1)));
                String path = "/media/" + e.audio().path();
                // The second instance serves it once it has read the change (a HEAD: never counted).
                assertThatEventually(
                        () -> assertThat(two.head(path).statusCode()).isEqualTo(200));
                long minute = e.audio().sizeBytes() * 60 / e.audio().durationSeconds();
                String app = "Pocket Casts";
                assertThat(Traffic.range("127.0.0.2", one.url(path), app, "0-" + minute / 2)
                                .statusCode())
                        .isEqualTo(206);
                assertThat(Traffic.range("127.0.0.2", two.url(path), app, (minute / 2) + "-" + minute)
                                .statusCode())
                        .isEqualTo(206);
                log(one).write();
                log(two).write();

                // Half a minute from each: one listener with a whole minute. One download, seen by both.
                assertThat(downloads(one, e)).isEqualTo(1);
                assertThat(downloads(two, e)).isEqualTo(1);

                // The day over, both count it: it is counted once.
                one.clock().advance(Duration.ofDays(1));
                two.clock().advance(Duration.ofDays(1));
                int counted = log(one).countFinishedDays() + log(two).countFinishedDays();
                assertThat(counted).isBetween(1, 2);
                assertThat(downloads(one, e)).isEqualTo(1);
                assertThat(one.app().stats().report(7, e.slug()).apps())
                        .containsExactly(new Stats.Share("Pocket Casts", 1));
            }
        } finally {
            TestDatabases.dropSchema(schema);
        }
    }

    private static RequestLog log(TestServer server) {
        return (RequestLog) server.app().mediaRequests();
    }

    private static int downloads(TestServer server, Episode e) {
        return server.app().stats().report(7, e.slug()).episodes().get(0).downloads();
    }
}
