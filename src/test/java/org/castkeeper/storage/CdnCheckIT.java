package org.castkeeper.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.distribution.Check;
import org.castkeeper.distribution.Directory;
import org.castkeeper.distribution.ReadinessChecks;
import org.castkeeper.testing.FixtureHost;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The readiness checks (the distribution page and {@code castkeeper check}) behind a CDN: they say the enclosures
 * redirect and where, and check type and length through the redirect.
 */
class CdnCheckIT {
    @TempDir
    Path dir;

    @Test
    void theChecksSayWhereTheAudioRedirectsAndCheckItThere() throws Exception {
        try (FixtureHost cdn = new FixtureHost()) {
            String base = cdn.url("/media/");
            try (TestServer server =
                    TestServer.startWithFeedSettings(dir, "storage:\n  mediaBaseUrl: " + base + "\n")) {
                Episode e = server.publish("cbr-id3v23.mp3", "Via a CDN", TestServer.START.minus(Duration.ofDays(1)));
                byte[] bytes = Files.readAllBytes(server.app()
                        .folder()
                        .orElseThrow()
                        .root()
                        .resolve(e.audio().path()));
                cdn.file("/media/" + e.audio().path(), bytes, "audio/mpeg");

                ReadinessChecks.Report report =
                        server.app().readiness().run(server.url("").replaceAll("/+$", ""));
                Check redirects = report.checks().get(Directory.APPLE).stream()
                        .filter(c -> c.name().equals("Media redirects"))
                        .findFirst()
                        .orElseThrow();
                assertThat(redirects.status()).isEqualTo(Check.Status.PASS);
                assertThat(redirects.message())
                        .contains("302 to " + base + e.audio().path());
                Check enclosures = report.checks().get(Directory.APPLE).stream()
                        .filter(c -> c.name().equals("Media"))
                        .findFirst()
                        .orElseThrow();
                assertThat(enclosures.status()).as(enclosures.message()).isEqualTo(Check.Status.PASS);
            }
        }
    }
}
