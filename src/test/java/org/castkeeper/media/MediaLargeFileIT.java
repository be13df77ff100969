package org.castkeeper.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.castkeeper.Castkeeper;
import org.castkeeper.catalogue.EpisodeAudio;
import org.castkeeper.catalogue.EpisodeState;
import org.castkeeper.catalogue.NewEpisode;
import org.castkeeper.config.ConfigLoader;
import org.castkeeper.testing.JarServer;
import org.castkeeper.testing.TestShow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 1 GB episode, served in full and by range by the packaged jar running on a 48 MB heap. */
class MediaLargeFileIT {
    static final long ONE_GB = 1L << 30;

    @TempDir
    Path dir;

    @Test
    void aOneGigabyteFileStreamsThroughASmallHeap() throws Exception {
        Path config = TestShow.create(dir);
        // A sparse file: a gigabyte long, next to nothing on disk.
        try (RandomAccessFile big = new RandomAccessFile(
                Files.createDirectories(dir.resolve("data/media"))
                        .resolve("big.mp3")
                        .toFile(),
                "rw")) {
            big.setLength(ONE_GB);
        }
        try (Castkeeper app = Castkeeper.open(ConfigLoader.load(config, java.util.Map.of()), Clock.systemUTC())) {
            app.episodes()
                    .create(new NewEpisode(
                            "Big",
                            "",
                            EpisodeState.PUBLISHED,
                            Instant.now().minusSeconds(60),
                            new EpisodeAudio(
                                    "big.mp3", ONE_GB, "audio/mpeg", "a".repeat(64), 30_000, 256, false, 44100, 2),
                            null,
                            null,
                            null,
                            List.of()));
        }

        try (JarServer server = JarServer.start(config, "48m")) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<InputStream> full = http.send(
                    HttpRequest.newBuilder(URI.create(server.url("/media/big.mp3")))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(full.statusCode()).isEqualTo(200);
            assertThat(full.headers().firstValueAsLong("Content-Length")).hasValue(ONE_GB);
            long received = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream body = full.body()) {
                for (int n; (n = body.read(buffer)) > 0; ) {
                    received += n;
                }
            }
            assertThat(received).isEqualTo(ONE_GB);

            HttpResponse<byte[]> tail = http.send(
                    HttpRequest.newBuilder(URI.create(server.url("/media/big.mp3")))
                            .header("Range", "bytes=-1048576")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(tail.statusCode()).isEqualTo(206);
            assertThat(tail.body()).hasSize(1 << 20);
            assertThat(server.isAlive())
                    .as("no OutOfMemoryError on a 48 MB heap")
                    .isTrue();
        }
    }
}
